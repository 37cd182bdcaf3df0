package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.model.Article;
import org.nkwatch.model.CorpusAccount;
import org.nkwatch.model.Duplicate;
import org.nkwatch.nlp.TextAnalyzer;
import org.nkwatch.schedule.PublicationWindow;
import org.nkwatch.schedule.RunLedger;

/**
 * Ingest: reads every file of every corpus (one task per file, through the Hadoop filesystem so any URI
 * works), writes {@code articles}, {@code duplicates} and {@code rejects}, and returns the account of
 * records per corpus, checked against the tables as written.
 */
public final class IngestJob {
  /** What reading the files yields: an article or a reject, named by {@code record}. */
  static final StructType RECORD = new StructType()
      .add("record", DataTypes.StringType, false)
      .add("article", TableSchemas.ARTICLE, true)
      .add("reject", TableSchemas.REJECT, true);

  private IngestJob() {
  }

  /**
   * What one ingest read, skipped and made.
   *
   * @param smallInput whether the input was small enough for the session to be tuned for it
   *                   ({@link SparkSessions#tuneForInput})
   * @param whyRead why the files read were read, counted by reason ({@link RunLedger#reasons}); none without a
   *                ledger
   */
  public record Result(List<CorpusAccount> accounts, List<RunLedger.InputState> filesRead, List<String> filesSkipped,
      RunScope scope, boolean smallInput, RunLedger.Reasons whyRead) {
  }

  /**
   * A full ingest: every file read, every table rewritten.
   *
   * @param nearDuplicates whether to look for near-duplicates as well as exact ones (benchmarks that replicate
   *                       a corpus turn it off)
   */
  public static List<CorpusAccount> run(SparkSession spark, List<CorpusSpec> corpora, TableStore store, String runId,
      boolean nearDuplicates) {
    return run(spark, corpora, store, runId, nearDuplicates, PublicationWindow.ALL, null, java.util.Set.of()).accounts();
  }

  /**
   * An ingest over a window of publication dates and, with a ledger, of only the files it has not seen or
   * that changed. The tables then keep their rows outside the run's {@link RunScope} and get this run's rows
   * in place of those inside it. Records of the files read that fall outside the window (undated ones
   * included) are counted as outside, not written.
   *
   * <p>Each table is still written through the staging swap of {@link TableStore#write}, so that a crash never
   * leaves a table half old, half new; of {@code articles}, only the partitions the run changes are written
   * again, the others' files are copied.
   *
   * @param ledger what earlier runs read, for an incremental run; null reads every file
   * @param onlyCorpora the corpora a run over some of a registry's is limited to ({@link JobOptions#onlyCorpora}):
   *                    the other corpora's rows are kept; empty when the run covers the whole of its input
   */
  static Result run(SparkSession spark, List<CorpusSpec> corpora, TableStore store, String runId,
      boolean nearDuplicates, PublicationWindow window, RunLedger ledger, java.util.Set<String> onlyCorpora) {
    return QueryLabels.step(spark, "ingest",
        () -> ingest(spark, corpora, store, runId, nearDuplicates, window, ledger, onlyCorpora));
  }

