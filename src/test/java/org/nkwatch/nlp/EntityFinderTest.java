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
}
