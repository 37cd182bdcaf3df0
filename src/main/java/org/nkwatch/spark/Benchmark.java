package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.config.FieldMapping;
import org.nkwatch.model.Duplicate;

/**
 * The benchmark: the pipeline over the KCNA 2011-2012 corpus (replicated {@code scale} times with
 * distinct texts), step by step, against a baseline Spark job over the same files ({@link BaselineJob}) run
 * cold three times, each in a new JVM of its own: the median is the one compared with ({@link BaselineRuns}).
 */
public final class Benchmark {
  private Benchmark() {
  }

  /** The pipeline's longest queries listed after its table. */
  static final int LONGEST_QUERIES_SHOWN = 8;
  /** How long to wait for Spark's listener bus to deliver the ends of the pipeline's last queries. */
  private static final long QUERY_ENDS_TIMEOUT_MILLIS = 5_000;

  /** Cold runs of the baseline, each in a new JVM of its own: their median is compared with the pipeline. */
  static final int COLD_BASELINE_RUNS = 3;
  /** Cold runs of the floor, each in a new JVM of its own, when asked for: their median is the one shown. */
  static final int FLOOR_RUNS = 3;

  /** The run of an odd number of timed runs that took the median wall time. */
  static Step medianByWall(List<Step> runs) {
    return runs.stream().sorted(java.util.Comparator.comparingDouble(Step::seconds)).toList().get(runs.size() / 2);
  }

  /** The benchmark corpus in {@code corpusDir}: the KCNA CSVs (and their copies), English unless a row says. */
  static CorpusSpec corpusSpec(Path corpusDir) {
    return new CorpusSpec("kcna-bench", List.of(corpusDir.toUri().toString()), "csv",
        new FieldMapping(List.of("story"), List.of("title"), List.of("date"), List.of("index.link"), List.of(),
            List.of("language")), "yyyy-MM-dd", "KCNA", "state_media", "en");
  }

  /**
   * One measured step.
   *
   * @param cpuSeconds the CPU time of the whole process (driver and local executors) during the step: on a
   *                   shared machine it varies less between runs than the wall time, and wall / CPU tells
   *                   how much of the time both cores were busy
   */
  public record Step(String name, double seconds, double cpuSeconds, long documents, long bytes, long peakHeapBytes) {
    String line() {
      return String.format(Locale.ROOT, "%-10s %8.1f s %8.1f s CPU %8.0f docs/s %8.2f MB/s %8d MB peak heap", name,
          seconds, cpuSeconds, documents / seconds, bytes / 1e6 / seconds, peakHeapBytes >> 20);
    }
  }