  private static Result ingest(SparkSession spark, List<CorpusSpec> corpora, TableStore store, String runId,
      boolean nearDuplicates, PublicationWindow window, RunLedger ledger, java.util.Set<String> onlyCorpora) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<InputFile> listed = InputListing.list(corpora, hadoop);
    if (listed.isEmpty()) {
      throw new InputException("no input files found in " + corpora.stream().flatMap(c -> c.paths().stream()).toList());
    }
    List<InputFile> files = ledger == null ? listed : listed.stream().filter(f -> ledger.mustRead(f.state())).toList();
    java.util.Set<InputFile> toRead = new java.util.HashSet<>(files);
    List<String> skipped = listed.stream().filter(f -> !toRead.contains(f)).map(InputFile::uri).sorted().toList();
    RunScope scope = (ledger == null ? RunScope.everyFile(window)
        : RunScope.filesRead(window, files.stream().map(InputFile::uri).toList())).ofCorpora(onlyCorpora);
    List<RunLedger.InputState> filesRead = files.stream().map(InputFile::state).toList();
    RunLedger.Reasons whyRead = ledger == null ? RunLedger.Reasons.NONE : ledger.reasons(filesRead);
    if (files.isEmpty()) {
      // nothing new: the tables stay as they are
      List<CorpusAccount> none = corpora.stream().map(c -> new CorpusAccount(c.name(), 0, 0, 0, 0, Map.of(), Map.of(), 0))
          .toList();
      return new Result(none, filesRead, skipped, scope, false, whyRead);
    }
    boolean rewritesAll = scope.everything() || !store.exists(TableSchemas.ARTICLES);
    // a run that keeps earlier rows rewrites every table with them, and aggregate counts all mentions: a night's
    // few new articles on years of stored ones are not a small input (run interpreted, that took 30 s, not 21)
    long readBytes = files.stream().mapToLong(InputFile::size).sum();
    long keptBytes = rewritesAll ? 0 : store.files(TableSchemas.ARTICLES).bytes();
    boolean smallInput = SparkSessions.tuneForInput(spark, readBytes + keptBytes);
    // near-duplicates are looked for among the articles read only: few of them are compared on the driver
    boolean fewRead = readBytes < SparkSessions.SMALL_INPUT_BYTES;
    HadoopConf conf = new HadoopConf(hadoop);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> records = jsc.parallelize(files, Math.max(1, Math.min(files.size(), 64)))
        .mapPartitions(it -> readFiles(it, conf));
    // on disk, not in memory: whole articles in Spark's memory store took a 1 GB heap down on 8x KCNA
    Dataset<Row> all = DiskRows.keep(spark.createDataFrame(records, RECORD));
    try {
      Dataset<Row> read = all.filter(col("record").equalTo("article")).select("article.*");
      Dataset<Row> inWindow = read.filter(scope.inWindow(col("published")));
      Dataset<Row> rejects = all.filter(col("record").equalTo("reject")).select("reject.*");
      Dataset<Row> keptArticles = rewritesAll ? spark.createDataFrame(List.of(), TableSchemas.ARTICLE)
          : scope.kept(spark, store.read(TableSchemas.ARTICLES));
      // exact duplicates share the content hash; the first by corpus and locator is the article, unless an
      // article the run keeps has that hash already (then every record of it is a duplicate of that article).
      // Only the keys are shuffled to find them: hashes seen more than once are few, and broadcast back;
      // ranking the records themselves (a window over doc_id) shuffled and sorted every article's text.
      // Collected here, the first query to read the kept rows: it reads the files, and is named for it
      Dataset<Row> repeated = QueryLabels.collected("read the files, find exact duplicates",
          inWindow.groupBy(col("doc_id").as("repeated_id"))
              .agg(min(struct(col("corpus"), col("locator"))).as("first"), count(lit(1)).as("records"))
              .filter(col("records").gt(1)));
      Dataset<Row> marked = inWindow.join(broadcast(repeated), col("doc_id").equalTo(col("repeated_id")), "left");
      marked = rewritesAll ? marked.withColumn("known_id", lit(null).cast("string"))
          : marked.join(broadcast(knownTexts(inWindow, keptArticles)), col("doc_id").equalTo(col("known_id")), "left");
      Column firstOfItsText = col("known_id").isNull().and(col("repeated_id").isNull()
          .or(col("first.corpus").equalTo(col("corpus")).and(col("first.locator").equalTo(col("locator")))));
      Dataset<Row> distinct = marked.filter(firstOfItsText).drop("repeated_id", "first", "records", "known_id");
      Dataset<Row> exact = marked.filter(not(firstOfItsText)).select(col("corpus"), col("locator"),
          col("doc_id"), col("doc_id").as("duplicate_of"), lit(Duplicate.EXACT).as("kind"),
          lit(1.0).as("similarity"), col("published"));
      // near-duplicates are looked for among this run's new articles only (see README, "Windows and
      // incremental runs"): against the kept ones would mean signing every stored article again
      Dataset<Row> near = nearDuplicates
          ? QueryLabels.part(spark, "find near-duplicates", () -> NearDuplicates.find(spark, distinct, fewRead))
          : exact.limit(0);
      // the near-duplicates are few: broadcast, so the articles are not shuffled to drop them
      Dataset<Row> nearIds = broadcast(near.select(col("doc_id").as("near_id")));
      Dataset<Row> canonical = distinct.join(nearIds, col("doc_id").equalTo(col("near_id")), "left_anti");
      Dataset<Row> duplicates = exact.unionByName(near);
      Dataset<Row> articles = spark.createDataFrame(
          canonical.toJavaRDD().mapPartitions(IngestJob::countSentencesAndTokens), TableSchemas.ARTICLE);
      // the three tables are staged, then swapped in together: which records are duplicates depends on the
      // articles table as it was, which Spark reads only when the duplicates are written
      Map<String, Dataset<Row>> tables = new java.util.LinkedHashMap<>();
      Map<String, Set<List<String>>> rewritten = new HashMap<>();
      if (rewritesAll) {
        tables.put(TableSchemas.ARTICLES, articles);
        tables.put(TableSchemas.DUPLICATES, duplicates);
      } else {
        if (store.exists(TableSchemas.DUPLICATES)) {
          duplicates = scope.kept(spark, store.read(TableSchemas.DUPLICATES)).unionByName(duplicates);
        }
        tables.put(TableSchemas.DUPLICATES, duplicates);
        // only the partitions the run changes are rewritten: those of the records it read in its window (a few
        // more than its new articles), and of the stored articles it replaces; the others' files are copied
        Dataset<Row> stored = store.read(TableSchemas.ARTICLES);
        rewritten.put(TableSchemas.ARTICLES, QueryLabels.part(spark, "find the partitions of articles that change",
            () -> TableStore.partitionsOf(inWindow.select("corpus", "year")
                .unionByName(scope.inScope(spark, stored).select("corpus", "year")))));
        tables.put(TableSchemas.ARTICLES, keptArticles.unionByName(articles));
        if (store.exists(TableSchemas.REJECTS)) {
          rejects = scope.keptRejects(spark, store.read(TableSchemas.REJECTS)).unionByName(rejects);
        }
      }
      tables.put(TableSchemas.REJECTS, rejects);
      store.writeAllRewriting(tables, runId, rewritten);
      return new Result(account(spark, all, store, corpora, scope), filesRead, skipped, scope, smallInput, whyRead);
    } finally {
      DiskRows.release(all);
    }
  }

  /**
   * The texts read that an article the run keeps has already ({@code known_id}): few, and collected once, rather
   * than the kept articles joined again in each query that tells articles from duplicates (four of them).
   */
  private static Dataset<Row> knownTexts(Dataset<Row> read, Dataset<Row> keptArticles) {
    return QueryLabels.collected("find texts the kept articles have", read.select(col("doc_id").as("known_id"))
        .distinct()
        .join(keptArticles.select(col("doc_id").as("kept_id")), col("known_id").equalTo(col("kept_id")), "left_semi"));
  }

  /**
   * The rows of a partition's files, streamed: never the whole partition in memory (see {@link StreamingFileReader}).
   * Each row is a {@link #RECORD}: an article or a reject.
   */
  static java.util.Iterator<Row> readFiles(java.util.Iterator<InputFile> files, HadoopConf conf) {
    Configuration hadoop = conf.toConfiguration();
    List<InputFile> list = new ArrayList<>();
    files.forEachRemaining(list::add);
    StreamingFileReader reader = new StreamingFileReader(list, file -> {
      Path path = new Path(file.uri());
      org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(hadoop);
      // corpora carry no .crc files; and the checksum layer cannot even name one for "time 10:30.txt"
      if (fs instanceof org.apache.hadoop.fs.ChecksumFileSystem checksummed) {
        fs = checksummed.getRawFileSystem();
      }
      return fs.open(path);
    });
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) context -> reader.close());
    }
    return reader;
  }

  private static java.util.Iterator<Row> countSentencesAndTokens(java.util.Iterator<Row> rows) {
    TextAnalyzer analyzer = new TextAnalyzer();
    return new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return Rows.article(counted(analyzer, Rows.article(rows.next())));
      }
    };
  }

  /** The article with its sentences and tokens counted, as the articles table holds it. */
  static Article counted(TextAnalyzer analyzer, Article a) {
    TextAnalyzer.Counts counts = analyzer.count(a.text());
    return a.withCounts(counts.sentences(), counts.tokens());
  }

  /**
   * Records read per corpus, against what the written tables hold in the run's scope (the rows it made; the
   * rows it kept are earlier runs' records): they must add up, with the records outside the window.
   */
  private static List<CorpusAccount> account(SparkSession spark, Dataset<Row> all, TableStore store,
      List<CorpusSpec> corpora, RunScope scope) {
    // one query: the records read (outside the window or not), and the written tables' rows per corpus and
    // language, reason or none (on a small input each query's fixed cost is most of the step's time)
    Map<String, Long> records = new HashMap<>();
    Map<String, Long> outside = new HashMap<>();
    Column isOutside = col("record").equalTo("article").and(not(scope.inWindow(col("article.published"))));
    Map<String, Dataset<Row>> tables = new java.util.LinkedHashMap<>();
    tables.put(RECORDS_READ, all.select(functionsCoalesceCorpus(),
        when(isOutside, lit(OUTSIDE)).otherwise(lit(null).cast("string")).as("value")));
    tables.put(TableSchemas.ARTICLES, scope.inScope(spark, store.read(TableSchemas.ARTICLES))
        .select(col("corpus"), col("language").as("value")));
    tables.put(TableSchemas.REJECTS, scope.rejectsInScope(spark, store.read(TableSchemas.REJECTS))
        .select(col("corpus"), col("reason").as("value")));
    tables.put(TableSchemas.DUPLICATES, scope.inScope(spark, store.read(TableSchemas.DUPLICATES))
        .select(col("corpus"), lit(null).cast("string").as("value")));
    Map<String, Map<String, Long>> languages = new HashMap<>();
    Map<String, Map<String, Long>> reasons = new HashMap<>();
    Map<String, Long> duplicates = new HashMap<>();
    for (Row r : RowCounts.by(tables, "corpus", "value")) {
      String corpus = r.getString(1);
      String value = r.isNullAt(2) ? null : r.getString(2);
      long n = r.getLong(3);
      switch (r.getString(0)) {
        case RECORDS_READ -> {
          records.merge(corpus, n, Long::sum);
          if (OUTSIDE.equals(value)) {
            outside.merge(corpus, n, Long::sum);
          }
        }
        case TableSchemas.ARTICLES -> languages.computeIfAbsent(corpus, k -> new HashMap<>())
            .merge(value == null ? "unknown" : value, n, Long::sum);
        case TableSchemas.REJECTS -> reasons.computeIfAbsent(corpus, k -> new HashMap<>()).merge(value, n, Long::sum);
        default -> duplicates.merge(corpus, n, Long::sum);
      }
    }
    List<CorpusAccount> accounts = new ArrayList<>();
    for (CorpusSpec corpus : corpora) {
      String name = corpus.name();
      Map<String, Long> byLanguage = languages.getOrDefault(name, Map.of());
      Map<String, Long> byReason = reasons.getOrDefault(name, Map.of());
      accounts.add(new CorpusAccount(name, records.getOrDefault(name, 0L), total(byLanguage),
          duplicates.getOrDefault(name, 0L), total(byReason), byReason, byLanguage, outside.getOrDefault(name, 0L)));
    }
    return accounts;
  }

  /** The account's label for the records read (not a table name), and its value for those outside the window. */
  private static final String RECORDS_READ = "records read";
  private static final String OUTSIDE = "outside";

  private static org.apache.spark.sql.Column functionsCoalesceCorpus() {
    return org.apache.spark.sql.functions.coalesce(col("article.corpus"), col("reject.corpus")).as("corpus");
  }

  private static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
