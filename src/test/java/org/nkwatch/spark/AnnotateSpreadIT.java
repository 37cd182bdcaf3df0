package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Annotate's input spread over the cores in local[2]: by the stored size, at most three tasks per core. */
class AnnotateSpreadIT {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("annotate-spread-it")
        .config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** A stand-in for the articles table as read: two partitions, as its two years' files are. */
  private static Dataset<Row> twoYears() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      ids.add("doc-" + i);
    }
    return spark.createDataset(ids, Encoders.STRING()).toDF("doc_id").coalesce(2);
  }

  @Test
  void aLargeTableIsSpreadOverThreeTasksPerCoreAndLosesNoArticle() {
    Dataset<Row> articles = twoYears();
    assertThat(articles.rdd().getNumPartitions()).isEqualTo(2);
    Dataset<Row> spread = AnnotateJob.spread(articles, new TableStore.ParquetFiles(2, 10L << 20));
    assertThat(spread.rdd().getNumPartitions()).isEqualTo(AnnotateJob.TASKS_PER_CORE * 2);
    List<Integer> sizes = spread.toJavaRDD().glom().map(List::size).collect();
    assertThat(sizes).allSatisfy(n -> assertThat(n).isBetween(90, 110));
    assertThat(spread.distinct().count()).isEqualTo(600);
    assertThat(spread.except(articles).count()).isZero();
  }

  /**
   * Many small files, as the registry's corpora make (a file per corpus and year), which Spark reads in one task:
   * spread by their size, however many files there are. Read in more tasks than the spread would make, they stay.
   */
  @Test
  void filesSparkReadsInOneTaskAreSpreadAndTablesReadInManyTasksStay() {
    Dataset<Row> packed = twoYears().coalesce(1);
    assertThat(AnnotateJob.spread(packed, new TableStore.ParquetFiles(8, 10L << 20)).rdd().getNumPartitions())
        .isEqualTo(AnnotateJob.TASKS_PER_CORE * 2);
    Dataset<Row> many = twoYears().repartition(8);
    assertThat(AnnotateJob.spread(many, new TableStore.ParquetFiles(8, 10L << 20))).isSameAs(many);
  }

  @Test
  void aMidSizedTableGetsATaskPerMegabyteAndASmallOneStaysAsItIs() {
    assertThat(AnnotateJob.spread(twoYears(), new TableStore.ParquetFiles(2, 3L << 20)).rdd().getNumPartitions()).isEqualTo(3);
    assertThat(AnnotateJob.spread(twoYears(), new TableStore.ParquetFiles(2, 100_000)).rdd().getNumPartitions()).isEqualTo(2);
  }
}