  /**
   * The JVM the figures come from, which they depend on: its collector, how far it compiles, its heap and its
   * cores. Read from the running JVM, however its flags were given (launcher, JDK_JAVA_OPTIONS).
   */
  static String jvmLine() {
    String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(java.lang.management.GarbageCollectorMXBean::getName).collect(java.util.stream.Collectors.joining(", "));
    String tier = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
        .getVMOption("TieredStopAtLevel").getValue();
    return String.format(Locale.ROOT, "jvm: Java %s, compiled up to tier %s (%s), collectors %s, max heap %d MB, "
        + "%d cores", Runtime.version(), tier, "1".equals(tier) ? "C1 only" : "C1 and C2", collectors,
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The benchmark at one scale in this JVM.
   *
   * @param nearDuplicates whether ingest looks for near-duplicates, as {@code nkwatch run} does (see
   *                       {@link #looksForNearDuplicates})
   * @param floor          whether to time the floor as well ({@link FloorJob}, {@link #FLOOR_RUNS} cold runs)
   */
  public static List<Step> run(SparkSession spark, Path kcnaDir, int scale, Path workDir, ConfigBundle config,
      boolean nearDuplicates, boolean floor, PrintStream log) {
    Path corpusDir = workDir.resolve("corpus");
    long bytes = buildCorpus(kcnaDir, scale, corpusDir);
    log.printf(Locale.ROOT, "corpus: KCNA 2011-2012 x%d = %.1f MB in %s%n", scale, bytes / 1e6, corpusDir);
    log.println(jvmLine());
    log.println(nearDuplicates ? "duplicates: exact and near, as nkwatch run looks for them"
        : "duplicates: exact only (the copies of the corpus would all be near-duplicates of each other)");
    CorpusSpec spec = corpusSpec(corpusDir);
    String output = workDir.resolve("out").toString();
    JobOptions options = new JobOptions(List.of(spec), output, config, List.of("monthly-brief"), Map.of(),
        Instant.ofEpochSecond(1_700_000_000L), null, org.nkwatch.schedule.PublicationWindow.ALL, false,
        java.util.Set.of());
    TableStore store = new TableStore(spark, output);
    List<Step> steps = new ArrayList<>();

    // the pipeline's queries, named and timed, for where its time went
    QueryTimeListener queryTimes = new QueryTimeListener();
    spark.sparkContext().addSparkListener(queryTimes);
    // each timed part starts from a collected heap, so neither pays for the other's garbage
    System.gc();
    HeapWatch heap = HeapWatch.start();
    Clock clock = Clock.start();
    // the articles as ingest's own account counts them: a count query of the bench's would be timed as ingest's
    long documents = IngestJob.run(spark, options.corpora(), store, options.runId(), nearDuplicates).stream()
        .mapToLong(org.nkwatch.model.CorpusAccount::articles).sum();
    steps.add(clock.step("ingest", documents, bytes, heap.peakAndReset()));
    long mentions = AnnotateJob.run(spark, config, store, options.runId()).mentions();
    steps.add(clock.step("annotate", documents, bytes, heap.peakAndReset()));
    AggregateJob.run(store, options.runId());
    steps.add(clock.step("aggregate", documents, bytes, heap.peakAndReset()));
    ReportJob.run(spark, store, options, new PrintStream(PrintStream.nullOutputStream()));
    steps.add(clock.step("report", documents, bytes, heap.peakAndReset()));
    List<QueryTimes.Query> queries = queryTimes.queries(QUERY_ENDS_TIMEOUT_MILLIS);
    spark.sparkContext().removeSparkListener(queryTimes);
    double pipeline = steps.stream().mapToDouble(Step::seconds).sum();
    steps.add(new Step("pipeline", pipeline, steps.stream().mapToDouble(Step::cpuSeconds).sum(), documents, bytes,
        steps.stream().mapToLong(Step::peakHeapBytes).max().orElse(0)));

    // the baseline runs cold, as the pipeline's start is, each time in a new JVM of its own; their median is
    // the one compared with (BaselineRuns). Once more here, after the pipeline: that run finds Spark's planner,
    // readers and writers loaded and compiled, which the pipeline's ingest paid for
    heap.stop();
    List<Step> cold = new ArrayList<>();
    for (int run = 1; run <= COLD_BASELINE_RUNS; run++) {
      cold.add(BaselineJob.coldRunInOwnJvm(spark.sparkContext().master(), corpusDir,
          workDir.resolve("baseline-own-jvm"), documents, bytes, workDir.resolve("baseline-jvm-" + run + ".log")));
    }
    Step afterPipeline = BaselineJob.timedRun(spark, corpusDir, workDir.resolve("baseline"), documents, bytes);
    BaselineRuns baseline = new BaselineRuns(cold, afterPipeline);
    steps.add(baseline.median());
    FloorRuns floorRuns = null;
    if (floor) {
      // the articles ingest dropped as near-duplicates: the floor skips them too, so both annotate the same ones
      Path skipped = workDir.resolve("near-duplicates.txt");
      writeLines(skipped, store.read(TableSchemas.DUPLICATES).filter(col("kind").equalTo(Duplicate.NEAR))
          .select("doc_id").as(Encoders.STRING()).collectAsList());
      List<Step> floorCold = new ArrayList<>();
      List<Long> floorMentions = new ArrayList<>();
      for (int run = 1; run <= FLOOR_RUNS; run++) {
        ChildJvm.TimedRun r = FloorJob.coldRunInOwnJvm(spark.sparkContext().master(), corpusDir,
            workDir.resolve("floor-own-jvm"), skipped, workDir.resolve("floor-jvm-" + run + ".log"));
        floorCold.add(r.step("floor", documents, bytes));
        floorMentions.add(r.counts().get(0));
      }
      floorRuns = new FloorRuns(floorCold, floorMentions, mentions);
      steps.add(floorRuns.median());
    }

    for (Step s : steps) {
      log.println(s.line());
    }
    baseline.lines(pipeline).forEach(log::println);
    if (floorRuns != null) {
      floorRuns.lines(pipeline, baseline.median().seconds()).forEach(log::println);
    }
    QueryTimes.summary(queries, LONGEST_QUERIES_SHOWN).forEach(log::println);
    return steps;
  }

  /**
   * The benchmark at each of {@code scales}, each in a JVM of its own started as this one was (a later scale
   * in this JVM would find Spark and the models warm), then how the time grows ({@link Scaling}). What each
   * JVM prints is passed on to {@code log} as it comes; its standard error goes to a log file in
   * {@code workDir}.
   *
   * @param master the Spark master for each JVM; null: the one this JVM was started with
   */
  public static List<Scaling.Point> runScales(List<Integer> scales, Path dataRoot, Path workDir, String master,
      boolean floor, PrintStream log) {
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + workDir, e);
    }
    List<Scaling.Point> points = new ArrayList<>();
    for (int scale : scales) {
      List<String> args = scaleJvmArgs(scale, dataRoot, workDir, floor);
      Path jvmLog = workDir.resolve("x" + scale + "-jvm.log");
      List<Scaling.Point> got = new ArrayList<>();
      log.printf(Locale.ROOT, "== x%d, in a JVM of its own (its log: %s)%n", scale, jvmLog);
      int status = ChildJvm.run(ChildJvm.command("org.nkwatch.cli.Main", master, args), jvmLog, line -> {
        Scaling.Point point = Scaling.Point.parse(line);
        if (point != null) {
          got.add(point);
        } else {
          log.println(line);
        }
      });
      if (status != 0 || got.size() != 1) {
        throw new IllegalStateException("the benchmark's JVM for x" + scale + " exited with status " + status
            + "; its log: " + jvmLog + "\n" + ChildJvm.tail(jvmLog));
      }
      points.addAll(got);
    }
    Scaling.summary(points).forEach(log::println);
    return points;
  }

  /**
   * Whether a benchmark looks for near-duplicates, as {@code nkwatch run} does: over the corpus as it is (scale
   * 1), where they cost what they cost a user. Not over copies of it, which would all be near-duplicates of each
   * other and be dropped, nor in any scale of a run over several, which compares the scales' times.
   */
  public static boolean looksForNearDuplicates(int scale, boolean oneOfSeveralScales) {
    return scale == 1 && !oneOfSeveralScales;
  }

  private static void writeLines(Path file, List<String> lines) {
    try {
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The command line of the JVM that benchmarks one {@code scale} of a run over several. */
  public static List<String> scaleJvmArgs(int scale, Path dataRoot, Path workDir, boolean floor) {
    List<String> args = new ArrayList<>(List.of("bench", "--scale", Integer.toString(scale), "--data-root",
        dataRoot.toString(), "--work-dir", workDir.toString(), SCALE_LINE_OPTION));
    if (floor) {
      args.add(FLOOR_OPTION);
    }
    return args;
  }

  /** The option that times the floor as well. */
  public static final String FLOOR_OPTION = "--floor";

  /** The option that makes a benchmark's JVM print its {@link Scaling.Point} for the JVM that started it. */
  public static final String SCALE_LINE_OPTION = "--scale-line";

  /** What a benchmark's steps say about its scale, for {@link Scaling}. */
  public static Scaling.Point point(int scale, List<Step> steps) {
    Step pipeline = steps.stream().filter(s -> s.name().equals("pipeline")).findFirst().orElseThrow();
    Step baseline = steps.stream().filter(s -> s.name().equals("baseline")).findFirst().orElseThrow();
    return new Scaling.Point(scale, pipeline.bytes() / 1e6, pipeline.seconds(), pipeline.cpuSeconds(),
        baseline.seconds(), pipeline.peakHeapBytes());
  }

  /** Copies the KCNA CSVs {@code scale} times; copies after the first get a marker so their texts (and ids) differ. */
  static long buildCorpus(Path kcnaDir, int scale, Path corpusDir) {
    try {
      Files.createDirectories(corpusDir);
      List<Path> sources;
      try (Stream<Path> files = Files.list(kcnaDir)) {
        sources = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
      }
      if (sources.isEmpty()) {
        throw new InputException("no KCNA CSV files in " + kcnaDir);
      }
      long bytes = 0;
      for (int copy = 0; copy < scale; copy++) {
        for (Path source : sources) {
          Path target = corpusDir.resolve("copy" + copy + "-" + source.getFileName());
          if (copy == 0) {
            Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          } else {
            rewriteWithMarker(source, target, copy);
          }
          bytes += Files.size(target);
        }
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the benchmark corpus in " + corpusDir, e);
    }
  }

  private static void rewriteWithMarker(Path source, Path target, int copy) throws IOException {
    CSVFormat in = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, in);
        BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
            .setHeader(parser.getHeaderNames().toArray(String[]::new)).get())) {
      int story = parser.getHeaderNames().indexOf("story");
      for (CSVRecord record : parser) {
        List<String> values = new ArrayList<>(record.toList());
        if (story >= 0 && !values.get(story).isBlank() && !values.get(story).equals("NA")) {
          values.set(story, "Bench copy " + copy + ". " + values.get(story));
        }
        printer.printRecord(values);
      }
    }
  }

  /** Wall and process CPU time since the last step. */
  static final class Clock {
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long wall = System.nanoTime();
    private long cpu = OS.getProcessCpuTime();

    static Clock start() {
      return new Clock();
    }

    Step step(String name, long documents, long bytes, long peakHeapBytes) {
      long nowWall = System.nanoTime();
      long nowCpu = OS.getProcessCpuTime();
      Step step = new Step(name, (nowWall - wall) / 1e9, (nowCpu - cpu) / 1e9, documents, bytes, peakHeapBytes);
      wall = nowWall;
      cpu = nowCpu;
      return step;
    }
  }

  /** Samples the driver's used heap every 50 ms: the peak of each step. */
  static final class HeapWatch implements Runnable {
    private volatile boolean running = true;
    private volatile long peak;
    private final Thread thread = new Thread(this, "heap-watch");

    static HeapWatch start() {
      HeapWatch w = new HeapWatch();
      w.thread.setDaemon(true);
      w.thread.start();
      return w;
    }

    @Override
    public void run() {
      while (running) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP) {
            used += pool.getUsage().getUsed();
          }
        }
        peak = Math.max(peak, used);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long peakAndReset() {
      long p = peak;
      peak = 0;
      return p;
    }

    void stop() {
      running = false;
    }
  }
}
