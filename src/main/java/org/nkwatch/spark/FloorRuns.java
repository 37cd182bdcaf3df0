package org.nkwatch.spark;

import java.util.List;
import java.util.Locale;

/**
 * The floor's timed runs ({@link FloorJob}), each cold in a JVM of its own as the baseline's are, and what they
 * say of the pipeline: the floor's median against the baseline's is the nearest a run that annotates could
 * come to the baseline. Spark-free.
 *
 * @param cold             the runs, in the order they ran (an odd number, at least one)
 * @param mentions         the mentions each run wrote
 * @param pipelineMentions the mentions the pipeline's annotate wrote: the floor did the same annotating if equal
 */
record FloorRuns(List<Benchmark.Step> cold, List<Long> mentions, long pipelineMentions) {
  FloorRuns {
    if (cold.isEmpty() || cold.size() % 2 == 0 || mentions.size() != cold.size()) {
      throw new IllegalArgumentException("the floor's cold runs must be an odd number, each with its mentions, not "
          + cold.size() + " runs and " + mentions.size() + " counts");
    }
    cold = List.copyOf(cold);
    mentions = List.copyOf(mentions);
  }

  Benchmark.Step median() {
    return Benchmark.medianByWall(cold);
  }

  /** Whether every run wrote as many mentions as the pipeline did. */
  boolean sameMentionsAsThePipeline() {
    return mentions.stream().allMatch(m -> m == pipelineMentions);
  }

  /** The lines printed after the baseline's. */
  List<String> lines(double pipelineSeconds, double baselineSeconds) {
    String runs = String.join(", ", cold.stream().map(s -> String.format(Locale.ROOT, "%.1f s", s.seconds())).toList());
    String work = sameMentionsAsThePipeline()
        ? String.format(Locale.ROOT, "%d mentions each, as many as the pipeline's", pipelineMentions)
        : String.format(Locale.ROOT, "mentions %s against the pipeline's %d: not the same annotating", mentions,
            pipelineMentions);
    double floor = median().seconds();
    return List.of(
        String.format(Locale.ROOT, "floor runs (read the files, annotate, write the mentions: one query, no other "
            + "table), each cold in a JVM of its own: %s (the median above); %s", runs, work),
        String.format(Locale.ROOT, "ratio floor / baseline = %.2f: the nearest to the baseline a run that reads and "
            + "annotates these articles as nkwatch does could come; pipeline / floor = %.2f", floor / baselineSeconds,
            pipelineSeconds / floor));
  }
}
