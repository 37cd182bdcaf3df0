package org.nkwatch.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.nkwatch.classify.DocumentAnnotator;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.model.Article;
import org.nkwatch.model.Mention;
import org.nkwatch.nlp.TextAnalyzer;

/**
 * The benchmark's floor: the least work a run over its corpus must do, as one Spark query. It reads the
 * files with ingest's reader, skips texts its task has seen, counts each article's sentences and tokens,
 * annotates the English ones as annotate does and writes their mentions to Parquet: nothing kept between
 * queries, no other table (articles, duplicates, rejects, sanction events, counts), no brief. Timed cold in a
 * JVM of its own, as the baseline is, it bounds how near the baseline a run that reads and annotates as nkwatch
 * does could come on this machine. It is not a way to run nkwatch: duplicates across tasks would be annotated
 * twice, and a crash leaves whatever it wrote. When the pipeline looked for near-duplicates, the floor is told
 * which articles they were, and skips them as ingest dropped them: the two then annotate the same articles.
 */
public final class FloorJob {
  private FloorJob() {
  }

  /** What the child JVM prints: its {@link ChildJvm#runLine} with the number of mentions written. */
  static final String RUN_LINE = "floor-run";

  /**
   * Reads, annotates and writes the mentions of {@code corpus}'s files to {@code out}, but for the articles of
   * {@code skipped} (doc ids); returns how many.
   */
  static long annotateToMentions(SparkSession spark, CorpusSpec corpus, ConfigBundle config, Path out,
      Set<String> skipped) {
    List<InputFile> files = InputListing.list(List.of(corpus), spark.sparkContext().hadoopConfiguration());
    if (files.isEmpty()) {
      throw new InputException("no input files found in " + corpus.paths());
    }
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    Broadcast<ConfigBundle> bundle = spark.sparkContext().broadcast(config,
        scala.reflect.ClassTag$.MODULE$.apply(ConfigBundle.class));
    // counted as made, not by a query of the output that the floor's time would include (local mode: no retries)
    LongAccumulator mentions = spark.sparkContext().longAccumulator("floor mentions");
    try {
      JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
          .parallelize(files, Math.max(1, Math.min(files.size(), 64)))
          .mapPartitions(it -> mentionsOf(IngestJob.readFiles(it, conf), bundle.value(), skipped, mentions));
      spark.createDataFrame(rows, TableSchemas.MENTION).write().mode(SaveMode.Overwrite).parquet(out.toString());
      return mentions.value();
    } finally {
      bundle.destroy();
    }
  }

  /** The mention rows of a partition's records: articles in the order read, each text once. */
  private static Iterator<Row> mentionsOf(Iterator<Row> records, ConfigBundle config, Set<String> skipped,
      LongAccumulator mentions) {
    TextAnalyzer analyzer = new TextAnalyzer();
    DocumentAnnotator annotator = AnnotatorCache.annotator(config);
    Set<String> seen = new HashSet<>(skipped);
    return new Iterator<>() {
      private Iterator<Row> pending = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!pending.hasNext() && records.hasNext()) {
          Row record = records.next();
          if (!record.getString(0).equals("article")) {
            continue;
          }
          Article read = Rows.article(record.getStruct(1));
          if (!seen.add(read.docId())) {
            continue;
          }
          // every article is counted, as ingest counts them; the English ones are annotated
          Article article = IngestJob.counted(analyzer, read);
          if (!AnnotateJob.annotates(article.language())) {
            continue;
          }
          List<Row> out = new ArrayList<>();
          for (Mention m : annotator.annotate(article, article.sourceType()).mentions()) {
            out.add(Rows.mention(m));
          }
          mentions.add(out.size());
          pending = out.iterator();
        }
        return pending.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.next();
      }
    };
  }

  /**
   * One cold run in a new JVM started as this one was, against the same Spark master; its log goes to
   * {@code log}. Its one count is the mentions it wrote.
   */
  static ChildJvm.TimedRun coldRunInOwnJvm(String master, Path corpusDir, Path out, Path skippedIds, Path log) {
    return ChildJvm.timedRun(FloorJob.class.getName(), RUN_LINE, 1, master,
        List.of(corpusDir.toString(), out.toString(), skippedIds.toString()), log);
  }

  /**
   * The child JVM: {@code <corpus dir> <output dir> <file of doc ids to skip, one per line>}; prints its one
   * {@link #RUN_LINE}.
   */
  public static void main(String[] args) throws java.io.IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: FloorJob <corpus dir> <output dir> <doc ids to skip>");
    }
    Set<String> skipped = new HashSet<>(java.nio.file.Files.readAllLines(Path.of(args[2])));
    SparkSession spark = SparkSessions.create("nkwatch-bench-floor", Map.of());
    try {
      Benchmark.HeapWatch heap = Benchmark.HeapWatch.start();
      System.gc();
      heap.peakAndReset();
      Benchmark.Clock clock = Benchmark.Clock.start();
      long mentions = annotateToMentions(spark, Benchmark.corpusSpec(Path.of(args[0])), ConfigBundle.packaged(),
          Path.of(args[1]), skipped);
      Benchmark.Step step = clock.step("floor", 0, 0, heap.peakAndReset());
      heap.stop();
      System.out.println(ChildJvm.runLine(RUN_LINE, step, mentions));
      System.out.flush();
    } finally {
      spark.stop();
    }
  }
}
