package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingTest {
  private static Scaling.Point point(int scale, double pipeline, double baseline) {
    return new Scaling.Point(scale, 32.0 * scale, pipeline, 1.7 * pipeline, baseline, 900L << 20);
  }

  @Test
  void twoScalesSplitTheTimeIntoOnceAndPerCopyExactly() {
    // 18 s once and 10.5 s per copy: 28.5 s at x1, 102 s at x8
    Scaling.Fit fit = Scaling.fit(List.of(point(1, 28.5, 4.8), point(8, 102.0, 17.4)), Scaling.Point::pipelineSeconds);
    assertThat(fit.once()).isCloseTo(18.0, within(1e-9));
    assertThat(fit.perCopy()).isCloseTo(10.5, within(1e-9));
  }

  @Test
  void moreScalesGetTheLeastSquaresLine() {
    // 10, 20, 40 s at x1, x2, x3: the line through them is -6.67 + 15 x
    Scaling.Fit fit = Scaling.fit(List.of(point(1, 10, 1), point(2, 20, 2), point(3, 40, 3)),
        Scaling.Point::pipelineSeconds);
    assertThat(fit.perCopy()).isCloseTo(15.0, within(1e-9));
    assertThat(fit.once()).isCloseTo(-20.0 / 3, within(1e-9));
  }

  @Test
  void oneScaleHasNoLine() {
    assertThatThrownBy(() -> Scaling.fit(List.of(point(2, 10, 1), point(2, 11, 1)), Scaling.Point::pipelineSeconds))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different scales");
  }

  @Test
  void theSummaryComparesTheLargestWithTheSmallestWhateverTheOrder() {
    List<String> lines = Scaling.summary(List.of(point(8, 102.0, 17.4), point(1, 28.5, 4.8)));
    assertThat(lines.get(2)).startsWith("x1 ").contains("32.0 MB", "28.5 s", "4.8 s", "5.94", "900 MB");
    assertThat(lines.get(3)).startsWith("x8 ").contains("256.0 MB", "102.0 s", "17.4 s", "5.86");
    assertThat(lines.get(4)).isEqualTo("x8 against x1: 8.00 times the input took 3.58 times as long "
        + "(the baseline: 3.63 times)");
    assertThat(lines.get(5)).isEqualTo("per copy of the corpus (32.0 MB): pipeline 10.5 s, baseline 1.8 s; "
        + "paid once: pipeline 18.0 s, baseline 3.0 s");
  }

  @Test
  void aPointGoesThroughItsLineAndBack() {
    Scaling.Point p = new Scaling.Point(8, 256.214, 105.123, 198.5, 14.25, 995_000_000L);
    assertThat(Scaling.Point.parse(p.line())).isEqualTo(p);
    // a figure that rounds to 26.5 must not come back as 26.550 and then print as 26.6
    Scaling.Point edge = new Scaling.Point(2, 0.0123456789, 14.6, 26.54963, 5.4, 1L);
    assertThat(Scaling.Point.parse(edge.line())).isEqualTo(edge);
    assertThat(Scaling.summary(List.of(edge, new Scaling.Point(1, 0.006, 14.6, 26.3, 4.8, 1L))).get(3))
        .contains(" 26.5 s ");
    assertThat(Scaling.Point.parse("pipeline       25.0 s     42.6 s CPU")).isNull();
    assertThat(Scaling.Point.parse("bench-scale 8 1.0")).isNull();
  }
}
