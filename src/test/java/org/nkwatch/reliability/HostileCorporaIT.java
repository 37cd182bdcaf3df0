package org.nkwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nkwatch.cli.Main;
import org.nkwatch.model.RejectReason;
import org.nkwatch.testing.Duck;

/**
 * The hostile corpora ({@link HostileCorpus}, with its 100 MB file, written once for the class) through
 * {@code ingest}, {@code annotate} and {@code aggregate} as a user runs them, through {@link Main#run} in
 * local[2], in the heap failsafe gives (-Xmx3g). The job must finish, every record must be accounted for
 * per corpus (in the log and in the tables), every reject must carry the reason the generator expects, and
 * each file must give exactly the articles and duplicates it owes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileCorporaIT {
  /** Big enough to hurt if anything holds a file or a partition's output whole. */
  static final long BIG_FILE_BYTES = 100L * 1024 * 1024;

  private static Path root;
  private static Path corpora;
  private static Path out;
  private static List<HostileCorpus.FileCase> cases;
  private static final Map<String, String> LOGS = new LinkedHashMap<>();
  private static final Map<String, Integer> CODES = new LinkedHashMap<>();
  private static final Map<String, Double> SECONDS = new LinkedHashMap<>();
  private static long peakHeapMb;

  @BeforeAll
  static void generateAndRun() throws Exception {
    root = Files.createTempDirectory("nkwatch-hostile");
    corpora = root.resolve("corpora");
    out = root.resolve("out");
    long started = System.nanoTime();
    cases = new ArrayList<>(HostileCorpus.write(corpora));
    cases.addAll(HostileCorpus.writeBulk(corpora, BIG_FILE_BYTES));
    SECONDS.put("generate", (System.nanoTime() - started) / 1e9);

    List<String> ingest = new ArrayList<>(List.of("ingest", "--output", out.toString()));
    try (Stream<Path> dirs = Files.list(corpora)) {
      for (Path dir : dirs.sorted().toList()) {
        ingest.add("--input");
        ingest.add(dir.toString());
      }
    }
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    run("ingest", ingest);
    run("annotate", List.of("annotate", "--output", out.toString()));
    run("aggregate", List.of("aggregate", "--output", out.toString()));
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    peakHeapMb = peak >> 20;
    System.out.printf("hostile corpora: %s s, peak heap (sum of pool peaks) %d MB of %d MB%n", SECONDS, peakHeapMb,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static void run(String step, List<String> args) {
    List<String> all = new ArrayList<>(args);
    // the small test gazetteer and taxonomy, so that the test does not move when conf/ grows
    String fixtureConf = Path.of("src/test/resources/org/nkwatch/fixture-conf").toAbsolutePath().toString();
    all.addAll(List.of("--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf-dir", fixtureConf));
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    long started = System.nanoTime();
    int code;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      code = Main.run(System.out, new PrintStream(stderr, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
    } finally {
      System.setOut(previous);
    }
    SECONDS.put(step, (System.nanoTime() - started) / 1e9);
    String log = stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8);
    System.out.println(log);
    LOGS.put(step, log);
    CODES.put(step, code);
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (root != null && Files.exists(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Test
  @Order(1)
  void everyStepFinishes() {
    assertThat(CODES).as("exit codes; logs:%n%s", LOGS).containsExactly(Map.entry("ingest", 0),
        Map.entry("annotate", 0), Map.entry("aggregate", 0));
  }

  @Test
  @Order(2)
  void theAccountOfEveryCorpusAddsUpToWhatTheGeneratorWrote() {
    Map<String, long[]> expected = new TreeMap<>();
    for (HostileCorpus.FileCase c : cases) {
      long[] e = expected.computeIfAbsent(c.corpus(), k -> new long[4]);
      e[0] += c.records();
      e[1] += c.articles();
      e[2] += c.duplicates();
      e[3] += c.rejects().size();
    }
    String log = LOGS.get("ingest");
    expected.forEach((corpus, e) -> assertThat(log).as("account of %s", corpus).contains(String.format(
        "%s: %d records read = %d articles + %d duplicates + %d rejects", corpus, e[0], e[1], e[2], e[3])));
    assertThat(log).doesNotContain("DOES NOT ADD UP");
  }

  @Test
  @Order(3)
  void everyFileGivesItsArticlesDuplicatesAndRejectsWithTheirReasons() throws Exception {
    Map<HostileCorpus.FileCase, List<String>> reasons = new HashMap<>();
    Map<HostileCorpus.FileCase, Integer> articles = new HashMap<>();
    Map<HostileCorpus.FileCase, Integer> duplicates = new HashMap<>();
    try (Duck duck = new Duck(out)) {
      for (List<Object> row : duck.rows("SELECT locator, reason FROM " + duck.table("rejects"))) {
        reasons.computeIfAbsent(caseOf(row.get(0).toString()), k -> new ArrayList<>()).add(row.get(1).toString());
      }
      for (String locator : duck.strings("SELECT locator FROM " + duck.table("articles"))) {
        articles.merge(caseOf(locator), 1, Integer::sum);
      }
      for (String locator : duck.strings("SELECT locator FROM " + duck.table("duplicates"))) {
        duplicates.merge(caseOf(locator), 1, Integer::sum);
      }
    }
    SoftAssertions soft = new SoftAssertions();
    for (HostileCorpus.FileCase c : cases) {
      String name = c.corpus() + "/" + c.file().getFileName() + " (" + c.what() + ")";
      soft.assertThat(reasons.getOrDefault(c, List.of())).as("%s: reject reasons", name)
          .containsExactlyInAnyOrderElementsOf(c.rejects().stream().map(RejectReason::key).toList());
      if (c.corpus().equals("names")) {
        // which copy of a story is the article and which the duplicate is settled by locator order
        soft.assertThat(articles.getOrDefault(c, 0) + duplicates.getOrDefault(c, 0)).as("%s: records kept", name)
            .isEqualTo(c.articles() + c.duplicates());
      } else {
        soft.assertThat(articles.getOrDefault(c, 0)).as("%s: articles", name).isEqualTo(c.articles());
        soft.assertThat(duplicates.getOrDefault(c, 0)).as("%s: duplicates", name).isEqualTo(c.duplicates());
      }
    }
    soft.assertAll();
  }

  @Test
  @Order(4)
  void articleTextIsCleanAndTheTablesReadOutsideSpark() throws Exception {
    try (Duck duck = new Duck(out)) {
      String articles = duck.table("articles");
      assertThat(duck.count("SELECT count(*) FROM " + articles + " WHERE text LIKE '%SCRIPTTEXT%'")).isZero();
      assertThat(duck.count("SELECT count(*) FROM " + articles + " WHERE regexp_matches(text, '[\\x00-\\x08\\x0B\\x0C"
          + "\\x0E-\\x1F\\x7F\\x{200B}\\x{200D}\\x{FEFF}\\x{202E}]')")).isZero();
      assertThat(duck.count("SELECT count(*) FROM " + articles + " WHERE language = 'ko'")).isGreaterThanOrEqualTo(5);
      assertThat(duck.count("SELECT max(length(text)) FROM " + articles)).isBetween(290_000L, 2_000_000L);
      assertThat(duck.count("SELECT count(*) FROM " + articles + " WHERE published > DATE '2100-12-31' "
          + "OR published < DATE '1900-01-01'")).isZero();
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("mentions") + " WHERE key = 'kim-jong-un'"))
          .isGreaterThan(100);
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("counts") + " WHERE grain = 'all'")).isPositive();
    }
  }

  @Test
  @Order(5)
  void memoryStaysWithinTheHeap() {
    // the test JVM survived a 100 MB file with -Xmx3g; the figure is printed for the record
    assertThat(peakHeapMb).isLessThan(Runtime.getRuntime().maxMemory() >> 20);
  }

  /** The file a locator belongs to: its own path, or its path and a record locator after '#'. */
  private static HostileCorpus.FileCase caseOf(String locator) {
    HostileCorpus.FileCase best = null;
    for (HostileCorpus.FileCase c : cases) {
      String prefix = c.locator();
      if ((locator.equals(prefix) || locator.startsWith(prefix + "#"))
          && (best == null || prefix.length() > best.locator().length())) {
        best = c;
      }
    }
    assertThat(best).as("no generated file for locator %s", locator).isNotNull();
    return best;
  }
}
