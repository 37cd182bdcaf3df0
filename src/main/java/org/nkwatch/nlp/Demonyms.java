package org.nkwatch.nlp;

import java.util.Map;

/**
 * Country adjectives and the place keys of conf/gazetteer/places.tsv they stand for. Adjectives are not place
 * mentions (the gold sets count nouns only); the finder uses them as context: "the Brazilian government ...
 * the Foreign Ministry" is Brazil's foreign ministry, "Hungarian Workers' Party" is not the WPK.
 */
final class Demonyms {
  private Demonyms() {
  }

  static final Map<String, String> PLACE_KEYS = Map.ofEntries(
      Map.entry("American", "united-states"), Map.entry("Chinese", "china"), Map.entry("Russian", "russia"),
      Map.entry("Japanese", "japan"), Map.entry("Brazilian", "brazil"), Map.entry("Iranian", "iran"),
      Map.entry("Indian", "india"), Map.entry("Pakistani", "pakistan"), Map.entry("Syrian", "syria"),
      Map.entry("Cuban", "cuba"), Map.entry("Vietnamese", "vietnam"), Map.entry("Lao", "laos"),
      Map.entry("Laotian", "laos"), Map.entry("Cambodian", "cambodia"), Map.entry("Mongolian", "mongolia"),
      Map.entry("Indonesian", "indonesia"), Map.entry("Malaysian", "malaysia"), Map.entry("Thai", "thailand"),
      Map.entry("Nepali", "nepal"), Map.entry("Nepalese", "nepal"), Map.entry("Bangladeshi", "bangladesh"),
      Map.entry("Egyptian", "egypt"), Map.entry("Libyan", "libya"), Map.entry("Iraqi", "iraq"),
      Map.entry("Kuwaiti", "kuwait"), Map.entry("Turkish", "turkey"), Map.entry("Ukrainian", "ukraine"),
      Map.entry("Belarusian", "belarus"), Map.entry("German", "germany"), Map.entry("British", "united-kingdom"),
      Map.entry("French", "france"), Map.entry("Italian", "italy"), Map.entry("Swiss", "switzerland"),
      Map.entry("Swedish", "sweden"), Map.entry("Austrian", "austria"), Map.entry("Polish", "poland"),
      Map.entry("Czech", "czech-republic"), Map.entry("Finnish", "finland"), Map.entry("Australian", "australia"),
      Map.entry("Canadian", "canada"), Map.entry("Ethiopian", "ethiopia"), Map.entry("Nigerian", "nigeria"),
      Map.entry("Ugandan", "uganda"), Map.entry("Zimbabwean", "zimbabwe"), Map.entry("Tanzanian", "tanzania"),
      Map.entry("Algerian", "algeria"), Map.entry("Venezuelan", "venezuela"), Map.entry("Nicaraguan", "nicaragua"),
      Map.entry("Peruvian", "peru"), Map.entry("Mexican", "mexico"), Map.entry("Israeli", "israel"),
      Map.entry("Palestinian", "palestine"), Map.entry("Lebanese", "lebanon"), Map.entry("Qatari", "qatar"),
      Map.entry("Saudi", "saudi-arabia"), Map.entry("Kazakh", "kazakhstan"), Map.entry("Bulgarian", "bulgaria"),
      Map.entry("Romanian", "romania"), Map.entry("Serbian", "serbia"), Map.entry("Croatian", "croatia"),
      Map.entry("Hungarian", "hungary"), Map.entry("Slovak", "slovakia"), Map.entry("Ecuadorian", "ecuador"),
      Map.entry("Myanmar", "myanmar"), Map.entry("Burmese", "myanmar"), Map.entry("Singaporean", "singapore"),
      Map.entry("Filipino", "philippines"), Map.entry("Kyrgyz", "kyrgyzstan"), Map.entry("Uzbek", "uzbekistan"));
}
