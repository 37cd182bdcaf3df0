package org.nkwatch.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.model.MentionKind;
import org.nkwatch.testing.FixtureConfig;

class EntityFinderTest {
  private static Gazetteer gazetteer;
  private final TextAnalyzer analyzer = new TextAnalyzer();

  @BeforeAll
  static void load() {
    gazetteer = Gazetteer.load(FixtureConfig.bundle());
  }

  private List<FoundEntity> find(String text, LocalDate date) {
    return new EntityFinder(gazetteer).find(analyzer.analyze(text), date, analyzer);
  }

  private List<String> keys(String text) {
    return find(text, LocalDate.of(2024, 5, 1)).stream().map(FoundEntity::key).toList();
  }

  @Test
  void spellingsOfOneNameResolveToOneKey() {
    assertThat(keys("Kim Jong-un met officials.")).containsExactly("kim-jong-un");
    assertThat(keys("KIM JONG UN met officials.")).containsExactly("kim-jong-un");
    assertThat(keys("Kim Jong Un's sister spoke.")).containsExactly("kim-jong-un");
    assertThat(keys("Kim Jong-eun visited a farm.")).containsExactly("kim-jong-un");
    assertThat(keys("Choi Son-hui flew to Moscow.")).containsExactly("choe-son-hui");
    assertThat(keys("Park Thae-song chaired the meeting.")).containsExactly("pak-thae-song");
  }

  @Test
  void kimJongUnAndKimJongIlStayApart() {
    assertThat(keys("Kim Jong Il and Kim Jong Un appeared together."))
        .containsExactly("kim-jong-il", "kim-jong-un");
  }

  @Test
  void oneNameTwoPeopleIsResolvedByTheDateOfTheirPosts() {
    assertThat(find("Ri Yong Ho was removed.", LocalDate.of(2012, 7, 16)).get(0).key()).isEqualTo("ri-yong-ho-1942");
    assertThat(find("Ri Yong Ho spoke at the forum.", LocalDate.of(2018, 8, 3)).get(0).key()).isEqualTo("ri-yong-ho-1956");
  }

  @Test
  void shortReferencesResolveToTheFullNameMentionedEarlier() {
    List<FoundEntity> found = find("Kim Jong Un met Xi Jinping in Beijing. Later Kim thanked Xi.", LocalDate.of(2025, 9, 3));
    assertThat(found).extracting(FoundEntity::key)
        .containsExactly("kim-jong-un", "xi-jinping", "beijing", "kim-jong-un", "xi-jinping");
    assertThat(found.get(3).surface()).isEqualTo("Kim");
  }

  @Test
  void aShortReferenceWithTwoCandidatesIsLeftAlone() {
    List<String> found = keys("Kim Jong Un and Kim Jong Il were honoured. Kim spoke.");
    assertThat(found).containsExactly("kim-jong-un", "kim-jong-il");
  }

  @Test
  void organisationsMatchInAnyCaseButAcronymsOnlyInCapitals() {
    assertThat(keys("Cadres of the organization and guidance department were summoned.")).containsExactly("ogd");
    assertThat(keys("The OGD and the KPA issued orders.")).containsExactly("ogd", "kpa");
    assertThat(keys("Let us go to the U.S. embassy.")).containsExactly("united-states");
    assertThat(keys("the Workers' Party of Korea met")).containsExactly("wpk");
  }

  @Test
  void unknownKoreanNamesAndPhrasesAreTypedAndMarkedUnlisted() {
    List<FoundEntity> found = find("Han Song Chol of the Kangnam Machine Department was sent to Hamhung County.",
        LocalDate.of(2024, 1, 1));
    assertThat(found).extracting(FoundEntity::kind)
        .containsExactly(MentionKind.PERSON, MentionKind.ORGANIZATION, MentionKind.PLACE);
    assertThat(found).allMatch(e -> !e.listed());
    assertThat(found.get(0).key()).isEqualTo("unlisted-person:han-song-chol");
    assertThat(found.get(1).name()).isEqualTo("Kangnam Machine Department");
    assertThat(found.get(2).key()).isEqualTo("unlisted-place:hamhung-county");
  }

