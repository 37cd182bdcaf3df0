package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.model.Duplicate;

/**
 * Near-duplicates in local[2], found through Spark (a large input) and on the driver (a small one): the same
 * links either way. The stories are made up for the test from a list of words.
 */
class NearDuplicatesIT {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("near-duplicates-it")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final String[] WORDS = ("the committee met in the capital to review farm work and the plan for "
      + "coal output while officials from three provinces spoke about roads schools power lines rice seed fishing "
      + "boats and the winter supply of fuel before a vote on new tasks for every county").split(" ");

  /** A story of {@code words} words from the list, the same for the same seed. */
  private static String story(int seed, int words) {
    StringBuilder b = new StringBuilder();
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < words; i++) {
      b.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
    }
    return b.toString().strip();
  }

  private static Dataset<Row> articles() {
    String original = story(1, 220);
    // the same story published again two days later, one word changed
    String edited = original.replaceFirst(" coal ", " steel ");
    assertThat(edited).isNotEqualTo(original);
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("doc-original", "wire", "a.txt", Date.valueOf("2024-05-01"), original));
    rows.add(RowFactory.create("doc-edited", "papers", "b.txt", Date.valueOf("2024-05-03"), edited));
    rows.add(RowFactory.create("doc-other", "wire", "c.txt", Date.valueOf("2024-05-02"), story(2, 220)));
    rows.add(RowFactory.create("doc-short", "wire", "d.txt", Date.valueOf("2024-05-02"), story(1, 30)));
    StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("corpus", DataTypes.StringType)
        .add("locator", DataTypes.StringType).add("published", DataTypes.DateType).add("text", DataTypes.StringType);
    return spark.createDataFrame(rows, schema).repartition(2);
  }

  @Test
  void theEditedCopyIsANearDuplicateOfTheFirstWhereverTheyAreCompared() {
    List<String> bySpark = links(NearDuplicates.find(spark, articles(), false));
    List<String> onTheDriver = links(NearDuplicates.find(spark, articles(), true));
    assertThat(bySpark).containsExactly("doc-edited -> doc-original (" + Duplicate.NEAR + ")");
    assertThat(onTheDriver).isEqualTo(bySpark);
  }

  private static List<String> links(Dataset<Row> duplicates) {
    List<String> out = new ArrayList<>();
    for (Row r : duplicates.collectAsList()) {
      assertThat(r.<Double>getAs("similarity")).isBetween(NearDuplicates.THRESHOLD, 1.0);
      out.add(r.getAs("doc_id") + " -> " + r.getAs("duplicate_of") + " (" + r.getAs("kind") + ")");
    }
    return out;
  }
}
