package org.nkwatch.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.nkwatch.model.CorpusAccount;

/** The four steps of a run, each reading and writing tables under the output root. */
public final class Pipeline {
  private final SparkSession spark;
  private final JobOptions options;
  private final TableStore store;
  private final PrintStream log;
  private final Map<String, Object> manifest = new LinkedHashMap<>();
  private final Map<String, Double> seconds = new LinkedHashMap<>();

  public Pipeline(SparkSession spark, JobOptions options, PrintStream log) {
    this.spark = spark;
    this.options = options;
    this.store = new TableStore(spark, options.output());
    this.log = log;
  }

  public static SparkSession session(JobOptions options) {
    return SparkSessions.create("nkwatch", options.sparkConf());
  }

  /**
   * Builds the gazetteer and taxonomy on the driver, before any Spark job: a configuration error is then
   * one {@link org.nkwatch.config.ConfigException} naming its file, not a failed task; in local mode the
   * executors reuse what was built.
   */
  public static void checkAnnotationConfig(org.nkwatch.config.ConfigBundle config) {
    AnnotatorCache.annotator(config);
  }

  public List<CorpusAccount> ingest() {
    if (options.corpora().isEmpty()) {
      throw new InputException("no corpus to ingest: give --input PATH or --registry FILE");
    }
    long started = System.nanoTime();
    List<CorpusAccount> accounts = IngestJob.run(spark, options.corpora(), store, options.runId(), true);
    List<String> wrong = new ArrayList<>();
    for (CorpusAccount account : accounts) {
      log.println("ingest  " + account.summary());
      if (!account.addsUp()) {
        wrong.add(account.corpus());
      }
    }
    step("ingest", started);
    manifest.put("accounts", accounts);
    if (!wrong.isEmpty()) {
      throw new IllegalStateException("the account of records does not add up for " + wrong);
    }
    return accounts;
  }

  public AnnotateJob.Result annotate() {
    long started = System.nanoTime();
    AnnotateJob.Result result = AnnotateJob.run(spark, options.config(), store, options.runId());
    log.printf(Locale.ROOT, "annotate %d articles -> %d mentions, %d sanction events%n", result.articles(),
        result.mentions(), result.events());
    step("annotate", started);
    manifest.put("annotate", result);
    return result;
  }

  public long aggregate() {
    long started = System.nanoTime();
    long rows = AggregateJob.run(store, options.runId());
    log.printf(Locale.ROOT, "aggregate %d count rows%n", rows);
    step("aggregate", started);
    manifest.put("count_rows", rows);
    return rows;
  }

  public List<java.nio.file.Path> report() {
    long started = System.nanoTime();
    List<java.nio.file.Path> written = ReportJob.run(spark, store, options, log);
    step("report", started);
    manifest.put("briefs", written.stream().map(Object::toString).toList());
    return written;
  }

  private void step(String name, long startedNanos) {
    double elapsed = (System.nanoTime() - startedNanos) / 1e9;
    seconds.put(name, Math.round(elapsed * 100) / 100.0);
    log.printf(Locale.ROOT, "%-9s done in %.1f s%n", name, elapsed);
  }

  /** Writes the run's manifest, last: a run without one did not finish. */
  public void finish(String command) {
    String path = RunManifest.write(spark, options, command, manifest, seconds);
    log.println("manifest " + path);
  }

  public TableStore store() {
    return store;
  }
}
