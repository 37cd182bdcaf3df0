package org.nkwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.spark.Benchmark;
import org.nkwatch.spark.InputException;
import org.nkwatch.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark the pipeline on the KCNA 2011-2012 corpus against a baseline Spark job "
        + "(read, split into words, count, write Parquet) over the same input, run cold three times, each in a new "
        + "JVM of its own (as the pipeline runs in one), and once more after the pipeline in the pipeline's JVM.",
        "Prints wall and CPU time, documents/s, MB/s and the driver's peak heap per step, the baseline's runs, "
            + "and the ratio pipeline / baseline (with its median cold run; beside it, with its quickest and "
            + "slowest cold runs and with its run after the pipeline)."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--data-root", paramLabel = "DIR",
      description = "The folder holding kcna-2011-2012/. Default: $NKWATCH_DATA_ROOT, else ../shared/data.")
  String dataRoot;

  @Option(names = "--scale", paramLabel = "N[,N...]", defaultValue = "1", split = ",",
      description = {"Replicate the corpus N times (distinct texts). Default: ${DEFAULT-VALUE}.",
          "Several scales (1,8): each runs in a JVM of its own, then a table of them all, the largest against "
              + "the smallest, and the time split into a part paid once and a part per copy of the corpus."})
  List<Integer> scales;

  @Option(names = Benchmark.FLOOR_OPTION,
      description = {"Also time the floor, cold three times, each in a JVM of its own: the least a run must do "
          + "(read the files, annotate, write the mentions, in one query; no other table, no brief), and print "
          + "its ratio to the baseline: how near the baseline a run that reads and annotates as nkwatch does could come."})
  boolean floor;

  /** Set in the JVMs of a run over several scales: print the scale's figures for the JVM that started it. */
  @Option(names = Benchmark.SCALE_LINE_OPTION, hidden = true)
  boolean scaleLine;

  @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "target/bench",
      description = "Where the corpus copy and outputs go. Default: ${DEFAULT-VALUE}.")
  Path workDir;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: what ./nkwatch sets (local[*]).")
  String master;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
  boolean verbose;

  /** Whether this run's pipeline looks for near-duplicates ({@link Benchmark#looksForNearDuplicates}). */
  boolean looksForNearDuplicates() {
    return scales.size() == 1 && Benchmark.looksForNearDuplicates(scales.get(0), scaleLine);
  }

  @Override
  public Integer call() throws Exception {
    for (int scale : scales) {
      if (scale < 1) {
        throw new IllegalArgumentException("--scale must be at least 1, got " + scale);
      }
    }
    if (new java.util.HashSet<>(scales).size() != scales.size()) {
      throw new IllegalArgumentException("--scale names a scale twice: " + scales);
    }
    String root = dataRoot != null ? dataRoot : System.getenv().getOrDefault("NKWATCH_DATA_ROOT", "../shared/data");
    Path kcna = Path.of(root, "kcna-2011-2012");
    if (!Files.isDirectory(kcna)) {
      throw new InputException("no KCNA 2011-2012 corpus at " + kcna + " (give --data-root)");
    }
    if (scales.size() > 1) {
      Benchmark.runScales(scales, Path.of(root).toAbsolutePath(), workDir.toAbsolutePath(), master, floor,
          System.out);
      return 0;
    }
    int scale = scales.get(0);
    Map<String, String> conf = new LinkedHashMap<>();
    if (master != null) {
      conf.put("spark.master", master);
    }
    SparkSession spark = SparkSessions.create("nkwatch-bench", conf);
    try {
      Path work = workDir.resolve("x" + scale);
      SampleRunCleaner.delete(work);
      List<Benchmark.Step> steps = Benchmark.run(spark, kcna, scale, work, ConfigBundle.packaged(),
          looksForNearDuplicates(), floor, System.out);
      if (scaleLine) {
        System.out.println(Benchmark.point(scale, steps).line());
      }
    } finally {
      spark.stop();
    }
    return 0;
  }
}
