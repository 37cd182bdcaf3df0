package org.nkwatch.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.nkwatch.classify.Annotation;
import org.nkwatch.classify.DocumentAnnotator;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.Tsv;
import org.nkwatch.model.Article;
import org.nkwatch.nlp.Gazetteer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The annotator on real KCNA 2012 articles with the packaged gazetteer and with one grown 10 and 100 times
 * by made-up people: matching names walks a trie, so its time should not grow with the gazetteer. The
 * made-up names begin as real ones do ("Kim Jong", "Central", "Pyongyang") and end in a word no article
 * has, so every lookup at those words goes down into the grown part of the trie, and no made-up name is
 * ever matched: the setup checks that the annotations are the packaged gazetteer's.
 *
 * <p>Run with {@code mvn -B -Pjmh test-compile} (with {@link AnnotatorBenchmark}); it prints documents per
 * second for each size against the packaged gazetteer's.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GazetteerSizeBenchmark {
  /** Articles whose annotations are compared with the packaged gazetteer's before measuring. */
  static final int CHECKED = 300;

  @State(Scope.Benchmark)
  public static class Annotating {
    /** The gazetteer's size as a multiple of the packaged one's. */
    @Param({"1", "10", "100"})
    int growth;

    List<Article> articles;
    DocumentAnnotator annotator;
    int next;

    @Setup
    public void build() throws IOException {
      articles = AnnotatorBenchmark.kcna2012English(AnnotatorBenchmark.ARTICLES);
      ConfigBundle packaged = ConfigBundle.packaged();
      DocumentAnnotator.Resources resources = DocumentAnnotator.Resources.of(grown(packaged, growth));
      System.out.printf(Locale.ROOT, "gazetteer of %d entries%n", resources.gazetteer().size());
      annotator = new DocumentAnnotator(resources.gazetteer(), resources.taxonomy());
      DocumentAnnotator.Resources plain = DocumentAnnotator.Resources.of(packaged);
      DocumentAnnotator reference = new DocumentAnnotator(plain.gazetteer(), plain.taxonomy());
      for (Article article : articles.subList(0, CHECKED)) {
        Annotation expected = reference.annotate(article, "state_media");
        Annotation got = annotator.annotate(article, "state_media");
        if (!expected.mentions().equals(got.mentions()) || !expected.events().equals(got.events())) {
          throw new IllegalStateException("the grown gazetteer annotates " + article.docId() + " differently: "
              + "the benchmark would not measure matching alone");
        }
      }
    }
  }

  @Benchmark
  public Annotation annotateOneDocument(Annotating state) {
    Article article = state.articles.get(state.next);
    state.next = (state.next + 1) % state.articles.size();
    return state.annotator.annotate(article, "state_media");
  }

  /**
   * The packaged configuration with {@code (growth - 1)} times as many made-up people as the gazetteer has
   * entries, each the first one or two words of a real name or alias and then a made-up word.
   */
  static ConfigBundle grown(ConfigBundle packaged, int growth) {
    Set<String> starts = new LinkedHashSet<>();
    int packagedEntries = 0;
    for (String file : List.of(ConfigBundle.PEOPLE, ConfigBundle.ORGANIZATIONS, ConfigBundle.PLACES)) {
      for (Tsv.Row row : Tsv.parse(file, packaged.text(file), List.of("key", "name"), Gazetteer.ENTRY_COLUMNS)) {
        packagedEntries++;
        List<String> forms = new ArrayList<>(row.list("aliases"));
        forms.add(row.required("name"));
        for (String form : forms) {
          String[] words = form.split(" ");
          starts.add(words[0]);
          if (words.length > 2) {
            starts.add(words[0] + " " + words[1]);
          }
        }
      }
    }
    List<String> prefixes = new ArrayList<>(starts);
    StringBuilder people = new StringBuilder(packaged.text(ConfigBundle.PEOPLE));
    if (people.charAt(people.length() - 1) != '\n') {
      people.append('\n');
    }
    int madeUp = (growth - 1) * packagedEntries;
    for (int i = 0; i < madeUp; i++) {
      String name = prefixes.get(i % prefixes.size()) + " " + madeUpWord(i);
      people.append("made-up-").append(i).append('\t').append(name).append("\t\t\t\t\n");
    }
    return ConfigBundle.of(Map.of(ConfigBundle.PEOPLE, people.toString()));
  }

  /** A capitalised word no article has: "Qx" and then the number in letters. */
  static String madeUpWord(int i) {
    StringBuilder word = new StringBuilder("Qx");
    int n = i;
    do {
      word.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return word.toString();
  }

  /** Runs each size on one thread and prints documents per second against the packaged gazetteer's. */
  public static void main(String[] args) throws RunnerException {
    Map<Integer, RunResult> bySize = new TreeMap<>();
    for (RunResult result : new Runner(new OptionsBuilder().include(GazetteerSizeBenchmark.class.getSimpleName())
        .threads(1).build()).run()) {
      bySize.put(Integer.parseInt(result.getParams().getParam("growth")), result);
    }
    double packaged = bySize.get(1).getPrimaryResult().getScore();
    System.out.println();
    System.out.println("Annotator against the gazetteer's size (JMH, one thread, KCNA 2012, "
        + AnnotatorBenchmark.ARTICLES + " articles):");
    bySize.forEach((growth, result) -> System.out.println(String.format(Locale.ROOT,
        "  %3dx the packaged gazetteer: %.1f documents/s (%.2f of the packaged gazetteer's)", growth,
        result.getPrimaryResult().getScore(), result.getPrimaryResult().getScore() / packaged)));
  }
}
