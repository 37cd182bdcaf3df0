package org.nkwatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.nkwatch.classify.DocumentAnnotator;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.CorpusRegistry;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.corpus.CorpusFileReader;
import org.nkwatch.corpus.IngestSink;
import org.nkwatch.model.Article;
import org.nkwatch.model.Reject;
import org.nkwatch.testing.RealData;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The per-document annotator (sentences, tokens, entities, themes, sanctions) on real KCNA 2012 articles, one
 * document per operation, one annotator per thread as in a Spark task. The score is documents per second
 * per thread; the auxiliary counter {@code utf8Bytes} gives bytes of article text per second.
 *
 * <p>Run with {@code mvn -B -Pjmh test-compile} (see the README's performance section); the corpus root is
 * found as the tests find it ({@link RealData}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class AnnotatorBenchmark {
  /** Articles taken from the corpus: enough that the cycle through them is not in a CPU cache. */
  static final int ARTICLES = 2000;

  /** The articles, read once per fork. */
  @State(Scope.Benchmark)
  public static class Corpus {
    List<Article> articles;
    ConfigBundle config;
    DocumentAnnotator.Resources resources;

    @Setup
    public void read() throws IOException {
      articles = kcna2012English(ARTICLES);
      config = ConfigBundle.packaged();
      resources = DocumentAnnotator.Resources.of(config);
    }
  }

  /** Each thread its own annotator (they are not thread-safe) and its own place in the corpus. */
  @State(Scope.Thread)
  public static class Annotator {
    DocumentAnnotator annotator;
    int next;

    @Setup
    public void create(Corpus corpus) {
      annotator = new DocumentAnnotator(corpus.resources.gazetteer(), corpus.resources.taxonomy());
    }
  }

  /** Bytes of UTF-8 text annotated, reported by JMH as a rate next to the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Volume {
    public long utf8Bytes;

    @Setup(Level.Iteration)
    public void reset() {
      utf8Bytes = 0;
    }
  }

  @Benchmark
  public void annotateOneDocument(Corpus corpus, Annotator state, Volume volume, Blackhole sink) {
    Article article = corpus.articles.get(state.next);
    state.next = (state.next + 1) % corpus.articles.size();
    sink.consume(state.annotator.annotate(article, "state_media"));
    volume.utf8Bytes += article.text().getBytes(StandardCharsets.UTF_8).length;
  }

  /** The first {@code limit} English articles of KCNA 2012, read as ingest reads them, from the real corpora. */
  static List<Article> kcna2012English(int limit) throws IOException {
    Path root = RealData.root().orElseThrow(() -> new IllegalStateException(RealData.missingMessage()));
    CorpusSpec spec = CorpusRegistry.load(Path.of("conf/corpora.yaml"), root.toString()).stream()
        .filter(c -> c.name().equals("kcna-2011-2012")).findFirst().orElseThrow();
    return firstEnglish(spec, root.resolve("kcna-2011-2012/KCNA_2012.csv"), limit);
  }

  private static List<Article> firstEnglish(CorpusSpec spec, Path file, int limit) throws IOException {
    List<Article> found = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      new CorpusFileReader(spec).read(file.toString(), in, Files.size(file), new IngestSink() {
        @Override
        public void article(Article article) {
          if (found.size() < limit && "en".equals(article.language())) {
            found.add(article);
          }
        }

        @Override
        public void reject(Reject reject) {
          // rejected records are not annotated
        }
      });
    }
    return found;
  }

  /** Runs the benchmark with 1 thread and then 2, and prints documents and MB per second per thread. */
  public static void main(String[] args) throws RunnerException {
    List<String> lines = new ArrayList<>();
    for (int threads : new int[] {1, 2}) {
      Options options = new OptionsBuilder().include(AnnotatorBenchmark.class.getSimpleName()).threads(threads).build();
      for (RunResult result : new Runner(options).run()) {
        double docs = result.getPrimaryResult().getScore();
        double bytes = result.getSecondaryResults().get("utf8Bytes").getScore();
        lines.add(String.format(Locale.ROOT, "threads %d: %.1f documents/s per thread, %.2f MB/s per thread (%.2f MB/s in all)",
            threads, docs / threads, bytes / threads / 1e6, bytes / 1e6));
      }
    }
    System.out.println();
    System.out.println("Annotator (JMH, KCNA 2012, " + ARTICLES + " articles):");
    lines.forEach(l -> System.out.println("  " + l));
  }
}
