package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nkwatch.classify.Annotation;
import org.nkwatch.classify.DocumentAnnotator;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.model.Article;
import org.nkwatch.model.Mention;
import org.nkwatch.model.SanctionEvent;

/** Annotate: English articles to {@code mentions} and {@code sanction_events}. */
public final class AnnotateJob {
  /** Languages the English models can annotate; other articles are counted, not annotated. */
  static final String ANNOTATED_LANGUAGE = "en";

  /** Whether an article of this language is annotated: English, or of no known language (as the filter below). */
  static boolean annotates(String language) {
    return language == null || ANNOTATED_LANGUAGE.equals(language);
  }

  private static final StructType OUTPUT = new StructType()
      .add("record", DataTypes.StringType, false)
      .add("mention", TableSchemas.MENTION, true)
      .add("event", TableSchemas.SANCTION_EVENT, true)
      // an article the annotator failed on: "doc_id: what went wrong"; the run goes on without its mentions
      .add("failure", DataTypes.StringType, true);

  private AnnotateJob() {
  }

  /**
   * Counts of what was written, for the run's log and manifest.
   *
   * @param failures articles the annotator failed on (a bug to report; the run goes on without their
   *                 mentions), at most {@link #FAILURES_SHOWN} of them, each "doc_id: what went wrong"
   * @param partitionsKept partitions of mentions and sanction_events copied as they were (a run that keeps
   *                       earlier rows rewrites only those it changes)
   * @param everyArticleBecause why a run that would keep earlier rows annotated every article instead
   *                            ({@link #everyArticleBecause}), or null
   */
  public record Result(long articles, long mentions, long events, long failed, List<String> failures,
      int partitionsKept, String everyArticleBecause) {
    public Result {
      failures = List.copyOf(failures);
    }
  }

  static final int FAILURES_SHOWN = 10;

  /**
   * The notes beside {@code mentions} and {@code sanction_events}: the fingerprint of the configuration (gazetteer,
   * taxonomy) they were made with, and what the articles table held then ({@link TableStore#contentsDigest}).
   */
  static final String ANNOTATED_WITH = "_annotated_with";
  static final String ANNOTATED_FROM = "_annotated_from";
  private static final List<String> TABLES_WRITTEN = List.of(TableSchemas.MENTIONS, TableSchemas.SANCTION_EVENTS);

  /**
   * Fault injection, for the tests of the failure path (no real article makes the annotator fail): in a JVM
   * with this system property set, annotating an article whose locator contains its value throws.
   */
  static final String FAIL_ON_PROPERTY = "nkwatch.test.failAnnotationOn";

  public static Result run(SparkSession spark, ConfigBundle config, TableStore store, String runId) {
    return run(spark, config, store, runId, RunScope.everyFile(org.nkwatch.schedule.PublicationWindow.ALL), null);
  }

  /**
   * Annotates the articles in {@code scope} (those the run's ingest made, or a window's); the mentions and
   * events of the other articles are kept as they are. Mentions of articles no longer in the table (a
   * changed file's, a window's that were re-ingested) go with them.
   *
   * @param articlesBeforeIngest what the articles table held before the run's ingest
   *                             ({@link TableStore#contentsDigest}), or null when the run did not ingest
   */
  static Result run(SparkSession spark, ConfigBundle config, TableStore store, String runId, RunScope scope,
      String articlesBeforeIngest) {
    return QueryLabels.step(spark, "annotate",
        () -> annotateScope(spark, config, store, runId, scope, articlesBeforeIngest));
  }

