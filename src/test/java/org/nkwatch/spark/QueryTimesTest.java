package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTimesTest {
  private static QueryTimes.Query q(String name, double seconds) {
    return new QueryTimes.Query(name, seconds);
  }

  @Test
  void aQueryNamesItsStepAndReadsWithoutThePrefix() {
    assertThat(q("nkwatch annotate: write mentions", 1).step()).isEqualTo("annotate");
    assertThat(q("nkwatch annotate: write mentions", 1).shortName()).isEqualTo("annotate: write mentions");
    assertThat(q("nkwatch report", 1).step()).isEqualTo("report");
    assertThat(q("count at Foo.java:12", 1).step()).isEqualTo("other");
    assertThat(q("count at Foo.java:12", 1).shortName()).isEqualTo("count at Foo.java:12");
  }

  @Test
  void theSummarySumsEachStepInTheOrderTheyRanAndListsTheLongest() {
    List<String> lines = QueryTimes.summary(List.of(
        q("nkwatch ingest: read the files", 4.0), q("nkwatch ingest: write articles", 3.4),
        q("nkwatch annotate: write mentions", 11.4), q("nkwatch ingest: count rows", 0.5),
        q("nkwatch report: brief: top entities", 0.3)), 3);
    assertThat(lines).containsExactly(
        "queries per step (wall time summed; the brief's queries run 3 at a time, so theirs overlap):",
        "  ingest       3 queries      7.9 s",
        "  annotate     1 queries     11.4 s",
        "  report       1 queries      0.3 s",
        "the longest queries:",
        "    11.4 s  annotate: write mentions",
        "     4.0 s  ingest: read the files",
        "     3.4 s  ingest: write articles");
  }
}
