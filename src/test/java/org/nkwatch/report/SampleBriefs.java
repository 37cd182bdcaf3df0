package org.nkwatch.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.nkwatch.model.MentionKind;

/**
 * Brief data written by hand for the tests: realistic names and counts, evidence sentences written for
 * this project (no article text from elsewhere), fictitious URLs on example.org.
 */
final class SampleBriefs {
  static final Instant GENERATED = Instant.parse("2025-04-01T06:00:00Z");
  static final Instant RENDERED = Instant.parse("2025-04-01T06:30:00Z");

  static final String PAK_SENTENCE = "Sources in Pyongyang say Pak Jong Chon was dismissed as a secretary of the "
      + "Central Committee after a party inspection found lax discipline in munitions work.";
  static final String OGD_SENTENCE = "Three deputy directors of the Organization and Guidance Department were sent "
      + "to a farm in South Hwanghae for revolutionization after taking bribes for cadre appointments.";
  static final String HAMGYONG_SENTENCE = "The enlarged plenary meeting dismissed several officials of the North "
      + "Hamgyong Provincial Party Committee for failures in flood recovery work.";
  static final String FTB_SENTENCE = "The Security Council panel named the Foreign Trade Bank in a report on "
      + "ship-to-ship transfers of refined petroleum.";
  static final String HYESAN_SENTENCE = "About twenty traders in Hyesan were arrested by the Ministry of State "
      + "Security for smuggling across the Yalu, a source in Ryanggang Province said.";
  static final String SOWING_SENTENCE = "Officials who neglected the spring sowing were severely criticised at a "
      + "meeting of the South Phyongan Provincial Party Committee.";

  private SampleBriefs() {
  }

  static List<CorpusInfo> corpora() {
    return List.of(
        new CorpusInfo("dailynk", "Daily NK", "defector_network", 412, 380, 22, 10),
        new CorpusInfo("kcna", "KCNA", "state_media", 1250, 1130, 96, 24),
        new CorpusInfo("rodong", "Rodong Sinmun", "state_media", 134, 130, 4, 0),
        new CorpusInfo("yonhap", "Yonhap", "wire_or_newspaper", 640, 611, 20, 9));
  }

  static List<RankedEntity> people() {
    return List.of(
        new RankedEntity("kim_jong_un", "Kim Jong Un", "김정은", 412, 301, 380),
        new RankedEntity("choe_son_hui", "Choe Son Hui", "최선희", 57, 40, 33),
        new RankedEntity("kim_yo_jong", "Kim Yo Jong", "김여정", 44, 31, 61),
        new RankedEntity("pak_jong_chon", "Pak Jong Chon", "박정천", 18, 11, 25),
        new RankedEntity("jo_yong_won", "Jo Yong Won", "조용원", 15, 12, 0),
        new RankedEntity("kim_tok_hun", "Kim Tok Hun", "김덕훈", 12, 10, 12),
        new RankedEntity("ri_il_hwan", "Ri Il Hwan", "리일환", 9, 7, 2));
  }

  static List<RankedEntity> organizations() {
    return List.of(
        new RankedEntity("wpk", "Workers' Party of Korea", "조선로동당", 220, 180, 190),
        new RankedEntity("kpa", "Korean People's Army", "조선인민군", 95, 70, 110),
        new RankedEntity("ogd", "Organization and Guidance Department", "조직지도부", 38, 22, 12),
        new RankedEntity("mss", "Ministry of State Security", "국가보위성", 31, 19, 20),
        new RankedEntity("ftb", "Foreign Trade Bank", "조선무역은행", 14, 9, 0));
  }

  static List<RankedEntity> places() {
    return List.of(
        new RankedEntity("pyongyang", "Pyongyang", "평양", 260, 210, 240),
        new RankedEntity("sinuiju", "Sinuiju", "신의주", 24, 15, 6),
        new RankedEntity("hyesan", "Hyesan", "혜산", 18, 9, 14),
        new RankedEntity("nampo", "Nampo", "남포", 11, 8, 0),
        new RankedEntity("kaesong", "Kaesong", "개성", 7, 5, 9));
  }

