package org.nkwatch.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the job's SparkSession. It never sets a master: the ./nkwatch launcher defaults it to local[*],
 * spark-submit and serverless runtimes set their own.
 */
public final class SparkSessions {
  private SparkSessions() {
  }

  public static SparkSession create(String appName, Map<String, String> conf) {
    SparkConf sparkConf = new SparkConf();
    if (!sparkConf.contains("spark.master") && !conf.containsKey("spark.master")) {
      // a usage error (IllegalArgumentException): one line, no stack trace
      throw new IllegalArgumentException("no Spark master is set: run through ./nkwatch (local mode), spark-submit, "
          + "or pass --conf spark.master=local[*]");
    }
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        // LocalDate and Instant in rows, not java.sql.Date
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .config("spark.sql.parquet.compression.codec", "zstd");
    if (!sparkConf.contains("spark.sql.shuffle.partitions")) {
      // our tables are small after aggregation; AQE coalesces further
      builder.config("spark.sql.shuffle.partitions", "16");
    }
    if (!sparkConf.contains("spark.sql.inMemoryColumnarStorage.batchSize")) {
      // the persisted ingest records carry whole articles: Spark's 10,000-row column batches of them took a
      // 1 GB heap down on 8x KCNA; 1,000 rows keep a batch at a few MB
      builder.config("spark.sql.inMemoryColumnarStorage.batchSize", "1000");
    }
    if (!sparkConf.contains("spark.ui.showConsoleProgress")) {
      builder.config("spark.ui.showConsoleProgress", "false");
    }
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }
}
