package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's yardstick: a plain Spark job over the same files (read the CSV, split the stories into
 * words, count them, write Parquet). The benchmark runs it in a JVM of its own, as the pipeline runs in
 * one: timed from its SparkSession on, so that it pays its first query's warm-up (loading and compiling
 * Spark's planner, CSV reader and Parquet writer) as the pipeline's ingest does. Run after the pipeline in
 * the pipeline's JVM it would find all of that done.
 */
public final class BaselineJob {
  private BaselineJob() {
  }

  /** What the child JVM prints per run, on its standard output: wall and CPU seconds, peak heap bytes. */
  static final String RUN_LINE = "baseline-run";

  /**
   * Reads the CSV files, splits the stories into words, counts them, writes Parquet. Words are counted as
   * written, not lower-cased: in a new JVM Spark's {@code lower} first builds ICU's case-mapping tables,
   * about 2 s of a 5 s first run on this machine, a one-off the yardstick should not carry.
   */
  static void wordCount(SparkSession spark, Path corpusDir, Path out) {
    spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
        .csv(corpusDir.toString())
        .select(explode(split(col("story"), "[^\\p{L}\\p{N}]+")).as("word"))
        .filter(col("word").notEqual(""))
        .groupBy("word").count()
        .write().mode(SaveMode.Overwrite).parquet(out.toString());
  }

  /** One timed run of the word count in this JVM, from a collected heap. */
  static Benchmark.Step timedRun(SparkSession spark, Path corpusDir, Path out, long documents, long bytes) {
    Benchmark.HeapWatch heap = Benchmark.HeapWatch.start();
    try {
      System.gc();
      heap.peakAndReset();
      Benchmark.Clock clock = Benchmark.Clock.start();
      wordCount(spark, corpusDir, out);
      return clock.step("baseline", documents, bytes, heap.peakAndReset());
    } finally {
      heap.stop();
    }
  }

  /**
   * One cold run of the word count, in a new JVM started as this one was (same java, JVM flags, classpath),
   * against the same Spark master. Its log goes to {@code log}.
   */
  static Benchmark.Step coldRunInOwnJvm(String master, Path corpusDir, Path out, long documents, long bytes,
      Path log) {
    return ChildJvm.timedRun(BaselineJob.class.getName(), RUN_LINE, 0, master,
        List.of(corpusDir.toString(), out.toString()), log).step("baseline", documents, bytes);
  }

  /** The child JVM: {@code <corpus dir> <output dir>}; prints its one {@link #RUN_LINE}. */
  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BaselineJob <corpus dir> <output dir>");
    }
    SparkSession spark = SparkSessions.create("nkwatch-bench-baseline", Map.of());
    try {
      Benchmark.Step s = timedRun(spark, Path.of(args[0]), Path.of(args[1]), 0, 0);
      System.out.println(ChildJvm.runLine(RUN_LINE, s));
      System.out.flush();
    } finally {
      spark.stop();
    }
  }
}
