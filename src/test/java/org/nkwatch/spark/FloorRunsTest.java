package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FloorRunsTest {
  private static Benchmark.Step run(double seconds) {
    return new Benchmark.Step("floor", seconds, 1.9 * seconds, 22_000, 32_000_000, 900L << 20);
  }

  @Test
  void theMedianRunIsSetAgainstTheBaselineAndThePipeline() {
    FloorRuns runs = new FloorRuns(List.of(run(15.0), run(13.9), run(15.4)), List.of(295_718L, 295_718L, 295_718L),
        295_718L);

    assertThat(runs.median().seconds()).isEqualTo(15.0);
    assertThat(runs.sameMentionsAsThePipeline()).isTrue();
    assertThat(runs.lines(25.6, 4.6)).containsExactly(
        "floor runs (read the files, annotate, write the mentions: one query, no other table), each cold in a JVM "
            + "of its own: 15.0 s, 13.9 s, 15.4 s (the median above); 295718 mentions each, as many as the pipeline's",
        "ratio floor / baseline = 3.26: the nearest to the baseline a run that reads and annotates these articles "
            + "as nkwatch does could come; pipeline / floor = 1.71");
  }

  @Test
  void mentionsOtherThanThePipelinesAreSaidToBeOtherWork() {
    FloorRuns runs = new FloorRuns(List.of(run(2.0)), List.of(120L), 100L);

    assertThat(runs.sameMentionsAsThePipeline()).isFalse();
    assertThat(runs.lines(6.0, 1.0).get(0))
        .endsWith("(the median above); mentions [120] against the pipeline's 100: not the same annotating");
  }

  @Test
  void anEvenNumberOfRunsOrARunWithoutItsCountIsRefused() {
    assertThatThrownBy(() -> new FloorRuns(List.of(run(2.0), run(3.0)), List.of(1L, 1L), 1L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 2 runs and 2 counts");
    assertThatThrownBy(() -> new FloorRuns(List.of(run(2.0)), List.of(), 1L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 1 runs and 0 counts");
  }
}
