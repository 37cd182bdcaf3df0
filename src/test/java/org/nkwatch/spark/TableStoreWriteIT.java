package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.testing.Duck;

/**
 * A table's large (corpus, year) is written by several tasks, as several files, not by one task: on a
 * cluster a year of mentions was one task however many cores. The advisory partition size is lowered here
 * so that a few MB count as large (a year can be split at most once per task that made its rows: eight
 * here); every row is read back once by DuckDB.
 */
class TableStoreWriteIT {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSessions.create("table-store-write-it", java.util.Map.of("spark.master", "local[2]",
        "spark.sql.adaptive.advisoryPartitionSizeInBytes", "256k"));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aLargeYearIsWrittenAsSeveralFilesAndEveryRowOnce(@TempDir Path out) throws Exception {
    List<Row> rows = new ArrayList<>();
    // random letters: the shuffle's sizes are compressed sizes, and repeated text would be a few bytes
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 4_000; i++) {
      StringBuilder text = new StringBuilder();
      while (text.length() < 1_000) {
        text.append((char) ('a' + random.nextInt(26))).append(random.nextInt(6) == 0 ? " " : "");
      }
      rows.add(article("big-" + i, "large", LocalDate.of(2011, 1 + i % 12, 1 + i % 28), text.toString()));
    }
    for (int i = 0; i < 5; i++) {
      rows.add(article("small-" + i, "small", LocalDate.of(2012, 3, 1 + i), "A short story " + i + "."));
    }
    TableStore store = new TableStore(spark, out.toString());
    // made by eight tasks (a repartition in the plan would be folded into the write's rebalance)
    org.apache.spark.api.java.JavaRDD<Row> eightTasks = org.apache.spark.api.java.JavaSparkContext
        .fromSparkContext(spark.sparkContext()).parallelize(rows, 8);
    store.write(TableSchemas.ARTICLES, spark.createDataFrame(eightTasks, TableSchemas.ARTICLE), "run-20261124T000000Z");

