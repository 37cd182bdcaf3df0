package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows kept on disk between the queries of a step: made once, read back whole, deleted when released; as
 * local mode keeps them (a local checkpoint) and as a cluster does (a persisted Dataset).
 */
class DiskRowsIT {
  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.IntegerType, false)
      .add("text", DataTypes.StringType, true);
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("disk-rows-it")
        .config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** 500 rows over 4 partitions; {@code made} counts each row as it is made. */
  private static Dataset<Row> rows(LongAccumulator made) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      ids.add(i);
    }
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ids, 4).map(i -> {
      made.add(1);
      return RowFactory.create(i, i % 7 == 0 ? null : "text of row " + i);
    });
    return spark.createDataFrame(rows, SCHEMA);
  }

  @ParameterizedTest(name = "local mode: {0}")
  @ValueSource(booleans = {true, false})
  void rowsAreMadeOnceForSeveralQueriesAndReadBackWhole(boolean local) {
    LongAccumulator made = spark.sparkContext().longAccumulator("rows made");
    Dataset<Row> kept = DiskRows.keep(rows(made), local);
    try {
      assertThat(kept.count()).isEqualTo(500);
      assertThat(kept.filter(col("text").isNull()).count()).isEqualTo(72);
      List<Row> back = kept.orderBy("id").collectAsList();
      assertThat(made.value()).as("rows made, over three queries").isEqualTo(500);
      assertThat(kept.storageLevel()).as("in Spark's cache")
          .isEqualTo(local ? StorageLevel.NONE() : StorageLevel.DISK_ONLY());
      assertThat(back).hasSize(500);
      assertThat(back.get(0).isNullAt(1)).isTrue();
      assertThat(back.get(499).getInt(0)).isEqualTo(499);
      assertThat(back.get(499).getString(1)).isEqualTo("text of row 499");
    } finally {
      DiskRows.release(kept);
    }
  }

  @Test
  void localModeKeepsTheRowsAsACheckpointOnDisk() {
    Dataset<Row> kept = DiskRows.keep(rows(spark.sparkContext().longAccumulator()));
    try {
      assertThat(kept.storageLevel()).isEqualTo(StorageLevel.NONE());
      assertThat(kept.queryExecution().analyzed()).isInstanceOfSatisfying(
          org.apache.spark.sql.execution.LogicalRDD.class,
          rows -> assertThat(rows.rdd().getStorageLevel()).isEqualTo(StorageLevel.DISK_ONLY()));
    } finally {
      DiskRows.release(kept);
    }
  }

  @ParameterizedTest(name = "local mode: {0}")
  @ValueSource(booleans = {true, false})
  void releasingDeletesTheKeptRowsAndLeavesOtherDatasetsAlone(boolean local) {
    int before = spark.sparkContext().getPersistentRDDs().size();
    Dataset<Row> kept = DiskRows.keep(rows(spark.sparkContext().longAccumulator()), local);
    assertThat(kept.count()).isEqualTo(500);
    assertThat(spark.sparkContext().getPersistentRDDs().size()).isEqualTo(before + 1);

    DiskRows.release(rows(spark.sparkContext().longAccumulator()));
    assertThat(spark.sparkContext().getPersistentRDDs().size()).isEqualTo(before + 1);
    DiskRows.release(kept);
    assertThat(spark.sparkContext().getPersistentRDDs().size()).isEqualTo(before);
  }
}
