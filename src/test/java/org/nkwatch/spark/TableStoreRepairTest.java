package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.spark.TableStore.Repair;

/**
 * What a crash can leave of a table write, and how {@link TableStore#repair} settles each state. Each
 * state is built by hand with the folders the write makes, in the order it makes them; no Spark.
 */
class TableStoreRepairTest {
  private static final String OLD_RUN = "run-20240101T000000Z";
  private static final String NEW_RUN = "run-20240202T000000Z";

  @TempDir
  Path tables;

  private FileSystem fs;

  @BeforeEach
  void localFileSystem() throws IOException {
    fs = FileSystem.getLocal(new Configuration());
  }

  private Repair repair() throws IOException {
    return TableStore.repair(fs, new org.apache.hadoop.fs.Path(tables.toUri()), "articles");
  }

  /** A table folder as Spark writes it: a data file per partition, and _SUCCESS when committed. */
  private Path table(Path dir, String content, boolean committed) throws IOException {
    Files.createDirectories(dir.resolve("corpus=kcna"));
    Files.writeString(dir.resolve("corpus=kcna/part-00000.parquet"), content, StandardCharsets.UTF_8);
    if (committed) {
      Files.writeString(dir.resolve("_SUCCESS"), "");
    }
    return dir;
  }

  private String content() throws IOException {
    return Files.readString(tables.resolve("articles/corpus=kcna/part-00000.parquet"), StandardCharsets.UTF_8);
  }

  private long leftovers() throws IOException {
    long n = 0;
    for (String dir : new String[] {"_staging", "_retired"}) {
      if (Files.isDirectory(tables.resolve(dir))) {
        try (Stream<Path> s = Files.list(tables.resolve(dir))) {
          n += s.count();
        }
      }
    }
    return n;
  }

  @Test
  void aWholeTableWithNothingLeftOverIsLeftAlone() throws IOException {
    table(tables.resolve("articles"), "old", true);
    assertThat(repair()).isEqualTo(Repair.NONE);
    assertThat(content()).isEqualTo("old");
  }

  @Test
  void crashWhileSparkWritesTheStagingFolderKeepsTheOldTableAndDropsThePartialOne() throws IOException {
    table(tables.resolve("articles"), "old", true);
    table(tables.resolve("_staging/articles-" + NEW_RUN), "partial", false);
    assertThat(repair()).isEqualTo(Repair.CLEANED);
    assertThat(content()).isEqualTo("old");
    assertThat(leftovers()).isZero();
  }

  @Test
  void crashAfterSparkCommittedButBeforeTheSwapKeepsTheOldTable() throws IOException {
    table(tables.resolve("articles"), "old", true);
    table(tables.resolve("_staging/articles-" + NEW_RUN), "new", true);
    assertThat(repair()).isEqualTo(Repair.CLEANED);
    assertThat(content()).isEqualTo("old");
    assertThat(leftovers()).isZero();
  }

  @Test
  void crashBetweenTheTwoRenamesFinishesTheSwapWhenTheStagingFolderIsComplete() throws IOException {
    table(tables.resolve("_retired/articles-" + NEW_RUN), "old", true);
    table(tables.resolve("_staging/articles-" + NEW_RUN), "new", true);
    assertThat(repair()).isEqualTo(Repair.FINISHED_SWAP);
    assertThat(content()).isEqualTo("new");
    assertThat(Files.exists(tables.resolve("articles/_SUCCESS"))).isTrue();
    assertThat(leftovers()).isZero();
  }

  @Test
  void aMissingTableWithOnlyItsRetiredCopyGetsItBack() throws IOException {
    table(tables.resolve("_retired/articles-" + NEW_RUN), "old", true);
    table(tables.resolve("_staging/articles-" + NEW_RUN), "partial", false);
    assertThat(repair()).isEqualTo(Repair.RESTORED);
    assertThat(content()).isEqualTo("old");
    assertThat(leftovers()).isZero();
  }

  @Test
  void crashAfterTheSwapBeforeTheRetiredCopyIsDeletedKeepsTheNewTable() throws IOException {
    table(tables.resolve("articles"), "new", true);
    table(tables.resolve("_retired/articles-" + NEW_RUN), "old", true);
    assertThat(repair()).isEqualTo(Repair.CLEANED);
    assertThat(content()).isEqualTo("new");
    assertThat(leftovers()).isZero();
  }

  @Test
  void theNewestCompleteStagingFolderWinsAndOtherTablesAreNotTouched() throws IOException {
    table(tables.resolve("_staging/articles-" + OLD_RUN), "older", true);
    table(tables.resolve("_staging/articles-" + NEW_RUN), "newer", true);
    table(tables.resolve("_staging/articles_extra-" + NEW_RUN), "another table", true);
    table(tables.resolve("_retired/mentions-" + NEW_RUN), "another table", true);
    assertThat(repair()).isEqualTo(Repair.FINISHED_SWAP);
    assertThat(content()).isEqualTo("newer");
    assertThat(leftovers()).isEqualTo(2);
  }

