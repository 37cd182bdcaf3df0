package org.nkwatch.spark;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The baseline's timed runs and what the pipeline is compared with. Each cold run is in a new JVM of its own,
 * cold as the pipeline's start is; the one compared with is their median, since a single cold run of a few
 * seconds varied from 3.7 to 5.9 s on the same machine within an hour, and the ratio with it. The quickest
 * and slowest are printed beside it, so that the reader sees how much of the ratio's spread is the
 * baseline's. The run after the pipeline, in the pipeline's warm JVM, shows what start-up costs. Spark-free.
 *
 * @param cold          the runs each in a JVM of its own, in the order they ran (an odd number, at least one)
 * @param afterPipeline the run in the pipeline's JVM after the pipeline
 */
record BaselineRuns(List<Benchmark.Step> cold, Benchmark.Step afterPipeline) {
  BaselineRuns {
    if (cold.isEmpty() || cold.size() % 2 == 0) {
      throw new IllegalArgumentException("the baseline's cold runs must be an odd number, not " + cold.size());
    }
    cold = List.copyOf(cold);
  }

  /** The cold run compared with: the median by wall time. */
  Benchmark.Step median() {
    return Benchmark.medianByWall(cold);
  }

  private List<Benchmark.Step> sortedCold() {
    return cold.stream().sorted(Comparator.comparingDouble(Benchmark.Step::seconds)).toList();
  }

  /** The lines printed after the benchmark's table: the runs, then the ratios. */
  List<String> lines(double pipelineSeconds) {
    List<Benchmark.Step> sorted = sortedCold();
    String runs = String.join(", ", cold.stream().map(s -> String.format(Locale.ROOT, "%.1f s", s.seconds())).toList());
    return List.of(
        String.format(Locale.ROOT, "baseline runs, each cold in a JVM of its own: %s (the median above); after the "
            + "pipeline in its JVM: %.1f s", runs, afterPipeline.seconds()),
        String.format(Locale.ROOT, "ratio pipeline / baseline = %.2f (with the baseline's quickest and slowest cold "
            + "runs: %.2f and %.2f; with its run after the pipeline: %.2f)", pipelineSeconds / median().seconds(),
            pipelineSeconds / sorted.get(0).seconds(), pipelineSeconds / sorted.get(sorted.size() - 1).seconds(),
            pipelineSeconds / afterPipeline.seconds()));
  }
}
