package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.testing.Duck;

/**
 * The benchmark over two scales of the project's own KCNA-shaped fixture: each scale runs in a JVM of its
 * own (its pipeline and its baseline), what each prints is passed on, and the scaling table and the split
 * into a part paid once and a part per copy come from their figures.
 */
class BenchmarkScalesIT {
  @Test
  void eachScaleRunsInAJvmOfItsOwnAndTheSummaryComesFromTheirFigures(@TempDir Path dir) throws Exception {
    BenchmarkIT.fixtureCorpus(dir.resolve("data/kcna-2011-2012"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Path work = dir.resolve("work");
    List<Scaling.Point> points = Benchmark.runScales(List.of(2, 1), dir.resolve("data"), work, "local[2]", false,
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    String out = printed.toString(StandardCharsets.UTF_8);

    assertThat(points).extracting(Scaling.Point::scale).containsExactly(2, 1);
    Scaling.Point x2 = points.get(0);
    Scaling.Point x1 = points.get(1);
    // the second copy's stories carry a marker: a little more than twice the bytes
    assertThat(x2.megabytes()).isGreaterThan(2 * x1.megabytes()).isLessThan(2.2 * x1.megabytes());
    for (Scaling.Point p : points) {
      assertThat(p.pipelineSeconds()).isPositive();
      assertThat(p.pipelineCpuSeconds()).isPositive();
      assertThat(p.baselineSeconds()).isPositive();
      assertThat(p.peakHeapBytes()).isPositive();
    }
    // each JVM's own table is passed on, its figures the ones the summary takes
    for (Scaling.Point p : points) {
      assertThat(out).contains("== x" + p.scale() + ", in a JVM of its own (its log: " + work.resolve("x" + p.scale()
          + "-jvm.log") + ")");
      assertThat(out).contains(String.format(Locale.ROOT, "corpus: KCNA 2011-2012 x%d = %.1f MB", p.scale(),
          p.megabytes()));
      assertThat(out).containsPattern(String.format(Locale.ROOT, "(?m)^pipeline +%.1f s +%.1f s CPU ",
          p.pipelineSeconds(), p.pipelineCpuSeconds()));
      assertThat(out).containsPattern(String.format(Locale.ROOT, "(?m)^baseline +%.1f s ", p.baselineSeconds()));
    }
    assertThat(out).doesNotContain(Scaling.LINE);
    // x1 too, as one of several scales, looks for exact duplicates only: every scale does the same work per copy
    assertThat(out.split("duplicates: exact only \\(the copies of the corpus would all be near-duplicates of each "
        + "other\\)", -1)).hasSize(points.size() + 1);
    // each JVM's standard error went to a log of its own
    assertThat(work.resolve("x1-jvm.log")).exists();
    assertThat(work.resolve("x2-jvm.log")).exists();

    assertThat(out).contains(String.format(Locale.ROOT, "x2 against x1: %.2f times the input took %.2f times as "
        + "long (the baseline: %.2f times)", x2.megabytes() / x1.megabytes(),
        x2.pipelineSeconds() / x1.pipelineSeconds(), x2.baselineSeconds() / x1.baselineSeconds()));
    Scaling.Fit pipeline = Scaling.fit(points, Scaling.Point::pipelineSeconds);
    assertThat(pipeline.once() + pipeline.perCopy()).isCloseTo(x1.pipelineSeconds(),
        org.assertj.core.api.Assertions.within(1e-6));
    assertThat(out).contains(String.format(Locale.ROOT, "per copy of the corpus (%.1f MB): pipeline %.1f s",
        x1.megabytes(), pipeline.perCopy()));

    // each scale wrote its own tables: the second has both copies' articles
    try (Duck one = new Duck(work.resolve("x1/out")); Duck two = new Duck(work.resolve("x2/out"))) {
      long articles1 = one.count("SELECT count(*) FROM " + one.table("articles"));
      assertThat(articles1).isPositive();
      assertThat(two.count("SELECT count(*) FROM " + two.table("articles"))).isEqualTo(2 * articles1);
    }
  }
}
