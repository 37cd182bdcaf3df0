package org.nkwatch.spark;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Names the Spark queries of a run after what nkwatch does ("nkwatch ingest: write articles"), so that the
 * Spark UI, the history server and an event log say where a run's time went; unnamed, every table write was
 * "parquet at TableStore.java:114". The name is Spark's job description, a property of the thread that runs
 * the query (threads it starts inherit it), put back as it was afterwards.
 */
final class QueryLabels {
  static final String PREFIX = "nkwatch";
  /** The local property {@link SparkContext#setJobDescription} sets (Spark's own constant is not public). */
  private static final String JOB_DESCRIPTION = "spark.job.description";

  private QueryLabels() {
  }

  /** Runs a step of the pipeline with its queries named "nkwatch STEP". */
  static <T> T step(SparkSession spark, String step, Supplier<T> work) {
    return labelled(spark.sparkContext(), PREFIX + " " + step, work);
  }

  /** Runs part of a step with its queries named "STEP'S NAME: WHAT" ("nkwatch: WHAT" outside a step). */
  static <T> T part(SparkSession spark, String what, Supplier<T> work) {
    String current = spark.sparkContext().getLocalProperty(JOB_DESCRIPTION);
    String outer = current != null && current.startsWith(PREFIX) ? current : PREFIX;
    return labelled(spark.sparkContext(), outer + ": " + what, work);
  }

  /**
   * The rows of a query of few rows, asked for now as part of a step (named as {@link #part} names it) and
   * handed back as a local relation: later queries then broadcast them without running that query again.
   */
  static Dataset<Row> collected(String what, Dataset<Row> few) {
    SparkSession spark = few.sparkSession();
    return spark.createDataFrame(part(spark, what, few::collectAsList), few.schema());
  }

  private static <T> T labelled(SparkContext sc, String label, Supplier<T> work) {
    String before = sc.getLocalProperty(JOB_DESCRIPTION);
    sc.setLocalProperty(JOB_DESCRIPTION, label);
    try {
      return work.get();
    } finally {
      sc.setLocalProperty(JOB_DESCRIPTION, before);
    }
  }
}