  private static Result annotateScope(SparkSession spark, ConfigBundle config, TableStore store, String runId,
      RunScope runScope, String articlesBeforeIngest) {
    String articlesNow = store.contentsDigest(TableSchemas.ARTICLES);
    String everyArticleBecause = everyArticleBecause(store, config, runScope,
        articlesBeforeIngest == null ? articlesNow : articlesBeforeIngest);
    RunScope scope = everyArticleBecause == null ? runScope
        : RunScope.everyFile(org.nkwatch.schedule.PublicationWindow.ALL);
    if (scope.readsNoFile() && store.exists(TableSchemas.MENTIONS) && store.exists(TableSchemas.SANCTION_EVENTS)) {
      // nothing new was ingested: the tables stay as they are, unwritten
      return new Result(0, store.rows(TableSchemas.MENTIONS), store.rows(TableSchemas.SANCTION_EVENTS), 0, List.of(), 0,
          null);
    }
    Dataset<Row> table = store.read(TableSchemas.ARTICLES);
    Dataset<Row> toAnnotate = scope.inScope(spark, table)
        .filter(col("language").equalTo(ANNOTATED_LANGUAGE).or(col("language").isNull()));
    Dataset<Row> articles = spread(toAnnotate, store.files(TableSchemas.ARTICLES));
    Broadcast<ConfigBundle> bundle = spark.sparkContext().broadcast(config,
        scala.reflect.ClassTag$.MODULE$.apply(ConfigBundle.class));
    // says whether any article failed without a scan of the output for failure rows; never too low (a
    // retried task may add twice, so a non-zero value is then counted exactly)
    org.apache.spark.util.LongAccumulator failing = spark.sparkContext().longAccumulator("annotation failures");
    JavaRDD<Row> annotated = articles.toJavaRDD().mapPartitions(rows -> annotate(rows, bundle.value(), failing));
    // on disk, not in memory: cached rows in Spark's memory store took a 1 GB heap down on 8x KCNA
    Dataset<Row> output = DiskRows.keep(spark.createDataFrame(annotated, OUTPUT));
    try {
      Dataset<Row> newMentions = output.filter(col("record").equalTo("mention")).select("mention.*");
      Dataset<Row> newEvents = output.filter(col("record").equalTo("event")).select("event.*");
      Dataset<Row> mentions = newMentions;
      Dataset<Row> events = newEvents;
      // the stored rows of articles the run does not keep (gone, or annotated again), found in one query
      StoredRows dropped = scope.everything() ? null
          : QueryLabels.part(spark, "find the stored rows of articles not kept",
              () -> StoredRows.notKept(spark, store, scope.kept(spark, table).select("doc_id")));
      if (dropped != null) {
        mentions = dropped.keptRows(spark, store, TableSchemas.MENTIONS).unionByName(mentions);
        events = dropped.keptRows(spark, store, TableSchemas.SANCTION_EVENTS).unionByName(events);
      }
      // a report contradicted by a later article (the person reappears) says so; over kept and new rows
      // alike, so an incremental run can contradict an earlier run's report
      ReappearanceStep.Updated reread = ReappearanceStep.apply(mentions, events);
      int partitionsKept = 0;
      try {
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(TableSchemas.MENTIONS, reread.mentions());
        tables.put(TableSchemas.SANCTION_EVENTS, reread.events());
        // each table's new version depends on both old tables (reappearance joins mentions and events): both are
        // staged before either is swapped in. A run that keeps rows rewrites only the partitions it changes
        Set<List<String>> rewritten = dropped == null ? null : QueryLabels.part(spark,
            "find the partitions that change", () -> dropped.withPartitionsOf(newMentions.select("corpus", "year")
                .unionByName(newEvents.select("corpus", "year")).unionByName(reread.changedPartitions())));
        partitionsKept = store.writeAllWithNotes(tables, runId, rewritten,
                Map.of(ANNOTATED_WITH, config.fingerprint(), ANNOTATED_FROM, articlesNow))
            .values().stream().mapToInt(Integer::intValue).sum();
      } finally {
        reread.release();
        if (dropped != null) {
          dropped.release();
        }
      }
      // the tables' rows from their files' footers, the articles in one query; the failures are read from the
      // output only when an article failed
      long annotatedArticles = QueryLabels.part(spark, "count articles", toAnnotate::count);
      long failedCount = 0;
      List<String> failures = List.of();
      if (failing.value() > 0) {
        Dataset<Row> failed = output.filter(col("record").equalTo("failure")).select("failure");
        failedCount = failed.count();
        failures = failed.limit(FAILURES_SHOWN).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      }
      return new Result(annotatedArticles, store.rows(TableSchemas.MENTIONS), store.rows(TableSchemas.SANCTION_EVENTS),
          failedCount, failures, partitionsKept, everyArticleBecause);
    } finally {
      DiskRows.release(output);
      bundle.destroy();
    }
  }

  /**
   * Why a run that would keep stored mentions and events (incremental, or over a window) must annotate every
   * article instead, or null. Kept, they would mix two gazetteers or taxonomies in one table (and in the counts and
   * briefs), or miss articles: when they were made with another configuration than the run's; when the articles
   * changed since other than by the run's own ingest (an {@code ingest} step run alone: the run would not know
   * which articles are new); when their notes do not say (an earlier nkwatch wrote them); when one table is missing.
   *
   * @param articlesExpected what the articles table held when the stored rows were made, if nothing but the run's
   *                         own ingest wrote it since: its contents before that ingest, or now when it did not run
   */
  static String everyArticleBecause(TableStore store, ConfigBundle config, RunScope scope, String articlesExpected) {
    if (scope.everything() || TABLES_WRITTEN.stream().noneMatch(store::exists)) {
      return null;
    }
    for (String table : TABLES_WRITTEN) {
      if (!store.exists(table)) {
        return "the stored " + table + " table is missing";
      }
      String madeWith = store.note(table, ANNOTATED_WITH);
      String madeFrom = store.note(table, ANNOTATED_FROM);
      if (madeWith == null || madeFrom == null) {
        return "the stored " + table + " do not say what made them (an earlier nkwatch wrote them)";
      }
      if (!madeWith.equals(config.fingerprint())) {
        return "the gazetteer or taxonomy is not the one the stored " + table + " were made with";
      }
      if (!madeFrom.equals(articlesExpected)) {
        return "the articles changed since the stored " + table + " were made, other than by this run's ingest "
            + "(an ingest step run on its own)";
      }
    }
    return null;
  }

