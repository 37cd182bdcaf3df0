package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountSourcesTest {
  private static final String TABLES = "articles: 2 files aa\nmentions: 3 files bb\nsanction_events: 1 files cc\n";
  private static final Map<String, String> TYPES = Map.of("a", "state_media", "b", "defector_network");
  private static final CountSources BEFORE = new CountSources("c0de", TABLES, TYPES, Map.of(
      "corpus=a/year=2011", "1 files 11", "corpus=a/year=2012", "1 files 12", "corpus=b/year=2012", "1 files 22",
      "corpus=b/year=__HIVE_DEFAULT_PARTITION__", "1 files 99"));

  @Test
  void theNoteReadsBackAsWritten() {
    CountSources read = CountSources.parse(BEFORE.note());
    assertThat(read).isEqualTo(BEFORE);
    assertThat(read.countedFrom("c0de", TABLES)).isTrue();
    assertThat(read.countedFrom("c0de", TABLES.replace("bb", "bc"))).isFalse();
    assertThat(read.countedFrom("other", TABLES)).isFalse();
    assertThat(BEFORE.note()).startsWith("counting code c0de\narticles: ")
        .contains("\nsource type of b: defector_network\n");
  }

  @Test
  void onlyChangedAppearedGoneAndUndatedPartitionsAreCountedAgain() {
    CountSources now = new CountSources("c0de", "articles: 2 files ab\n", Map.of("a", "state_media", "b",
        "defector_network", "c", "government"), Map.of(
        "corpus=a/year=2011", "1 files 11", "corpus=a/year=2012", "2 files 13", "corpus=c/year=2020", "1 files 33",
        "corpus=b/year=__HIVE_DEFAULT_PARTITION__", "1 files 99"));
    assertThat(now.partitionsToRecount(BEFORE)).as("a new corpus counts alone").containsExactlyInAnyOrder(
        List.of("a", "2012"), List.of("c", "2020"), List.of("b", "2012"), Arrays.asList("b", null));
    assertThat(now.partitionsKept(now.partitionsToRecount(BEFORE))).isEqualTo(1);
    assertThat(now.partitionsKept(null)).isZero();
  }

  @Test
  void aCorpusWhoseSourceTypeChangedIsCountedAgainWhole() {
    CountSources now = new CountSources("c0de", TABLES, Map.of("a", "government", "b", "defector_network"),
        BEFORE.partitions());
    assertThat(now.partitionsToRecount(BEFORE)).containsExactlyInAnyOrder(List.of("a", "2011"), List.of("a", "2012"),
        Arrays.asList("b", null));
  }

  @Test
  void otherCodeAnEarlierNoteOrNoneCountEverything() {
    Map<String, String> same = BEFORE.partitions();
    assertThat(new CountSources("c0de", TABLES, TYPES, same).partitionsToRecount(BEFORE))
        .containsExactly(Arrays.asList("b", null));
    assertThat(new CountSources("other", TABLES, TYPES, same).partitionsToRecount(BEFORE)).isNull();
    CountSources earlier = CountSources.parse("counting code c0de\n" + TABLES);
    assertThat(earlier.sourceTypes()).isEmpty();
    assertThat(earlier.countedFrom("c0de", TABLES)).isTrue();
    assertThat(new CountSources("c0de", TABLES, TYPES, same).partitionsToRecount(earlier)).isNull();
    assertThat(new CountSources("c0de", TABLES, TYPES, same).partitionsToRecount(null)).isNull();
  }

  @Test
  void aNoteCutShortOrWrittenByHandIsNoNote() {
    assertThat(CountSources.parse(TABLES)).as("no code line").isNull();
    assertThat(CountSources.parse("counting code c0de\nmentions partition corpus=a/year=2011")).isNull();
    assertThat(CountSources.parse("counting code c0de\nsource type of a")).isNull();
  }
}
