package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineRunsTest {
  private static Benchmark.Step run(double seconds) {
    return new Benchmark.Step("baseline", seconds, 1.5 * seconds, 22_000, 32_000_000, 800L << 20);
  }

  @Test
  void theMedianColdRunIsComparedWithAndTheQuickestAndSlowestPrintedBeside() {
    BaselineRuns runs = new BaselineRuns(List.of(run(5.0), run(3.7), run(4.6)), run(1.9));

    assertThat(runs.median().seconds()).isEqualTo(4.6);
    assertThat(runs.lines(27.6)).containsExactly(
        "baseline runs, each cold in a JVM of its own: 5.0 s, 3.7 s, 4.6 s (the median above); after the pipeline "
            + "in its JVM: 1.9 s",
        "ratio pipeline / baseline = 6.00 (with the baseline's quickest and slowest cold runs: 7.46 and 5.52; with "
            + "its run after the pipeline: 14.53)");
  }

  @Test
  void oneColdRunIsItsOwnMedian() {
    BaselineRuns runs = new BaselineRuns(List.of(run(2.0)), run(1.0));

    assertThat(runs.median().seconds()).isEqualTo(2.0);
    assertThat(runs.lines(6.0).get(1)).startsWith("ratio pipeline / baseline = 3.00 (with the baseline's quickest "
        + "and slowest cold runs: 3.00 and 3.00;");
  }

  @Test
  void anEvenNumberOfColdRunsHasNoMedianRunAndIsRefused() {
    assertThatThrownBy(() -> new BaselineRuns(List.of(run(2.0), run(3.0)), run(1.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd number, not 2");
    assertThatThrownBy(() -> new BaselineRuns(List.of(), run(1.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
  }
}