  /** Stored articles per annotating task, at least: below this a task's fixed cost starts to count. */
  static final long BYTES_PER_TASK = 1L << 20;
  /** Annotating tasks per core, at most: a few, so that the last ones to finish leave no core idle for long. */
  static final int TASKS_PER_CORE = 3;

  /**
   * The articles spread round-robin over enough tasks to keep every core busy, when Spark would read them in
   * fewer. The table has one file per corpus and year, and Spark packs small files into one task: with the
   * registry's four corpora (eight files, 10 MB) both KCNA years went to one task, and annotate ran on one core
   * for most of its time (15.5 s against 10.6 s for KCNA alone). Annotating is most of a run's work; moving the
   * articles to more tasks costs a shuffle of their text, a small part of it. The tasks Spark reads them in are
   * those of the query that reads them, planned once: the same rows, not spread, run in that plan.
   */
  static Dataset<Row> spread(Dataset<Row> articles, TableStore.ParquetFiles stored) {
    int cores = articles.sparkSession().sparkContext().defaultParallelism();
    int tasks = (int) Math.min((long) TASKS_PER_CORE * cores, Math.max(1, stored.bytes() / BYTES_PER_TASK));
    return tasks > articles.rdd().getNumPartitions() ? articles.repartition(tasks) : articles;
  }

  /**
   * The stored mentions and events of articles a run does not keep (gone, or annotated again), by doc_id, kept on
   * disk, and their (corpus, year) partitions. Every other stored row is kept; a partition none of whose rows is
   * dropped, gains a row or has its certainty re-read keeps exactly the rows it has, and is copied rather than
   * rewritten.
   */
  private record StoredRows(Dataset<Row> droppedDocIds, Set<List<String>> droppedPartitions) {
    /** Null when neither table is stored yet: there is then nothing to keep. */
    static StoredRows notKept(SparkSession spark, TableStore store, Dataset<Row> keptDocIds) {
      Dataset<Row> stored = null;
      for (String table : List.of(TableSchemas.MENTIONS, TableSchemas.SANCTION_EVENTS)) {
        if (store.exists(table)) {
          Dataset<Row> rows = store.read(table).select("doc_id", "corpus", "year");
          stored = stored == null ? rows : stored.unionByName(rows);
        }
      }
      if (stored == null) {
        return null;
      }
      Dataset<Row> kept = keptDocIds.select(col("doc_id").as("kept_doc_id"));
      // usually few (a changed file's articles), but a window over years drops many: kept by Spark, not collected
      Dataset<Row> dropped = DiskRows.keep(stored.join(kept, col("doc_id").equalTo(col("kept_doc_id")), "left_anti")
          .distinct());
      return new StoredRows(dropped, TableStore.partitionsOf(dropped.select("corpus", "year")));
    }

    /** The rows of {@code table} (if written before) that the run keeps. */
    Dataset<Row> keptRows(SparkSession spark, TableStore store, String table) {
      if (!store.exists(table)) {
        return spark.createDataFrame(List.of(), TableSchemas.of(table));
      }
      // distinct already: a doc's rows are all in its article's one partition
      Dataset<Row> gone = droppedDocIds.select(col("doc_id").as("gone_doc_id"));
      return store.read(table).join(gone, col("doc_id").equalTo(col("gone_doc_id")), "left_anti");
    }

    /** The partitions this run rewrites: the dropped rows', and those of {@code changed} (corpus, year) rows. */
    Set<List<String>> withPartitionsOf(Dataset<Row> changed) {
      Set<List<String>> all = new java.util.HashSet<>(droppedPartitions);
      all.addAll(TableStore.partitionsOf(changed));
      return all;
    }

    void release() {
      DiskRows.release(droppedDocIds);
    }
  }

  private static Iterator<Row> annotate(Iterator<Row> rows, ConfigBundle config,
      org.apache.spark.util.LongAccumulator failing) {
    DocumentAnnotator annotator = AnnotatorCache.annotator(config);
    String failOn = System.getProperty(FAIL_ON_PROPERTY);
    return new Iterator<>() {
      private Iterator<Row> pending = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!pending.hasNext() && rows.hasNext()) {
          Row row = rows.next();
          Article article = Rows.article(row);
          Annotation annotation;
          try {
            if (failOn != null && article.locator().contains(failOn)) {
              throw new IllegalStateException("failure injected for a test (" + FAIL_ON_PROPERTY + ")");
            }
            annotation = annotator.annotate(article, row.getAs("source_type"));
          } catch (RuntimeException | StackOverflowError e) {
            // one article must not cost the run: it is counted and named, and annotated with nothing
            failing.add(1);
            pending = List.of(RowFactory.create("failure", null, null, article.docId() + ": " + e)).iterator();
            continue;
          }
          List<Row> out = new ArrayList<>(annotation.mentions().size() + annotation.events().size());
          for (Mention m : annotation.mentions()) {
            out.add(RowFactory.create("mention", Rows.mention(m), null, null));
          }
          for (SanctionEvent e : annotation.events()) {
            out.add(RowFactory.create("event", null, Rows.event(e), null));
          }
          pending = out.iterator();
        }
        return pending.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return pending.next();
      }
    };
  }
}