    Path tables = out.resolve("tables/articles");
    assertThat(parquetFiles(tables.resolve("corpus=large/year=2011"))).isGreaterThan(3);
    assertThat(parquetFiles(tables.resolve("corpus=small/year=2012"))).isPositive();
    try (Duck duck = new Duck(out)) {
      String articles = duck.table("articles");
      assertThat(duck.count("SELECT count(*) FROM " + articles)).isEqualTo(4_005);
      assertThat(duck.count("SELECT count(DISTINCT doc_id) FROM " + articles)).isEqualTo(4_005);
      assertThat(duck.count("SELECT count(*) FROM " + articles + " WHERE corpus = 'large' AND year = 2011"))
          .isEqualTo(4_000);
    }
  }

  /**
   * A write that names the partitions it rewrites copies every other partition of the table file for file and
   * leaves out its own rows there, even rows that differ (the caller vouches those partitions are unchanged).
   */
  @Test
  void partitionsNotRewrittenAreCopiedAsTheyWere(@TempDir Path out) throws Exception {
    TableStore store = new TableStore(spark, out.toString());
    store.write(TableSchemas.ARTICLES, spark.createDataFrame(List.of(
        article("a-1", "a", LocalDate.of(2011, 5, 1), "Old text one."),
        article("a-2", "a", LocalDate.of(2012, 5, 1), "Old text two."),
        article("b-1", "b", null, "Undated old text.")), TableSchemas.ARTICLE), "run-20261124T000000Z");
    Path tables = out.resolve("tables/articles");
    List<String> a2011 = fileNames(tables.resolve("corpus=a/year=2011"));
    List<String> undated = fileNames(tables.resolve("corpus=b/year=__HIVE_DEFAULT_PARTITION__"));

    java.util.Map<String, org.apache.spark.sql.Dataset<Row>> next = new java.util.LinkedHashMap<>();
    next.put(TableSchemas.ARTICLES, spark.createDataFrame(List.of(
        article("a-1", "a", LocalDate.of(2011, 5, 1), "Changed, but its partition is not rewritten."),
        article("a-2", "a", LocalDate.of(2012, 5, 1), "New text two."),
        article("a-3", "a", LocalDate.of(2013, 5, 1), "A new year."),
        article("b-2", "b", null, "Not written either: the undated partition is kept.")), TableSchemas.ARTICLE));
    java.util.Set<List<String>> rewritten = java.util.Set.of(List.of("a", "2012"), List.of("a", "2013"));
    java.util.Map<String, Integer> copied = store.writeAll(next, "run-20261125T000000Z", rewritten);

    assertThat(copied).containsEntry(TableSchemas.ARTICLES, 2);
    assertThat(fileNames(tables.resolve("corpus=a/year=2011"))).isEqualTo(a2011);
    assertThat(fileNames(tables.resolve("corpus=b/year=__HIVE_DEFAULT_PARTITION__"))).isEqualTo(undated);
    assertThat(out.resolve("tables/_staging")).isEmptyDirectory();
    try (Duck duck = new Duck(out)) {
      assertThat(duck.strings("SELECT doc_id || ': ' || text FROM " + duck.table("articles") + " ORDER BY doc_id"))
          .containsExactly("a-1: Old text one.", "a-2: New text two.", "a-3: A new year.", "b-1: Undated old text.");
    }
  }

  @Test
  void rowsAndDigestFollowTheFilesAndNotesGoWithTheTableWrittenWithThem(@TempDir Path out) throws Exception {
    TableStore store = new TableStore(spark, out.toString());
    assertThat(store.contentsDigest(TableSchemas.ARTICLES)).isEqualTo("none");
    store.writeWithNotes(TableSchemas.ARTICLES, spark.createDataFrame(List.of(
        article("a-1", "a", LocalDate.of(2011, 5, 1), "Text one."),
        article("a-2", "a", LocalDate.of(2012, 5, 1), "Text two."),
        article("b-1", "b", null, "Undated text.")), TableSchemas.ARTICLE), "run-20261124T000000Z",
        java.util.Map.of("_note", "written with the table"));
    String digest = store.contentsDigest(TableSchemas.ARTICLES);
    assertThat(digest).startsWith("3 files ").isEqualTo(store.contentsDigest(TableSchemas.ARTICLES));
    try (Duck duck = new Duck(out)) {
      assertThat(store.rows(TableSchemas.ARTICLES)).isEqualTo(duck.count("SELECT count(*) FROM "
          + duck.table("articles"))).isEqualTo(3);
    }
    assertThat(store.note(TableSchemas.ARTICLES, "_note")).isEqualTo("written with the table");
    assertThat(store.note(TableSchemas.ARTICLES, "_other")).isNull();

    // every partition copied, no row left for Spark to write: the same files, rows and digest
    java.util.Map<String, org.apache.spark.sql.Dataset<Row>> same = new java.util.LinkedHashMap<>();
    same.put(TableSchemas.ARTICLES, store.read(TableSchemas.ARTICLES));
    assertThat(store.writeAll(same, "run-20261125T000000Z", java.util.Set.of()))
        .containsEntry(TableSchemas.ARTICLES, 3);
    assertThat(store.contentsDigest(TableSchemas.ARTICLES)).isEqualTo(digest);
    assertThat(store.rows(TableSchemas.ARTICLES)).isEqualTo(3);
    assertThat(out.resolve("tables/articles/_SUCCESS")).exists();
    assertThat(store.note(TableSchemas.ARTICLES, "_note")).as("a note goes with the write it came with").isNull();

    // one partition written again: another digest
    java.util.Map<String, org.apache.spark.sql.Dataset<Row>> next = new java.util.LinkedHashMap<>();
    next.put(TableSchemas.ARTICLES, spark.createDataFrame(List.of(
        article("a-2", "a", LocalDate.of(2012, 5, 1), "Text two, corrected."),
        article("a-4", "a", LocalDate.of(2012, 6, 1), "Text four.")), TableSchemas.ARTICLE));
    store.writeAll(next, "run-20261126T000000Z", java.util.Set.of(List.of("a", "2012")));
    assertThat(store.contentsDigest(TableSchemas.ARTICLES)).isNotEqualTo(digest);
    assertThat(store.rows(TableSchemas.ARTICLES)).isEqualTo(4);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writeWithNotes(TableSchemas.ARTICLES,
        store.read(TableSchemas.ARTICLES), "run-20261127T000000Z", java.util.Map.of("note.txt", "x")))
        .hasMessageContaining("note.txt").hasMessageContaining("articles");
    assertThat(store.rows(TableSchemas.ARTICLES)).as("the refused write touched nothing").isEqualTo(4);
    assertThat(out.resolve("tables/_staging")).isEmptyDirectory();
  }

  @Test
  void aCrashBetweenTheSwapsOfTwoTablesIsFinishedByTheNextRead(@TempDir Path out) throws Exception {
    TableStore store = new TableStore(spark, out.toString());
    java.util.Map<String, org.apache.spark.sql.Dataset<Row>> old = new java.util.LinkedHashMap<>();
    old.put(TableSchemas.ARTICLES, spark.createDataFrame(List.of(
        article("a-1", "a", LocalDate.of(2011, 5, 1), "Old text.")), TableSchemas.ARTICLE));
    old.put(TableSchemas.DUPLICATES, spark.createDataFrame(List.of(), TableSchemas.DUPLICATE));
    store.writeAll(old, "run-20261124T000000Z", null);

    java.util.Map<String, org.apache.spark.sql.Dataset<Row>> next = new java.util.LinkedHashMap<>();
    next.put(TableSchemas.ARTICLES, spark.createDataFrame(List.of(
        article("a-2", "a", LocalDate.of(2011, 6, 1), "New text.")), TableSchemas.ARTICLE));
    next.put(TableSchemas.DUPLICATES, spark.createDataFrame(List.of(
        RowFactory.create("a", "file.csv#row=3", "d-1", "a-2", "exact", 1.0, null)), TableSchemas.DUPLICATE));
    System.setProperty(TableStore.STOP_AFTER_SWAP_PROPERTY, TableSchemas.ARTICLES);
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writeAll(next, "run-20261125T000000Z", null))
          .hasMessageContaining("stopped after swapping in articles");
    } finally {
      System.clearProperty(TableStore.STOP_AFTER_SWAP_PROPERTY);
    }
    assertThat(out.resolve("tables/_staging/duplicates-run-20261125T000000Z/_SUCCESS")).exists();

    TableStore reopened = new TableStore(spark, out.toString());
    assertThat(reopened.read(TableSchemas.DUPLICATES).count()).as("the second table swapped in too").isEqualTo(1);
    assertThat(reopened.read(TableSchemas.ARTICLES).count()).isEqualTo(1);
    try (Duck duck = new Duck(out)) {
      assertThat(duck.strings("SELECT duplicate_of FROM " + duck.table("duplicates"))).containsExactly("a-2");
    }
    assertThat(out.resolve("tables/_staging")).isEmptyDirectory();
  }

  @Test
  void theCountsSourcesChangeWithEachTableTheyCountAndOnlyThen(@TempDir Path out) throws Exception {
    TableStore store = new TableStore(spark, out.toString());
    String run = "run-20261124T000000Z";
    store.write(TableSchemas.ARTICLES, spark.createDataFrame(List.of(
        article("a-1", "a", LocalDate.of(2011, 5, 1), "Text one.")), TableSchemas.ARTICLE), run);
    store.write(TableSchemas.MENTIONS, oneRow(TableSchemas.MENTION), run);
    store.write(TableSchemas.SANCTION_EVENTS, oneRow(TableSchemas.SANCTION_EVENT), run);
    String tables = AggregateJob.tablesOf(store);
    CountSources sources = AggregateJob.sourcesOf(store, tables, java.util.Map.of());
    assertThat(AggregateJob.tablesOf(store)).as("nothing written").isEqualTo(tables);
    assertThat(AggregateJob.sourcesOf(store, tables, java.util.Map.of())).isEqualTo(sources);
    assertThat(sources.note()).startsWith("counting code " + AggregateJob.classDigest(AggregateJob.COUNTING_CLASSES));
    assertThat(sources.partitions()).containsOnlyKeys("corpus=a/year=2011");
    assertThat(AggregateJob.classDigest(List.of(AggregateJob.class)))
        .isNotEqualTo(AggregateJob.classDigest(List.of(TableStore.class)))
        .isNotEqualTo(AggregateJob.classDigest(AggregateJob.COUNTING_CLASSES));
    int n = 0;
    for (String table : List.of(TableSchemas.SANCTION_EVENTS, TableSchemas.MENTIONS, TableSchemas.ARTICLES)) {
      store.write(table, store.read(table), "run-2026112" + (5 + n++) + "T000000Z");
      String tablesAfter = AggregateJob.tablesOf(store);
      assertThat(tablesAfter).as("after a write of " + table).isNotEqualTo(tables);
      CountSources after = AggregateJob.sourcesOf(store, tablesAfter, java.util.Map.of());
      assertThat(after.partitions().equals(sources.partitions())).as("mentions' partitions after a write of " + table)
          .isEqualTo(!table.equals(TableSchemas.MENTIONS));
      sources = after;
      tables = tablesAfter;
    }
  }

  /** One row of {@code schema}: "x", 0, false or a date in each column that must have a value, null elsewhere. */
  private static org.apache.spark.sql.Dataset<Row> oneRow(org.apache.spark.sql.types.StructType schema) {
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      org.apache.spark.sql.types.StructField f = schema.fields()[i];
      org.apache.spark.sql.types.DataType t = f.dataType();
      values[i] = f.name().equals("year") ? 2011 : f.name().equals("corpus") ? "a" : f.nullable() ? null
          : t.equals(org.apache.spark.sql.types.DataTypes.StringType) ? "x"
          : t.equals(org.apache.spark.sql.types.DataTypes.IntegerType) ? 0
          : t.equals(org.apache.spark.sql.types.DataTypes.BooleanType) ? false : null;
    }
    return spark.createDataFrame(List.of(RowFactory.create(values)), schema);
  }

  private static List<String> fileNames(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")).sorted().toList();
    }
  }

  private static Row article(String id, String corpus, LocalDate published, String text) {
    return RowFactory.create(id, corpus, "Publisher", "state_media", corpus + ".csv#" + id, null, "Title " + id,
        published, null, "en", text, 1, 10, published == null ? null : published.getYear());
  }

  private static long parquetFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }
}