  @Test
  void offsetsPointIntoTheText() {
    String text = "Yesterday Choe Son Hui met Vladimir Putin.";
    for (FoundEntity e : find(text, LocalDate.of(2024, 11, 4))) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.surface());
    }
  }

  @Test
  void namesGluedToTheNeighbouringWordAreSplitOff() {
    String text = "The respected ComradeKim Jong Uninspected a mill where PresidentKim Il Sungguided work.";
    List<FoundEntity> found = find(text, LocalDate.of(2024, 7, 1));
    assertThat(found).extracting(FoundEntity::key).containsExactly("kim-jong-un", "kim-il-sung");
    assertThat(found).extracting(FoundEntity::surface).containsExactly("Kim Jong Un", "Kim Il Sung");
    assertThat(keys("He thanked HEKim Jong Un for greetings.")).containsExactly("kim-jong-un");
    assertThat(keys("Kim Jong Un Inspects a Farm")).containsExactly("kim-jong-un");
  }

  @Test
  void foreignPeopleAreFoundFromATitleBeforeOrAPostAfterTheirName() {
    assertThat(keys("Deputy Prime Minister Ali Babacan spoke. Later Babacan left."))
        .containsExactly("unlisted-person:ali-babacan", "unlisted-person:ali-babacan");
    assertThat(keys("A letter came from Blade Nzimande, general secretary of a party."))
        .containsExactly("unlisted-person:blade-nzimande");
    assertThat(keys("Mr. John Smith arrived with Ambassador Maria Lopez Garcia."))
        .containsExactly("unlisted-person:john-smith", "unlisted-person:maria-lopez-garcia");
    assertThat(keys("President Kim Jong Un met the Ministry of Foreign Affairs."))
        .containsExactly("kim-jong-un", "mofa");
    assertThat(keys("The President spoke.")).isEmpty();
    assertThat(keys("He met his Laotian counterpart Thongloun Sisoulith and the Secretary-General of the UN Ban Ki Moon."))
        .containsExactly("unlisted-person:thongloun-sisoulith", "united-nations", "unlisted-person:ban-ki-moon");
  }

  @Test
  void organizationPhrasesTakeInPlacesAndComplementsButNotFragments() {
    assertThat(keys("Workers of the Sinuiju Bag Factory met."))
        .containsExactly("sinuiju", "unlisted-organization:sinuiju-bag-factory");
    assertThat(keys("It met the Ministry of Land and Marine Transport of the DPRK."))
        .containsExactly("unlisted-organization:ministry-of-land-and-marine-transport", "north-korea");
    assertThat(keys("The Communist Party of Iran and the Hungarian Workers' Party sent messages."))
        .containsExactly("unlisted-organization:communist-party-of-iran", "iran",
            "unlisted-organization:hungarian-workers-party");
    assertThat(keys("The National Salvation Front of Iran wrote.")).containsExactly(
        "unlisted-organization:national-salvation-front", "iran");
    assertThat(keys("Members of its Central Committee and the Communist Party attended.")).isEmpty();
  }

  @Test
  void theCentralCommitteeAndThePartyAreTheWpksOnlyWhenNoOtherPartyIsNamed() {
    assertThat(keys("The WPK Central Committee met. The Central Committee praised the Party."))
        .containsExactly("wpk-central-committee", "wpk", "wpk-central-committee", "wpk");
    assertThat(keys("The WPK greeted the Communist Party of Iran. Its Central Committee thanked the Party."))
        .containsExactly("wpk", "unlisted-organization:communist-party-of-iran", "iran");
  }

  @Test
  void aPersonalNameInsideALongerNameIsNotThePerson() {
    assertThat(keys("A match was held at Kim Il Sung Stadium.")).containsExactly("unlisted-place:kim-il-sung-stadium");
    assertThat(keys("Students of Kim Il Sung University met.")).containsExactly(
        "unlisted-organization:kim-il-sung-university");
    assertThat(keys("He received the Kim Il Sung Order.")).isEmpty();
  }

  @Test
  void anotherCountrysForeignMinistryIsNotTheDprks() {
    assertThat(keys("A spokesman for the Foreign Ministry of Iran spoke."))
        .containsExactly("unlisted-organization:iran-foreign-ministry", "iran");
    assertThat(keys("The Brazilian government welcomed it, said the Foreign Ministry."))
        .containsExactly("unlisted-organization:brazil-foreign-ministry");
    assertThat(keys("A spokesman for the DPRK Foreign Ministry denounced the U.S."))
        .containsExactly("north-korea", "mofa", "united-states");
    assertThat(keys("The foreign ministry denounced the U.S. moves.")).containsExactly("mofa", "united-states");
  }

  @Test
  void unAgenciesKeepTheirOwnKeysAndNestedNamesAreFound() {
    // the UN is named inside UNESCO's name and counts as a nested name, like the WPK in "WPK Central Committee"
    assertThat(keys("It was admitted to the United Nations Educational, Scientific and Cultural Organization."))
        .containsExactly("unesco", "united-nations");
    assertThat(keys("It was admitted to UNESCO.")).containsExactly("unesco");
    assertThat(keys("Officials of the Party Central Committee and the UN met."))
        .containsExactly("wpk-central-committee", "united-nations");
    assertThat(keys("The WPK Central Committee met.")).containsExactly("wpk-central-committee", "wpk");
  }

  @Test
  void listedCountiesAndVillagesArePlaces() {
    assertThat(keys("Farms in Kapsan, Unhung and Phungso counties and in Kamho-ri harvested wheat."))
        .containsExactlyInAnyOrder("unlisted-place:kapsan-county", "unlisted-place:unhung-county",
            "unlisted-place:phungso-county", "unlisted-place:kamho-ri");
    assertThat(keys("New houses went up at Saha and Hyongje farms; Sinuiju and Kanggye railway bureaus helped."))
        .containsExactlyInAnyOrder("unlisted-organization:saha-farm", "unlisted-organization:hyongje-farm",
            "sinuiju", "unlisted-organization:sinuiju-railway-bureau", "unlisted-organization:kanggye-railway-bureau");
    assertThat(keys("Pyongyang, May 1 (KCNA) -- Bag factories across the DPRK met.")).containsExactly(
        "pyongyang", "kcna", "north-korea");
  }
}
