package org.nkwatch.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.model.CorpusAccount;
import org.nkwatch.schedule.RunLedger;

/** The four steps of a run, each reading and writing tables under the output root. */
public final class Pipeline {
  private final SparkSession spark;
  private final JobOptions options;
  private final TableStore store;
  private final PrintStream log;
  private final Map<String, Object> manifest = new LinkedHashMap<>();
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private final LedgerStore ledger;
  /** The rows this run replaces: its window's, and after an incremental ingest those of the files it read. */
  private RunScope scope;
  /** What this run's ingest read, for the ledger; null when it did not ingest. */
  private IngestJob.Result ingested;
  /** What the articles table held before this run's ingest ({@link TableStore#contentsDigest}); null without one. */
  private String articlesBeforeIngest;

  public Pipeline(SparkSession spark, JobOptions options, PrintStream log) {
    this.spark = spark;
    this.options = options;
    this.store = new TableStore(spark, options.output());
    this.log = log;
    this.ledger = new LedgerStore(options.output(), spark.sparkContext().hadoopConfiguration());
    // a step run on its own (annotate, aggregate) covers the window's rows of every file
    this.scope = RunScope.everyFile(options.window());
    manifest.put("window", options.window().isAll() ? null : Map.of("label", options.window().label(),
        "since", String.valueOf(options.window().since()), "until", String.valueOf(options.window().until())));
    manifest.put("incremental", options.incremental());
    manifest.put("only_corpora", options.onlyCorpora().isEmpty() ? null : new java.util.TreeSet<>(options.onlyCorpora()));
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
    articlesBeforeIngest = store.contentsDigest(TableSchemas.ARTICLES);
    ingested = IngestJob.run(spark, options.corpora(), store, options.runId(), true, options.window(),
        options.incremental() ? ledger.read() : null, options.onlyCorpora());
    if (!options.onlyCorpora().isEmpty()) {
      log.println("ingest  only " + new java.util.TreeSet<>(options.onlyCorpora()) + " (--corpus): the rows of every "
          + "other corpus are kept as they are; duplicates across corpora are settled by a run without --corpus");
    }
    scope = ingested.scope();
    List<CorpusAccount> accounts = ingested.accounts();
    if (ingested.smallInput()) {
      log.println("ingest  small input: whole-stage code generation off and expressions interpreted for this run "
          + "(compiling their code costs more than it saves)");
    }
    if (options.incremental()) {
      String why = ingested.whyRead().inWords();
      log.printf(Locale.ROOT, "ingest  incremental: %d files read%s, %d unchanged files skipped%n",
          ingested.filesRead().size(), why.isEmpty() ? "" : " (" + why + ")", ingested.filesSkipped().size());
    }
    List<String> wrong = new ArrayList<>();
    for (CorpusAccount account : accounts) {
      log.println("ingest  " + account.summary());
      if (account.records() > 0 && account.rejects() == account.records()) {
        // every record rejected is rarely the corpus: more often its registry entry (fields, format) misreads it
        log.println("ingest  warning: every record of corpus '" + account.corpus() + "' was rejected: check how its "
            + "registry entry reads it (format, fields)");
      }
      if (!account.addsUp()) {
        wrong.add(account.corpus());
      }
    }
    step("ingest", started);
    manifest.put("accounts", accounts);
    manifest.put("files_read", ingested.filesRead());
    manifest.put("files_skipped", ingested.filesSkipped());
    if (!wrong.isEmpty()) {
      throw new IllegalStateException("the account of records does not add up for " + wrong);
    }
    return accounts;
  }

  public AnnotateJob.Result annotate() {
    long started = System.nanoTime();
    AnnotateJob.Result result = AnnotateJob.run(spark, options.config(), store, options.runId(), scope,
        articlesBeforeIngest);
    if (result.everyArticleBecause() != null) {
      log.println("annotate every article annotated again: " + result.everyArticleBecause());
    }
    log.printf(Locale.ROOT, "annotate %d articles -> %d mentions, %d sanction events%n", result.articles(),
        result.mentions(), result.events());
    if (result.partitionsKept() > 0) {
      log.printf(Locale.ROOT, "annotate %d partitions of mentions and sanction_events unchanged, copied as they were%n",
          result.partitionsKept());
    }
    if (result.failed() > 0) {
      log.printf(Locale.ROOT, "annotate: %d articles could not be annotated (kept in articles, without mentions): %s%n",
          result.failed(), result.failures());
    }
    step("annotate", started);
    manifest.put("annotate", result);
    return result;
  }

  public long aggregate() {
    long started = System.nanoTime();
    AggregateJob.Result counted = AggregateJob.run(store, options.runId());
    log.printf(Locale.ROOT, "aggregate %d count rows%s%n", counted.rows(), !counted.recounted()
        ? " (up to date: articles, mentions and sanction_events are as they were when counted; not counted again)"
        : counted.partitionsKept() > 0 ? " (" + counted.partitionsKept()
            + " partitions of mentions unchanged since counted: their day counts kept, not counted again)" : "");
    step("aggregate", started);
    manifest.put("count_rows", counted.rows());
    manifest.put("counts_recounted", counted.recounted());
    manifest.put("count_partitions_kept", counted.partitionsKept());
    return counted.rows();
  }

  public List<String> report() {
    long started = System.nanoTime();
    ReportJob.Briefs briefs = ReportJob.run(spark, store, options, log);
    step("report", started);
    manifest.put("briefs", briefs.files());
    manifest.put("briefs_kept", briefs.kept());
    return briefs.files();
  }

  private void step(String name, long startedNanos) {
    double elapsed = (System.nanoTime() - startedNanos) / 1e9;
    seconds.put(name, Math.round(elapsed * 100) / 100.0);
    log.printf(Locale.ROOT, "%-9s done in %.1f s%n", name, elapsed);
  }

  /**
   * Records the files this run read in the ledger, then writes the run's manifest, last: a run without one
   * did not finish. A run over a window does not record its files: it kept only the window's records of
   * them, and an incremental run must not skip the rest.
   */
  public void finish(String command) {
    if (ingested != null && options.window().isAll()) {
      // a full run's files are all the tables hold; a full run of some corpora keeps what the ledger knows of the
      // others, and of these only what it read
      RunLedger before = options.incremental() ? ledger.read()
          : options.onlyCorpora().isEmpty() ? RunLedger.EMPTY
          : ledger.read().forgetting(options.corpora().stream().map(CorpusSpec::reading)
              .collect(java.util.stream.Collectors.toSet()));
      ledger.write(before.recording(options.runId(), ingested.filesRead()));
      log.println("ledger   " + ledger.inputsPath());
    }
    String path = RunManifest.write(spark, options, command, manifest, seconds);
    log.println("manifest " + path);
  }

  public TableStore store() {
    return store;
  }
}
