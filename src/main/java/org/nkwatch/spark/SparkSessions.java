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
    String master = conf.getOrDefault("spark.master", sparkConf.get("spark.master", ""));
    if (master.startsWith("local") && !sparkConf.contains("spark.locality.wait") && !conf.containsKey("spark.locality.wait")) {
      // one executor, so no locality to wait for; and waiting can hang: a stage mixing HDFS scans (preferred
      // host: a datanode) with a shuffle read (preferred: localhost) held its scans for the locality delay,
      // and local mode offered the free cores again only when a task started or ended (see AggregateJob)
      builder.config("spark.locality.wait", "0");
    }
    if (!sparkConf.contains("spark.ui.showConsoleProgress")) {
      builder.config("spark.ui.showConsoleProgress", "false");
    }
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }
}
