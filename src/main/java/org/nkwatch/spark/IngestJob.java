package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.TaskCompletionListener;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.model.Article;
import org.nkwatch.model.CorpusAccount;
import org.nkwatch.model.Duplicate;
import org.nkwatch.nlp.AnalyzedSentence;
import org.nkwatch.nlp.TextAnalyzer;

/**
 * Ingest: reads every file of every corpus (one task per file, through the Hadoop filesystem so any URI
 * works), writes {@code articles}, {@code duplicates} and {@code rejects}, and returns the account of
 * records per corpus, checked against the tables as written.
 */
public final class IngestJob {
  private static final StructType RECORD = new StructType()
      .add("record", DataTypes.StringType, false)
      .add("article", TableSchemas.ARTICLE, true)
      .add("reject", TableSchemas.REJECT, true);

  private IngestJob() {
  }

  /**
   * @param nearDuplicates whether to look for near-duplicates as well as exact ones (benchmarks that replicate
   *                       a corpus turn it off)
   */
  public static List<CorpusAccount> run(SparkSession spark, List<CorpusSpec> corpora, TableStore store, String runId,
      boolean nearDuplicates) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<InputFile> files = InputListing.list(corpora, hadoop);
    if (files.isEmpty()) {
      throw new InputException("no input files found in " + corpora.stream().flatMap(c -> c.paths().stream()).toList());
    }
    HadoopConf conf = new HadoopConf(hadoop);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> records = jsc.parallelize(files, Math.max(1, Math.min(files.size(), 64)))
        .mapPartitions(it -> readFiles(it, conf));
    Dataset<Row> all = spark.createDataFrame(records, RECORD).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> read = all.filter(col("record").equalTo("article")).select("article.*");
      Dataset<Row> rejects = all.filter(col("record").equalTo("reject")).select("reject.*");
      // exact duplicates share the content hash; the first by corpus and locator is the article
      Dataset<Row> ranked = read.withColumn("rank",
          row_number().over(Window.partitionBy("doc_id").orderBy(col("corpus"), col("locator"))));
      Dataset<Row> distinct = ranked.filter(col("rank").equalTo(1)).drop("rank");
      Dataset<Row> exact = ranked.filter(col("rank").gt(1)).select(col("corpus"), col("locator"),
          col("doc_id"), col("doc_id").as("duplicate_of"), lit(Duplicate.EXACT).as("kind"),
          lit(1.0).as("similarity"));
      Dataset<Row> near = nearDuplicates ? NearDuplicates.find(spark, distinct) : exact.limit(0);
      Dataset<Row> canonical = distinct.join(near.select("doc_id"), distinct.col("doc_id").equalTo(near.col("doc_id")),
          "left_anti");
      Dataset<Row> duplicates = exact.unionByName(near);
      JavaRDD<Row> counted = canonical.toJavaRDD().mapPartitions(IngestJob::countSentencesAndTokens);
      store.write(TableSchemas.ARTICLES, spark.createDataFrame(counted, TableSchemas.ARTICLE), runId);
      store.write(TableSchemas.DUPLICATES, duplicates, runId);
      store.write(TableSchemas.REJECTS, rejects, runId);
      return account(all, store, corpora);
    } finally {
      all.unpersist();
    }
  }

  /** The rows of a partition's files, streamed: never the whole partition in memory (see {@link StreamingFileReader}). */
  private static java.util.Iterator<Row> readFiles(java.util.Iterator<InputFile> files, HadoopConf conf) {
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
        Article a = Rows.article(rows.next());
        List<AnalyzedSentence> sentences = analyzer.analyze(a.text());
        int tokens = 0;
        for (AnalyzedSentence s : sentences) {
          tokens += s.size();
        }
        return Rows.article(a.withCounts(sentences.size(), tokens));
      }
    };
  }

  /** Records read per corpus, against what the written tables hold: they must add up. */
  private static List<CorpusAccount> account(Dataset<Row> all, TableStore store, List<CorpusSpec> corpora) {
    Map<String, Long> records = countBy(all.select(functionsCoalesceCorpus()), "corpus");
    Map<String, Long> articles = countBy(store.read(TableSchemas.ARTICLES), "corpus");
    Map<String, Long> duplicates = countBy(store.read(TableSchemas.DUPLICATES), "corpus");
    Dataset<Row> rejectTable = store.read(TableSchemas.REJECTS);
    Map<String, Long> rejects = countBy(rejectTable, "corpus");
    Map<String, Map<String, Long>> reasons = new HashMap<>();
    for (Row r : rejectTable.groupBy("corpus", "reason").count().collectAsList()) {
      reasons.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getLong(2));
    }
    Map<String, Map<String, Long>> languages = new HashMap<>();
    for (Row r : store.read(TableSchemas.ARTICLES).groupBy("corpus", "language").count().collectAsList()) {
      String language = r.isNullAt(1) ? "unknown" : r.getString(1);
      languages.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(language, r.getLong(2));
    }
    List<CorpusAccount> accounts = new ArrayList<>();
    for (CorpusSpec corpus : corpora) {
      String name = corpus.name();
      accounts.add(new CorpusAccount(name, records.getOrDefault(name, 0L), articles.getOrDefault(name, 0L),
          duplicates.getOrDefault(name, 0L), rejects.getOrDefault(name, 0L), reasons.getOrDefault(name, Map.of()),
          languages.getOrDefault(name, Map.of())));
    }
    return accounts;
  }

  private static org.apache.spark.sql.Column functionsCoalesceCorpus() {
    return org.apache.spark.sql.functions.coalesce(col("article.corpus"), col("reject.corpus")).as("corpus");
  }

  private static Map<String, Long> countBy(Dataset<Row> data, String column) {
    Map<String, Long> counts = new HashMap<>();
    for (Row r : data.groupBy(column).count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }
}
