package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.config.CorpusRegistry;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.model.Article;
import org.nkwatch.model.Reject;
import org.nkwatch.model.RejectReason;

/**
 * Reads every corpus of {@code conf/corpora.yaml} from the team's real data (never committed) and checks
 * the figures the data is known to give. The data root is the system property {@code nkwatch.dataRoot},
 * else the environment variable {@code NKWATCH_DATA_ROOT}, else {@code ../shared/data} beside the
 * project; without it the test is skipped.
 */
class RealCorporaIngestTest {
  private static Path root;
  private static String missing;
  private static final Map<String, CorpusRun> RUNS = new LinkedHashMap<>();

  @BeforeAll
  static void ingestEveryCorpus() throws IOException {
    String configured = System.getProperty("nkwatch.dataRoot", System.getenv(CorpusRegistry.DATA_ROOT_ENV));
    root = Path.of(configured != null && !configured.isBlank() ? configured : "../shared/data").toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      missing = "real corpora not found at " + root + ": set -Dnkwatch.dataRoot or " + CorpusRegistry.DATA_ROOT_ENV
          + " to the folder holding kcna-2011-2012/, kcna-2024/, ...; skipping";
      System.out.println(missing);
      return;
    }

    List<CorpusSpec> specs = CorpusRegistry.load(Path.of("conf/corpora.yaml"), root.toString());
    System.out.printf(Locale.ROOT, "%nReal corpora under %s%n", root);
    for (CorpusSpec spec : specs) {
      CorpusRun run = new CorpusRun(spec.name());
      long start = System.nanoTime();
      CorpusFileReader reader = new CorpusFileReader(spec);
      for (String pattern : spec.paths()) {
        for (Path file : expand(pattern)) {
          run.file = file.getFileName().toString();
          try (InputStream in = Files.newInputStream(file)) {
            reader.read(file.toString(), in, Files.size(file), run);
          }
        }
      }
      run.wallMillis = (System.nanoTime() - start) / 1_000_000;
      RUNS.put(spec.name(), run);
      System.out.println(run.summary());
    }
  }

  private static void assumeData() {
    assumeTrue(missing == null, missing);
  }

  @Test
  void kcna2011To2012() throws IOException {
    assumeData();
    CorpusRun kcna = RUNS.get("kcna-2011-2012");
    assertThat(kcna.records()).isEqualTo(24_776);
    assertThat(kcna.recordsByFile).containsEntry("KCNA_2011.csv", 13_907L).containsEntry("KCNA_2012.csv", 10_869L);
    // stories that are R's missing value "NA": 1,910 in 2011, 529 in 2012; every row has the header's
    // 5 fields (quoted commas are no extra fields), so none is wrong_field_count
    assertThat(kcna.rejectsByReason).containsExactly(Map.entry(RejectReason.NO_TEXT, 2_439L));
    assertThat(kcna.articles).isEqualTo(22_337);
    assertThat(kcna.undated).isZero();

    // the file's own language column says 734 Spanish rows in 2011 (9 of them "NA") ...
    assertThat(labelledLanguages(root.resolve("kcna-2011-2012/KCNA_2011.csv")))
        .containsEntry("es", 734L).containsEntry("en", 13_173L);
    // ... but 835 more rows labelled "en" are Spanish: detection overrules the label
    Map<String, Long> languages2011 = kcna.languagesByFile.get("KCNA_2011.csv");
    assertThat(languages2011.get("es")).isBetween(1_540L, 1_560L);
    assertThat(languages2011.get("en")).isBetween(10_430L, 10_460L);
    assertThat(kcna.languagesByFile.get("KCNA_2012.csv").get("es")).isBetween(1_300L, 1_310L);
    // short Spanish stories of titles and names the model alone took for English or Esperanto
    assertThat(kcna.languages).containsOnlyKeys("en", "es");
  }

  @Test
  void kcna2024() {
    assumeData();
    CorpusRun kcna = RUNS.get("kcna-2024");
    assertThat(kcna.records()).isEqualTo(2_111);
    assertThat(kcna.rejectsByReason).containsExactly(Map.entry(RejectReason.NO_TEXT, 249L));
    assertThat(kcna.articles).isEqualTo(1_862);
    assertThat(kcna.undated).as("epoch-millisecond dates").isZero();
    assertThat(kcna.languages).containsOnlyKeys("en");
  }

  @Test
  void rodong() {
    assumeData();
    CorpusRun rodong = RUNS.get("rodong-2021-2022");
    assertThat(rodong.records()).isEqualTo(134);
    assertThat(rodong.rejectsByReason).containsExactly(Map.entry(RejectReason.NO_TEXT, 1L));
    assertThat(rodong.undated).as("dates from the newsID of the URLs").isZero();
    assertThat(rodong.firstDate).isAfterOrEqualTo(LocalDate.of(2021, 6, 1));
    assertThat(rodong.lastDate).isBefore(LocalDate.of(2022, 11, 1));
  }

  @Test
  void yonhapSeed() throws IOException {
    assumeData();
    CorpusRun seed = RUNS.get("yonhap-seed");
    assertThat(seed.records()).isEqualTo(1);
    Article a = seed.kept.get(0);
    assertThat(a.published()).isEqualTo(LocalDate.of(2022, 3, 29));
    assertThat(a.byline()).contains("Yonhap");
    assertThat(a.title()).isNotBlank();
    assertThat(a.publisher()).isEqualTo("Yonhap");
    String caption = repeatedLine(Path.of(seed.locators.get(0)));
    assertThat(count(a.text(), TextNormalizer.normalizeLine(caption))).as("the caption printed twice, kept once")
        .isEqualTo(1);
    assertThat(a.text()).doesNotContain("Back To Top").doesNotContain("Published :");
  }

  @Test
  void dailyNkSeed() {
    assumeData();
    CorpusRun seed = RUNS.get("dailynk-seed");
    assertThat(seed.records()).isEqualTo(1);
    Article a = seed.kept.get(0);
    assertThat(a.published()).isNull();
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.text()).doesNotContain("\u2019", "\u201C").doesNotEndWith("\n");
  }

  @Test
  void everyArticleHasAContentHashId() {
    assumeData();
    for (CorpusRun run : RUNS.values()) {
      assertThat(run.badIds).as(run.name).isZero();
    }
  }

  /** Counts what one corpus yields; keeps the articles only of one-file corpora. */
  static final class CorpusRun implements IngestSink {
    final String name;
    String file;
    long articles;
    long undated;
    long badIds;
    long wallMillis;
    LocalDate firstDate;
    LocalDate lastDate;
    final Map<RejectReason, Long> rejectsByReason = new TreeMap<>();
    final Map<String, Long> languages = new TreeMap<>();
    final Map<String, Long> recordsByFile = new TreeMap<>();
    final Map<String, Map<String, Long>> languagesByFile = new TreeMap<>();
    final List<Article> kept = new ArrayList<>();
    final List<String> locators = new ArrayList<>();

    CorpusRun(String name) {
      this.name = name;
    }

    @Override
    public void article(Article a) {
      articles++;
      recordsByFile.merge(file, 1L, Long::sum);
      String language = String.valueOf(a.language());
      languages.merge(language, 1L, Long::sum);
      languagesByFile.computeIfAbsent(file, f -> new TreeMap<>()).merge(language, 1L, Long::sum);
      if (a.published() == null) {
        undated++;
      } else {
        firstDate = firstDate == null || a.published().isBefore(firstDate) ? a.published() : firstDate;
        lastDate = lastDate == null || a.published().isAfter(lastDate) ? a.published() : lastDate;
      }
      if (!a.docId().matches("[0-9a-f]{16}") || !a.docId().equals(DocIds.contentHash(a.text()))) {
        badIds++;
      }
      if (kept.size() < 5) {
        kept.add(a);
        locators.add(a.locator());
      }
    }

    @Override
    public void reject(Reject r) {
      recordsByFile.merge(file, 1L, Long::sum);
      rejectsByReason.merge(r.reason(), 1L, Long::sum);
    }

    long records() {
      return articles + rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    String summary() {
      String byFile = languagesByFile.size() > 1 ? "; by file " + languagesByFile : "";
      return String.format(Locale.ROOT, "  %-17s %6d records = %6d articles + rejects %s; languages %s%s; undated %d;"
          + " %.1f s", name, records(), articles, rejectsByReason, languages, byFile, undated, wallMillis / 1000.0);
    }
  }

  /** Files matching a path or glob (the Spark side lets Hadoop do this). */
  static List<Path> expand(String pattern) throws IOException {
    Path path = Path.of(pattern);
    Path base = path.getRoot() == null ? Path.of("") : path.getRoot();
    for (Path part : path) {
      if (part.toString().matches(".*[*?\\[{].*")) {
        break;
      }
      base = base.resolve(part);
    }
    if (base.equals(path)) {
      if (Files.isRegularFile(path)) {
        return List.of(path);
      }
      pattern = pattern.replaceAll("/+$", "") + "/**";
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (Stream<Path> files = Files.walk(base)) {
      return files.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
    }
  }

  private static Map<String, Long> labelledLanguages(Path csv) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      for (CSVRecord row : parser) {
        counts.merge(row.get("language"), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The first long line the file repeats on the next line (the caption of the seed). */
  private static String repeatedLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).length() > 80 && lines.get(i).equals(lines.get(i - 1))) {
          return lines.get(i);
        }
      }
      throw new AssertionError("no repeated line in " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