  static List<TypeCount> sanctionsByCorpus() {
    return List.of(
        new TypeCount("dailynk", "dismissal", 14), new TypeCount("dailynk", "revolutionization", 9),
        new TypeCount("dailynk", "arrest", 6), new TypeCount("dailynk", "execution", 2),
        new TypeCount("dailynk", "investigation", 8),
        new TypeCount("kcna", "dismissal", 5), new TypeCount("kcna", "reprimand", 7),
        new TypeCount("kcna", "un_sanctions", 18), new TypeCount("kcna", "unilateral_sanctions", 12),
        new TypeCount("kcna", "sanctions_relief", 1),
        new TypeCount("rodong", "reprimand", 4), new TypeCount("rodong", "dismissal", 2),
        new TypeCount("yonhap", "dismissal", 6), new TypeCount("yonhap", "un_sanctions", 9),
        new TypeCount("yonhap", "unilateral_sanctions", 15), new TypeCount("yonhap", "sanctions_evasion", 7),
        new TypeCount("yonhap", "execution", 1));
  }

  static List<PeriodCount> themes() {
    List<PeriodCount> out = new ArrayList<>();
    String[][] themes = {
        {"nuclear_programme", "Nuclear programme", "42", "51", "38"},
        {"food_security", "Food security", "18", "22", "31"},
        {"anti_socialist", "Anti-socialist campaign", "12", "19", "27"},
        {"cadre_discipline", "Cadre discipline", "9", "14", "21"},
        {"russia_ties", "Russia ties", "25", "17", "20"},
        {"border_control", "Border control", "6", "8", "5"}};
    for (String[] t : themes) {
      for (int m = 0; m < 3; m++) {
        out.add(new PeriodCount(LocalDate.of(2025, 1 + m, 1), t[0], t[1], Long.parseLong(t[2 + m])));
      }
    }
    return out;
  }

  static List<TypeCount> organizationsBySanction() {
    return List.of(
        new TypeCount("Organization and Guidance Department", "investigation", 6),
        new TypeCount("Organization and Guidance Department", "dismissal", 4),
        new TypeCount("Organization and Guidance Department", "revolutionization", 3),
        new TypeCount("Ministry of State Security", "arrest", 5),
        new TypeCount("Ministry of State Security", "investigation", 3),
        new TypeCount("Ministry of State Security", "execution", 1),
        new TypeCount("Central Committee", "dismissal", 3),
        new TypeCount("Central Committee", "demotion", 1),
        new TypeCount("Korean People's Army", "dismissal", 2),
        new TypeCount("Korean People's Army", "reprimand", 2),
        new TypeCount("Foreign Trade Bank", "un_sanctions", 4),
        new TypeCount("Foreign Trade Bank", "unilateral_sanctions", 6));
  }

