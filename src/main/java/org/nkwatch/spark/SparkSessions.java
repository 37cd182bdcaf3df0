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
      // a cached dataset is held as column batches of this many rows, and on a cluster the rows ingest keeps
      // (DiskRows) carry whole articles: Spark's 10,000-row batches of them took a 1 GB heap down on 8x KCNA;
      // 1,000 rows keep a batch at a few MB
      builder.config("spark.sql.inMemoryColumnarStorage.batchSize", "1000");
    }
    String master = conf.getOrDefault("spark.master", sparkConf.get("spark.master", ""));
    if (master.startsWith("local") && !sparkConf.contains("spark.locality.wait") && !conf.containsKey("spark.locality.wait")) {
      // one executor, so no locality to wait for; and waiting can hang: a stage mixing HDFS scans (preferred
      // host: a datanode) with a shuffle read (preferred: localhost) held its scans for the locality delay,
      // and local mode offered the free cores again only when a task started or ended (see AggregateJob)
      builder.config("spark.locality.wait", "0");
    }
    if (master.startsWith("local") && !sparkConf.contains("spark.ui.enabled") && !conf.containsKey("spark.ui.enabled")) {
      // a batch run nobody watches: the web UI cost about a second of each start (--conf spark.ui.enabled=true)
      builder.config("spark.ui.enabled", "false");
    }
    if (!sparkConf.contains("spark.ui.showConsoleProgress")) {
      builder.config("spark.ui.showConsoleProgress", "false");
    }
    conf.forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    // the session's SQL state (which checks the SQL settings) is made on first use: made now, a bad setting
    // fails here, before the run takes its output's lock or writes anything there
    spark.conf();
    return spark;
  }

  /** Below this much input a run is small: its queries' fixed costs outweigh their work. */
  static final long SMALL_INPUT_BYTES = 4L << 20;
  static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
  /**
   * How Spark makes the code that evaluates expressions outside whole stages (projections, predicates,
   * orderings): compiled by Janino with an interpreted fallback (FALLBACK, the default) or interpreted only
   * (NO_CODEGEN).
   */
  static final String EXPRESSION_CODEGEN = "spark.sql.codegen.factoryMode";

  /**
   * Tunes the session for an input of {@code bytes}: a small one runs without whole-stage code generation
   * and with interpreted expressions, since compiling each query's code (Janino) then costs more than it saves.
   * Measured on the two seed articles from start to brief: whole-stage generation off took 19 s to 17 s;
   * interpreted expressions then took 18.8-20.0 s to 16.4-17.4 s (three runs each, interleaved, on a busier
   * machine). KCNA 2011-2012 (32 MB) runs 17% slower without whole-stage generation, so large inputs keep both.
   * A value the user set is kept.
   *
   * @return whether the session was tuned for a small input
   */
  static boolean tuneForInput(SparkSession spark, long bytes) {
    boolean small = bytes < SMALL_INPUT_BYTES && !spark.sparkContext().getConf().contains(WHOLE_STAGE_CODEGEN);
    if (small) {
      spark.conf().set(WHOLE_STAGE_CODEGEN, "false");
      if (!spark.sparkContext().getConf().contains(EXPRESSION_CODEGEN)) {
        spark.conf().set(EXPRESSION_CODEGEN, "NO_CODEGEN");
      }
    }
    return small;
  }
}
