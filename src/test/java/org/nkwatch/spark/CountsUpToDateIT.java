package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.reliability.TableChecksums;
import org.nkwatch.testing.CliRun;
import org.nkwatch.testing.Duck;

/**
 * Counts are not counted again while the tables they count are as they were: a night with nothing new, or a
 * second {@code aggregate}, leaves the counts table's files as they are. Any change to articles, mentions or
 * sanction_events, and counts written without a note of their sources (by an earlier version), are counted
 * again. In local[2]; the stories were written for this test.
 */
class CountsUpToDateIT {
  private static final String HEADER = "id,title,date,text\n";
  private static final String FIRST = HEADER
      + "a1,Farm visit,2023-06-01,\"Kim Jong Un visited a cooperative farm in South Pyongan Province on Monday.\"\n"
      + "a2,Officials dismissed,2023-07-03,\"Sources in Pyongyang said Pak Pong Ju dismissed two officials of the "
      + "Ministry of Foreign Affairs in June.\"\n";
  private static final String NIGHT = HEADER
      + "a3,Port reopened,2023-08-02,\"Choe Ryong Hae said in Nampho that the port reopened to coastal shipping.\"\n";
  private static final String UP_TO_DATE = "count rows (up to date:";

  @TempDir
  Path dir;

  @Test
  void countsAreCountedAgainOnlyWhenWhatTheyCountChanged() throws Exception {
    Path corpus = dir.resolve("in/wire");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("wire-1.csv"), FIRST, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");

    CliRun.Result first = cli("run", out, "--input", corpus.toString(), "--incremental");
    assertThat(first.log()).doesNotContain(UP_TO_DATE);
    assertThat(out.resolve("tables/counts/_sources")).exists();
    List<String> counted = countsFiles(out);
    java.util.Map<String, String> checksums = TableChecksums.of(out);

    // nothing new: the counts stay as they were, file for file
    CliRun.Result idle = cli("run", out, "--input", corpus.toString(), "--incremental");
    assertThat(idle.log()).contains(UP_TO_DATE).containsPattern("annotate 0 articles");
    assertThat(countsFiles(out)).isEqualTo(counted);

    // mentions and events written again (the articles as they were): counted again, to the same counts
    cli("annotate", out);
    CliRun.Result again = cli("aggregate", out);
    assertThat(again.log()).doesNotContain(UP_TO_DATE).containsPattern("aggregate \\d+ count rows");
    assertThat(countsFiles(out)).doesNotContainAnyElementsOf(counted);
    assertThat(TableChecksums.of(out)).isEqualTo(checksums);
    assertThat(cli("aggregate", out).log()).contains(UP_TO_DATE);

    // counts that an earlier version wrote, without the note: counted again
    Files.delete(out.resolve("tables/counts/_sources"));
    List<String> unnoted = countsFiles(out);
    assertThat(cli("aggregate", out).log()).doesNotContain(UP_TO_DATE);
    assertThat(countsFiles(out)).doesNotContainAnyElementsOf(unnoted);
    assertThat(out.resolve("tables/counts/_sources")).exists();

    // a night with a new article: counted again, the new person with it
    Files.writeString(corpus.resolve("wire-2.csv"), NIGHT, StandardCharsets.UTF_8);
    CliRun.Result night = cli("run", out, "--input", corpus.toString(), "--incremental");
    assertThat(night.log()).doesNotContain(UP_TO_DATE).containsPattern("annotate 1 articles");
    try (Duck duck = new Duck(out)) {
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("counts")
          + " WHERE key = 'choe-ryong-hae' AND grain = 'all' AND documents = 1")).isEqualTo(1);
    }
    Path full = dir.resolve("full");
    cli("run", full, "--input", corpus.toString());
    assertThat(TableChecksums.of(out)).isEqualTo(TableChecksums.of(full));
  }

  /** A command in this JVM with local[2] and no brief; it must succeed. */
  private CliRun.Result cli(String command, Path out, String... extra) throws IOException {
    return CliRun.succeeded(dir, command, out, extra);
  }

  /** The counts table's Parquet files, by path under the table. */
  private static List<String> countsFiles(Path out) throws IOException {
    Path counts = out.resolve("tables/counts");
    try (Stream<Path> walk = Files.walk(counts)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).map(p -> counts.relativize(p).toString())
          .sorted().toList();
    }
  }
}