  @Test
  void aFirstWriteThatCrashedMidWayLeavesNoTable() throws IOException {
    table(tables.resolve("_staging/articles-" + NEW_RUN), "partial", false);
    assertThat(repair()).isEqualTo(Repair.CLEANED);
    assertThat(Files.exists(tables.resolve("articles"))).isFalse();
    assertThat(leftovers()).isZero();
  }

  // several tables written together (annotate's mentions and sanction_events): once all are staged, a marker
  // lists them; a crash between their swaps is finished, so that neither is left new beside the other old

  private Repair repair(String table) throws IOException {
    return TableStore.repair(fs, new org.apache.hadoop.fs.Path(tables.toUri()), table);
  }

  private String content(String table) throws IOException {
    return Files.readString(tables.resolve(table + "/corpus=kcna/part-00000.parquet"), StandardCharsets.UTF_8);
  }

  private void marker(String run, String... tablesListed) throws IOException {
    Files.createDirectories(tables.resolve("_staging"));
    Files.writeString(tables.resolve("_staging/" + TableStore.SWAP_MARKER + run), String.join("\n", tablesListed));
  }

  @Test
  void crashBetweenTheSwapsOfTwoTablesSwapsInTheSecondToo() throws IOException {
    table(tables.resolve("mentions"), "new mentions", true);
    table(tables.resolve("sanction_events"), "old events", true);
    table(tables.resolve("_staging/sanction_events-" + NEW_RUN), "new events", true);
    marker(NEW_RUN, "mentions", "sanction_events");
    repair("mentions");
    assertThat(content("mentions")).isEqualTo("new mentions");
    assertThat(content("sanction_events")).isEqualTo("new events");
    repair("sanction_events");
    assertThat(leftovers()).isZero();
  }

  @Test
  void crashInTheSecondTablesSwapFinishesIt() throws IOException {
    table(tables.resolve("mentions"), "new mentions", true);
    table(tables.resolve("_retired/sanction_events-" + NEW_RUN), "old events", true);
    table(tables.resolve("_staging/sanction_events-" + NEW_RUN), "new events", true);
    marker(NEW_RUN, "mentions", "sanction_events");
    repair("mentions");
    assertThat(content("sanction_events")).isEqualTo("new events");
    repair("sanction_events");
    assertThat(leftovers()).isZero();
  }

  @Test
  void crashAfterTheMarkerBeforeAnySwapSwapsInBoth() throws IOException {
    table(tables.resolve("mentions"), "old mentions", true);
    table(tables.resolve("sanction_events"), "old events", true);
    table(tables.resolve("_staging/mentions-" + NEW_RUN), "new mentions", true);
    table(tables.resolve("_staging/sanction_events-" + NEW_RUN), "new events", true);
    marker(NEW_RUN, "mentions", "sanction_events");
    repair("sanction_events");
    assertThat(content("mentions")).isEqualTo("new mentions");
    assertThat(content("sanction_events")).isEqualTo("new events");
    repair("mentions");
    assertThat(leftovers()).isZero();
  }

  @Test
  void crashBeforeEveryTableWasStagedKeepsBothOld() throws IOException {
    table(tables.resolve("mentions"), "old mentions", true);
    table(tables.resolve("sanction_events"), "old events", true);
    table(tables.resolve("_staging/mentions-" + NEW_RUN), "new mentions", true);
    table(tables.resolve("_staging/sanction_events-" + NEW_RUN), "partial events", false);
    repair("mentions");
    repair("sanction_events");
    assertThat(content("mentions")).isEqualTo("old mentions");
    assertThat(content("sanction_events")).isEqualTo("old events");
    assertThat(leftovers()).isZero();
  }

  @Test
  void aMarkerCutShortBeforeItsRenameLeavesTheTablesAsTheyWere() throws IOException {
    table(tables.resolve("mentions"), "old mentions", true);
    table(tables.resolve("sanction_events"), "old events", true);
    table(tables.resolve("_staging/mentions-" + NEW_RUN), "new mentions", true);
    table(tables.resolve("_staging/sanction_events-" + NEW_RUN), "new events", true);
    Files.writeString(tables.resolve("_staging/" + TableStore.SWAP_MARKER + NEW_RUN + ".tmp"), "mentions");
    repair("mentions");
    repair("sanction_events");
    assertThat(content("mentions")).isEqualTo("old mentions");
    assertThat(content("sanction_events")).isEqualTo("old events");
    assertThat(leftovers()).isZero();
  }
}
