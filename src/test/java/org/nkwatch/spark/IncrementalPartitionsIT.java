package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.reliability.TableChecksums;
import org.nkwatch.testing.CliRun;
import org.nkwatch.testing.Duck;

/**
 * An incremental run in local[2] rewrites only the partitions of articles, mentions and sanction_events it
 * changes and copies the others file for file, and still ends with the tables of a full run. The night's one new article
 * changes a partition it adds no row to: its subject, reported executed in another corpus's year, appears at a
 * ceremony, so that stored report becomes contradicted. The stories were written for this test.
 */
class IncrementalPartitionsIT {
  private static final String HEADER = "id,title,date,text\n";
  private static final String REPORTS = HEADER
      + "a1,Farm visit,2023-06-01,\"Kim Jong Un visited a cooperative farm in South Pyongan Province on Monday.\"\n"
      + "r1,Vice premier reported executed,2024-03-01,\"Sources in Pyongyang said Kim Tok Hun was executed by firing "
      + "squad in February for corruption.\"\n";
  private static final String WIRE = HEADER
      + "w1,Port reopened,2023-08-02,\"Officials in Nampho said the port reopened to coastal shipping this week.\"\n";
  private static final String NIGHT = HEADER
      + "w2,Greenhouse farm opened,2025-05-10,\"Kim Tok Hun attended the opening ceremony of a greenhouse farm in "
      + "Pyongyang on Thursday.\"\n";

  @TempDir
  Path dir;

  @Test
  void aNightRewritesOnlyThePartitionsItChangesAndEndsWithTheTablesOfAFullRun() throws Exception {
    Path reports = dir.resolve("in/reports");
    Path wire = dir.resolve("in/wire");
    Files.createDirectories(reports);
    Files.createDirectories(wire);
    Files.writeString(reports.resolve("reports.csv"), REPORTS, StandardCharsets.UTF_8);
    Files.writeString(wire.resolve("wire-1.csv"), WIRE, StandardCharsets.UTF_8);
    Path out = dir.resolve("incremental");
    run(out, reports, wire, "--incremental");
    Map<String, List<String>> before = dataFiles(out);
    assertThat(before).containsKeys("mentions/corpus=reports/year=2023", "mentions/corpus=reports/year=2024",
        "mentions/corpus=wire/year=2023", "sanction_events/corpus=reports/year=2024");
    try (Duck duck = new Duck(out)) {
      assertThat(duck.strings("SELECT certainty FROM " + duck.table("sanction_events")
          + " WHERE target_key = 'kim-tok-hun'")).as("before the night").containsExactly("reported");
    }

    Files.writeString(wire.resolve("wire-2.csv"), NIGHT, StandardCharsets.UTF_8);
    CliRun.Result night = run(out, reports, wire, "--incremental");
    Map<String, List<String>> after = dataFiles(out);

    // untouched: the same files, copied (Spark names each write's files anew)
    for (String partition : List.of("mentions/corpus=reports/year=2023", "mentions/corpus=wire/year=2023",
        "articles/corpus=reports/year=2023", "articles/corpus=reports/year=2024", "articles/corpus=wire/year=2023")) {
      assertThat(after.get(partition)).as(partition).isEqualTo(before.get(partition));
    }
    assertThat(night.log()).containsPattern("annotate [1-9]\\d* partitions of mentions and sanction_events unchanged");
    // and counts only those again: the day counts of the mentions' partitions it copied are kept
    assertThat(night.log())
        .containsPattern("[1-9]\\d* partitions of mentions unchanged since counted: their day counts kept");
    // rewritten: the night's new rows, and the stored report the new article contradicts
    assertThat(after.get("mentions/corpus=reports/year=2024")).doesNotContainAnyElementsOf(
        before.get("mentions/corpus=reports/year=2024"));
    assertThat(after.get("sanction_events/corpus=reports/year=2024")).doesNotContainAnyElementsOf(
        before.get("sanction_events/corpus=reports/year=2024"));
    assertThat(after).containsKeys("mentions/corpus=wire/year=2025", "articles/corpus=wire/year=2025");
    try (Duck duck = new Duck(out)) {
      assertThat(duck.strings("SELECT certainty FROM " + duck.table("sanction_events")
          + " WHERE target_key = 'kim-tok-hun'")).as("after the night").containsExactly("contradicted");
      assertThat(duck.strings("SELECT DISTINCT certainty FROM " + duck.table("mentions")
          + " WHERE kind = 'SANCTION' AND key = 'execution'")).containsExactly("contradicted");
      // what aggregate's kept day counts rest on: a mention's partition year is its date's year
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("mentions")
          + " WHERE year IS DISTINCT FROM year(published)")).isZero();
    }

    Path full = dir.resolve("full");
    run(full, reports, wire);
    assertThat(TableChecksums.of(out)).isEqualTo(TableChecksums.of(full));
  }

  private static CliRun.Result run(Path out, Path reports, Path wire, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--output", out.toString(), "--master", "local[2]",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=4", "--input", reports.toString(),
        "--input", wire.toString()));
    args.addAll(List.of(extra));
    CliRun.Result result = CliRun.run(args.toArray(String[]::new));
    assertThat(result.code()).as("exit code; log:%n%s", result.log()).isZero();
    return result;
  }

  /** The Parquet files of each partition folder of articles, mentions and sanction_events, by "table/corpus=../year=..". */
  private static Map<String, List<String>> dataFiles(Path out) throws IOException {
    Map<String, List<String>> files = new TreeMap<>();
    Path tables = out.resolve("tables");
    for (String table : List.of("articles", "mentions", "sanction_events")) {
      try (Stream<Path> walk = Files.walk(tables.resolve(table))) {
        walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().forEach(p ->
            files.computeIfAbsent(tables.relativize(p.getParent()).toString(), k -> new java.util.ArrayList<>())
                .add(p.getFileName().toString()));
      }
    }
    return files;
  }
}
