package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.testing.Duck;

/**
 * The benchmark in local[2] on the project's own KCNA-shaped fixture, twice over: every step is timed and
 * printed, the copies are distinct articles, the baseline runs cold three times, each in a JVM of its own, and
 * the ratio is the pipeline's time over the baseline's median run; the floor, asked for, runs cold three times
 * too and writes the pipeline's mentions. Asked to look for near-duplicates, as {@code nkwatch run} does, ingest
 * finds the second copy of the fixture's one long story a near-duplicate of the first, and the floor skips it too.
 */
class BenchmarkIT {
  @Test
  void timesEveryStepAndTheBaselineOnTwoDistinctCopies(@TempDir Path dir) throws Exception {
    Path kcna = fixtureCorpus(dir.resolve("kcna"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SparkSession spark = SparkSessions.create("benchmark-it", java.util.Map.of("spark.master", "local[2]"));
    List<Benchmark.Step> steps;
    int keptAfterThePipeline;
    try {
      steps = Benchmark.run(spark, kcna, 2, dir.resolve("work"), ConfigBundle.packaged(), true, true,
          new PrintStream(printed, true, StandardCharsets.UTF_8));
      // ingest and annotate keep their rows on disk between their queries (DiskRows), and delete them
      keptAfterThePipeline = spark.sparkContext().getPersistentRDDs().size();
    } finally {
      spark.stop();
    }

    assertThat(keptAfterThePipeline).as("datasets still kept after the pipeline").isZero();
    assertThat(steps).extracting(Benchmark.Step::name)
        .containsExactly("ingest", "annotate", "aggregate", "report", "pipeline", "baseline", "floor");
    Benchmark.Step pipeline = steps.get(4);
    assertThat(pipeline.seconds()).isEqualTo(steps.subList(0, 4).stream().mapToDouble(Benchmark.Step::seconds).sum());
    for (Benchmark.Step s : steps) {
      assertThat(s.seconds()).as(s.name()).isPositive();
      assertThat(s.cpuSeconds()).as(s.name()).isPositive();
      assertThat(s.peakHeapBytes()).as(s.name()).isPositive();
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("duplicates: exact and near, as nkwatch run looks for them");
    for (Benchmark.Step s : steps) {
      assertThat(out).containsPattern("(?m)^" + s.name() + " +[0-9.]+ s +[0-9.]+ s CPU +[0-9]+ docs/s +[0-9.]+ MB/s +[0-9]+ MB peak heap$");
    }
    // the JVM the figures come from, as this JVM's own management beans name its collectors
    String collectors = String.join(", ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    assertThat(collectors).isNotEmpty();
    assertThat(out).containsPattern("(?m)^jvm: Java " + java.util.regex.Pattern.quote(Runtime.version().toString())
        + ", compiled up to tier [0-4] \\(C1 (only|and C2)\\), collectors " + java.util.regex.Pattern.quote(collectors)
        + ", max heap [0-9]+ MB, " + Runtime.getRuntime().availableProcessors() + " cores$");
    Benchmark.Step baseline = steps.get(5);
    // the baseline's three cold runs, each in a JVM of its own, are printed, and its run after the pipeline in
    // the pipeline's JVM; the one in the table, and in the ratio, is the median cold run
    java.util.regex.Matcher runs = java.util.regex.Pattern.compile("baseline runs, each cold in a JVM of its own: "
        + "([0-9.]+) s, ([0-9.]+) s, ([0-9.]+) s \\(the median above\\); after the pipeline in its JVM: ([0-9.]+) s")
        .matcher(out);
    assertThat(runs.find()).as(out).isTrue();
    List<Double> walls = medianInTableOfColdRuns(runs, baseline, dir.resolve("work"), "baseline",
        Benchmark.COLD_BASELINE_RUNS);
    double afterPipeline = Double.parseDouble(runs.group(4));
    assertThat(afterPipeline).isPositive();
    assertThat(out).contains(String.format(java.util.Locale.ROOT, "ratio pipeline / baseline = %.2f (with the "
        + "baseline's quickest and slowest cold runs: ", pipeline.seconds() / baseline.seconds()));
    java.util.regex.Matcher ratios = java.util.regex.Pattern.compile("quickest and slowest cold runs: ([0-9.]+) and "
        + "([0-9.]+); with its run after the pipeline: ([0-9.]+)\\)").matcher(out);
    assertThat(ratios.find()).as(out).isTrue();
    // the runs are printed to a tenth of a second
    assertRatio(ratios.group(1), pipeline.seconds(), walls.get(0));
    assertRatio(ratios.group(2), pipeline.seconds(), walls.get(2));
    assertRatio(ratios.group(3), pipeline.seconds(), afterPipeline);
    // where the time went: each step's queries, named after it, summed; a step's queries (run one after
    // another in ingest, annotate and aggregate) fit in its wall time; then the longest, by name
    for (Benchmark.Step s : steps.subList(0, 4)) {
      java.util.regex.Matcher perStep = java.util.regex.Pattern.compile("(?m)^  " + s.name()
          + " +([0-9]+) queries +([0-9.]+) s$").matcher(out);
      assertThat(perStep.find()).as(s.name() + " in%n%s", out).isTrue();
      assertThat(Integer.parseInt(perStep.group(1))).as(s.name()).isPositive();
      if (!s.name().equals("report")) {
        assertThat(Double.parseDouble(perStep.group(2))).as(s.name()).isLessThanOrEqualTo(s.seconds() + 0.05);
      }
    }
    assertThat(out).doesNotContainPattern("(?m)^  other +[0-9]+ queries");

    // the floor ran cold three times, each in a JVM of its own; the table's floor is their median, and it
    // wrote the pipeline's mentions
    Benchmark.Step floor = steps.get(6);
    java.util.regex.Matcher floorRuns = java.util.regex.Pattern.compile("floor runs \\(read the files, annotate, "
        + "write the mentions: one query, no other table\\), each cold in a JVM of its own: ([0-9.]+) s, ([0-9.]+) s, "
        + "([0-9.]+) s \\(the median above\\); ([0-9]+) mentions each, as many as the pipeline's").matcher(out);
    assertThat(floorRuns.find()).as(out).isTrue();
    medianInTableOfColdRuns(floorRuns, floor, dir.resolve("work"), "floor", Benchmark.FLOOR_RUNS);
    java.util.regex.Matcher floorRatio = java.util.regex.Pattern.compile("ratio floor / baseline = ([0-9.]+): .*; "
        + "pipeline / floor = ([0-9.]+)").matcher(out);
    assertThat(floorRatio.find()).as(out).isTrue();
    assertThat(Double.parseDouble(floorRatio.group(1))).isCloseTo(floor.seconds() / baseline.seconds(),
        org.assertj.core.data.Offset.offset(0.006));
    assertThat(Double.parseDouble(floorRatio.group(2))).isCloseTo(pipeline.seconds() / floor.seconds(),
        org.assertj.core.data.Offset.offset(0.006));
    long floorMentions = Long.parseLong(floorRuns.group(4));
    String longest = out.substring(out.indexOf("the longest queries:\n"));
    assertThat(longest.lines().skip(1).limit(Benchmark.LONGEST_QUERIES_SHOWN).toList())
        .hasSize(Benchmark.LONGEST_QUERIES_SHOWN)
        .allSatisfy(line -> assertThat(line).matches(" +[0-9.]+ s  (ingest|annotate|aggregate|report)(: .+)?"));
    assertThat(longest).contains("s  annotate: write mentions");

    // both wrote the same word counts: the baseline's own JVM, and its run after the pipeline
    try (Duck duck = new Duck(dir.resolve("work"))) {
      String own = "read_parquet('" + dir.resolve("work/baseline-own-jvm") + "/*.parquet')";
      String after = "read_parquet('" + dir.resolve("work/baseline") + "/*.parquet')";
      assertThat(duck.count("SELECT count(*) FROM " + own)).isGreaterThan(100);
      assertThat(duck.count("SELECT count(*) FROM (SELECT word, count FROM " + own + " EXCEPT SELECT word, count FROM "
          + after + ")")).isZero();
      assertThat(duck.count("SELECT sum(count) FROM " + own)).isEqualTo(duck.count("SELECT sum(count) FROM " + after));
    }

    // the floor's mentions are the pipeline's: the same articles annotated, the same places in them
    try (Duck duck = new Duck(dir.resolve("work/out"))) {
      String mentions = duck.table("mentions");
      String floorOut = "read_parquet('" + dir.resolve("work/floor-own-jvm") + "/*.parquet')";
      String place = "doc_id, kind, key, sentence_index, char_start, char_end";
      assertThat(duck.count("SELECT count(*) FROM " + mentions)).isEqualTo(floorMentions).isPositive();
      assertThat(duck.count("SELECT count(*) FROM " + floorOut)).isEqualTo(floorMentions);
      assertThat(duck.count("SELECT count(*) FROM (SELECT " + place + " FROM " + mentions + " EXCEPT SELECT " + place
          + " FROM " + floorOut + ")")).isZero();
      assertThat(duck.count("SELECT count(*) FROM (SELECT " + place + " FROM " + floorOut + " EXCEPT SELECT " + place
          + " FROM " + mentions + ")")).isZero();
    }

    // the second copy's stories carry a marker, so they are articles of their own, not exact duplicates of the
    // first's; the one story long enough to be judged (40 words or more) is a near-duplicate of its first copy
    try (Duck duck = new Duck(dir.resolve("work/out"))) {
      String articles = duck.table("articles");
      String duplicates = duck.table("duplicates");
      long first = duck.count("SELECT count(*) FROM " + articles + " WHERE locator LIKE '%copy0-%'");
      long second = duck.count("SELECT count(*) FROM " + articles + " WHERE locator LIKE '%copy1-%'");
      long near = duck.count("SELECT count(*) FROM " + duplicates + " d JOIN " + articles + " a ON a.doc_id = "
          + "d.duplicate_of WHERE d.kind = 'near' AND d.locator LIKE '%copy1-%' AND a.locator LIKE '%copy0-%'");
      assertThat(near).isEqualTo(1);
      assertThat(duck.count("SELECT count(*) FROM " + duplicates)).isEqualTo(near);
      assertThat(first).isPositive().isEqualTo(second + near);
      assertThat(steps.get(0).documents()).isEqualTo(first + second);
      assertThat(duck.count("SELECT count(*) FROM " + articles
          + " WHERE locator LIKE '%copy1-%' AND NOT starts_with(text, 'Bench copy 1.')")).isZero();
    }
    assertThat(Files.readAllLines(dir.resolve("work/near-duplicates.txt"))).hasSize(1);
  }

  /** The project's own KCNA-shaped fixture as the one CSV of a benchmark corpus folder {@code kcna}. */
  static Path fixtureCorpus(Path kcna) throws java.io.IOException {
    Files.createDirectories(kcna);
    try (InputStream in = BenchmarkIT.class.getResourceAsStream("/org/nkwatch/corpus/state-media.csv")) {
      Files.copy(in, kcna.resolve("KCNA_fixture.csv"));
    }
    return kcna;
  }

  /**
   * The three cold runs a matched line printed (its first three groups), sorted: the table's row is their
   * median, and each run's JVM wrote its log ({@code <name>-jvm-<run>.log}), so each was in a JVM of its own.
   */
  private static List<Double> medianInTableOfColdRuns(java.util.regex.Matcher printed, Benchmark.Step inTable,
      Path work, String name, int runs) {
    List<Double> walls = new java.util.ArrayList<>();
    for (int group = 1; group <= 3; group++) {
      walls.add(Double.parseDouble(printed.group(group)));
    }
    java.util.Collections.sort(walls);
    assertThat(String.format(java.util.Locale.ROOT, "%.1f", inTable.seconds()))
        .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", walls.get(1)));
    for (int run = 1; run <= runs; run++) {
      assertThat(work.resolve(name + "-jvm-" + run + ".log")).exists();
    }
    return walls;
  }

  /** A printed ratio agrees with the pipeline's time over a run printed to a tenth of a second. */
  private static void assertRatio(String printed, double pipelineSeconds, double printedRunSeconds) {
    assertThat(Double.parseDouble(printed)).isBetween(pipelineSeconds / (printedRunSeconds + 0.05) - 0.01,
        pipelineSeconds / Math.max(printedRunSeconds - 0.05, 0.001) + 0.01);
  }
}
