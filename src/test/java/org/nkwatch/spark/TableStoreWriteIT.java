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

  private static Row article(String id, String corpus, LocalDate published, String text) {
    return RowFactory.create(id, corpus, "Publisher", "state_media", corpus + ".csv#" + id, null, "Title " + id,
        published, null, "en", text, 1, 10, published.getYear());
  }

  private static long parquetFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }
}