  static List<Evidence> evidence() {
    return List.of(
        new Evidence("dnk-0211:4", MentionKind.SANCTION, "dismissal", PAK_SENTENCE, "dailynk", "Daily NK",
            "Senior munitions official removed after party inspection", LocalDate.of(2025, 2, 11),
            "https://example.org/dailynk/2025/02/11/munitions-inspection"),
        new Evidence("dnk-0304:2", MentionKind.SANCTION, "revolutionization", OGD_SENTENCE, "dailynk", "Daily NK",
            "Party cadre officials sent to farm over appointment bribes", LocalDate.of(2025, 3, 4),
            "https://example.org/dailynk/2025/03/04/cadre-bribes"),
        new Evidence("kcna-0123:7", MentionKind.SANCTION, "dismissal", HAMGYONG_SENTENCE, "kcna", "KCNA",
            "Enlarged plenary meeting of WPK Central Committee held", LocalDate.of(2025, 1, 23),
            "https://example.org/kcna/2025/01/23/plenary"),
        new Evidence("yna-0319:3", MentionKind.SANCTION, "un_sanctions", FTB_SENTENCE, "yonhap", "Yonhap",
            "UN panel report details oil transfers", LocalDate.of(2025, 3, 19),
            "https://example.org/yonhap/2025/03/19/panel-report"),
        new Evidence("dnk-0327:1", MentionKind.SANCTION, "arrest", HYESAN_SENTENCE, "dailynk", "Daily NK",
            "Crackdown on smugglers in Ryanggang", LocalDate.of(2025, 3, 27), null),
        new Evidence("rodong-0310:5", MentionKind.SANCTION, "reprimand", SOWING_SENTENCE, "rodong", "Rodong Sinmun",
            "Spring sowing must be done on time", LocalDate.of(2025, 3, 10), null));
  }

  static List<EventRow> events() {
    return List.of(
        new EventRow("dismissal", "Pak Jong Chon", "Secretary of the Central Committee", "",
            "lax discipline in munitions work", "reported", "dnk-0211:4"),
        new EventRow("revolutionization", "Organization and Guidance Department", "deputy department directors",
            "three", "bribes for cadre appointments", "reported", "dnk-0304:2"),
        new EventRow("dismissal", "North Hamgyong Provincial Party Committee", "provincial party officials",
            "several", "failures in flood recovery work", "confirmed", "kcna-0123:7"),
        new EventRow("un_sanctions", "Foreign Trade Bank", "", "", "ship-to-ship transfers of refined petroleum",
            "reported", "yna-0319:3"),
        new EventRow("arrest", "traders in Hyesan", "", "about twenty", "smuggling across the Yalu",
            "reported", "dnk-0327:1"));
  }

  static AppendixInfo appendix() {
    return new AppendixInfo(
        List.of("out/tables/counts (Parquet, grain month)", "out/tables/mentions (Parquet)",
            "out/tables/sanction_events (Parquet)", "out/tables/articles and out/tables/rejects (Parquet)"),
        "sanctions 2025.1, themes 2025.1", "gazetteer 2025.2 (44 officials, 24 organizations)",
        List.of("Articles were ingested per corpus, de-duplicated by content hash and near-duplicate text.",
            "People, organizations and places were found with the project's gazetteers and resolved to canonical keys.",
            "Themes and sanction types were classified from taxonomy cue phrases, with negation and hedging.",
            "Counts are mentions and distinct articles per corpus and month; changes compare with the previous three months."));
  }

  /** A quarter of news with every part filled. */
  static BriefData full() {
    return base().build();
  }

