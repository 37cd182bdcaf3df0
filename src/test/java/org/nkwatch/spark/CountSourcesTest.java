package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountSourcesTest {
  private static final String TABLES = "articles: 2 files aa\nmentions: 3 files bb\nsanction_events: 1 files cc\n";
  private static final CountSources BEFORE = new CountSources("c0de", TABLES, "{a=state_media}", Map.of(
      "corpus=a/year=2011", "1 files 11", "corpus=a/year=2012", "1 files 12", "corpus=b/year=2012", "1 files 22",
      "corpus=b/year=__HIVE_DEFAULT_PARTITION__", "1 files 99"));

  @Test
  void theNoteReadsBackAsWritten() {
    CountSources read = CountSources.parse(BEFORE.note());
    assertThat(read).isEqualTo(BEFORE);
    assertThat(read.sameTablesAs(BEFORE)).isTrue();
    assertThat(BEFORE.note()).startsWith("counting code c0de\narticles: ");
  }

  @Test
  void onlyChangedAppearedGoneAndUndatedPartitionsAreCountedAgain() {
    CountSources now = new CountSources("c0de", "articles: 2 files ab\n", "{a=state_media}", Map.of(
        "corpus=a/year=2011", "1 files 11", "corpus=a/year=2012", "2 files 13", "corpus=c/year=2020", "1 files 33",
        "corpus=b/year=__HIVE_DEFAULT_PARTITION__", "1 files 99"));
    assertThat(now.sameTablesAs(BEFORE)).isFalse();
    assertThat(now.partitionsToRecount(BEFORE)).containsExactlyInAnyOrder(List.of("a", "2012"), List.of("c", "2020"),
        List.of("b", "2012"), Arrays.asList("b", null));
  }

  @Test
  void otherCodeOrSourceTypesOrAnEarlierNoteCountEverything() {
    Map<String, String> same = BEFORE.partitions();
    assertThat(new CountSources("c0de", TABLES, "{a=state_media}", same).partitionsToRecount(BEFORE))
        .containsExactly(Arrays.asList("b", null));
    assertThat(new CountSources("other", TABLES, "{a=state_media}", same).partitionsToRecount(BEFORE)).isNull();
    assertThat(new CountSources("c0de", TABLES, "{a=government}", same).partitionsToRecount(BEFORE)).isNull();
    CountSources earlier = CountSources.parse("counting code c0de\n" + TABLES);
    assertThat(earlier.sourceTypes()).isNull();
    assertThat(earlier.sameTablesAs(BEFORE)).isTrue();
    assertThat(new CountSources("c0de", TABLES, "{a=state_media}", same).partitionsToRecount(earlier)).isNull();
    assertThat(new CountSources("c0de", TABLES, "{a=state_media}", same).partitionsToRecount(null)).isNull();
  }
}