  static BriefDataBuilder base() {
    return BriefData.builder()
        .title("North Korea Monthly Brief")
        .audience("Research analysts, journalists and compliance teams")
        .runId("run-2025-04-01-0600")
        .generatedAt(GENERATED)
        .period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31))
        .previousPeriod(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 31))
        .grain(Grain.MONTH)
        .corpora(corpora())
        .keyFigures(new KeyFigures(2251, 14382, 5, 188, 97, 142, 2))
        .topPeople(people())
        .topOrganizations(organizations())
        .topPlaces(places())
        .sanctionTypesByCorpus(sanctionsByCorpus())
        .themesOverTime(themes())
        .organizationsBySanctionType(organizationsBySanction())
        .sanctionEvents(events())
        .evidence(evidence())
        .appendix(appendix());
  }

  /** A quiet period: people and themes, but no sanction events, no sanction counts, no evidence. */
  static BriefData noSanctions() {
    return base().title("Weekly North Korea Watch")
        .period(LocalDate.of(2025, 3, 24), LocalDate.of(2025, 3, 30))
        .previousPeriod(LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 23))
        .grain(Grain.WEEK)
        .keyFigures(new KeyFigures(140, 910, 0, 41, 22, 30, 0))
        .sanctionTypesByCorpus(List.of()).organizationsBySanctionType(List.of())
        .sanctionEvents(List.of()).evidence(List.of())
        .build();
  }

  /** One article in one corpus, no comparison: the smallest brief there is. */
  static BriefData singleArticle() {
    LocalDate day = LocalDate.of(2025, 2, 11);
    return BriefData.builder()
        .title("Weekly North Korea Watch")
        .audience("Sanctions-compliance desks")
        .runId("run-single")
        .generatedAt(GENERATED)
        .period(day, day)
        .grain(Grain.WEEK)
        .corpora(List.of(new CorpusInfo("dailynk", "Daily NK", "defector_network", 1, 1, 0, 0)))
        .keyFigures(new KeyFigures(1, 3, 1, 1, 1, 0, 0))
        .topPeople(List.of(new RankedEntity("pak_jong_chon", "Pak Jong Chon", "박정천", 2, 1, 0)))
        .topOrganizations(List.of(new RankedEntity("cc", "Central Committee", "", 1, 1, 0)))
        .sanctionTypesByCorpus(List.of(new TypeCount("dailynk", "dismissal", 1)))
        .themesOverTime(List.of(new PeriodCount(LocalDate.of(2025, 2, 10), "cadre_discipline", "Cadre discipline", 1)))
        .organizationsBySanctionType(List.of(new TypeCount("Central Committee", "dismissal", 1)))
        .sanctionEvents(List.of(events().get(0)))
        .evidence(List.of(evidence().get(0)))
        .build();
  }

  /** Articles without dates only: no period. */
  static BriefData undated() {
    return base().period(null, null).previousPeriod(null, null).themesOverTime(List.of()).build();
  }

  static final String LONG_TOKEN = "x".repeat(10_000);
  static final String HOSTILE = "Ctrl\u0000\u0007\u001b[31m\u0008 tab\tnl\nRTL\u200f mark \u202e override "
      + "عقوبات الأمم المتحدة שלום עולם emoji \ud83d\ude80\ud83c\uddf0\ud83c\uddf5 \u2764\ufe0f "
      + "zwj \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 nonchar \uffff\ufffe lone \ud800 end";

  /** Every string a corpus could throw at the brief. */
  static BriefData hostile() {
    String h = HOSTILE;
    return base().title("Hostile " + h)
        .audience(h + " " + LONG_TOKEN)
        .runId(h)
        .corpora(List.of(new CorpusInfo("dailynk", h, "defector_network", 1, 1, 0, 0),
            new CorpusInfo("kcna", "KCNA " + LONG_TOKEN, "state_media", 1, 1, 0, 0)))
        .topPeople(List.of(new RankedEntity("p1", h, h, 3, 2, 1),
            new RankedEntity("p2", LONG_TOKEN, "\ud800\uffff", 2, 1, 0)))
        .topOrganizations(List.of(new RankedEntity("o1", "Org " + h, "", 2, 2, 0)))
        .sanctionTypesByCorpus(List.of(new TypeCount("dailynk", "dismissal", 1), new TypeCount("kcna", h, 2)))
        .themesOverTime(List.of(new PeriodCount(LocalDate.of(2025, 1, 1), h, h, 3)))
        .organizationsBySanctionType(List.of(new TypeCount(h, "dismissal", 1), new TypeCount(LONG_TOKEN, h, 2)))
        .sanctionEvents(List.of(new EventRow(h, h, h, h, h + LONG_TOKEN, h, "e1")))
        .evidence(List.of(new Evidence("e1", MentionKind.SANCTION, h, h + " " + LONG_TOKEN, "dailynk", h, h,
            LocalDate.of(2025, 1, 5), "https://example.org/" + LONG_TOKEN)))
        .appendix(new AppendixInfo(List.of(h, LONG_TOKEN), h, h, List.of(h)))
        .build();
  }
}
