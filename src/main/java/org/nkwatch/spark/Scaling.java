package org.nkwatch.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * How the benchmark's time grows with the corpus: the runs of several scales side by side, the largest
 * against the smallest, and each time split into a part paid once and a part paid per copy of the corpus
 * (a least-squares line through the runs' times against their scales).
 */
public final class Scaling {
  private Scaling() {
  }

  /**
   * One scale's benchmark, as run in a JVM of its own.
   *
   * @param baselineSeconds the baseline's median cold run, each in a JVM of its own: the one the ratio is taken with
   */
  public record Point(int scale, double megabytes, double pipelineSeconds, double pipelineCpuSeconds,
      double baselineSeconds, long peakHeapBytes) {
    /**
     * The line a benchmark's JVM prints for the JVM that started it: {@link #parse} reads back the same
     * doubles, unrounded, so the summary rounds each figure once, as the JVM's own table did.
     */
    public String line() {
      return String.join(" ", LINE, Integer.toString(scale), Double.toString(megabytes),
          Double.toString(pipelineSeconds), Double.toString(pipelineCpuSeconds), Double.toString(baselineSeconds),
          Long.toString(peakHeapBytes));
    }

    /** The point a {@link #line} gives, or null for any other line. */
    public static Point parse(String line) {
      String[] f = line.trim().split(" ");
      if (f.length != 7 || !f[0].equals(LINE)) {
        return null;
      }
      return new Point(Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
          Double.parseDouble(f[4]), Double.parseDouble(f[5]), Long.parseLong(f[6]));
    }
  }

  static final String LINE = "bench-scale";

  /** A straight line through times against scales: {@code once + perCopy * scale}. */
  public record Fit(double once, double perCopy) {
  }

  /** The least-squares line through {@code value} against the points' scales: needs two distinct scales. */
  public static Fit fit(List<Point> points, ToDoubleFunction<Point> value) {
    double n = points.size();
    double meanScale = points.stream().mapToDouble(Point::scale).average().orElseThrow();
    double meanValue = points.stream().mapToDouble(value).average().orElseThrow();
    double covariance = 0;
    double variance = 0;
    for (Point p : points) {
      covariance += (p.scale() - meanScale) * (value.applyAsDouble(p) - meanValue);
      variance += (p.scale() - meanScale) * (p.scale() - meanScale);
    }
    if (n < 2 || variance == 0) {
      throw new IllegalArgumentException("a line through the times needs two different scales");
    }
    double perCopy = covariance / variance;
    return new Fit(meanValue - perCopy * meanScale, perCopy);
  }

  /** The table of the runs and what they say about scaling, line by line. */
  public static List<String> summary(List<Point> runs) {
    List<Point> points = runs.stream().sorted(Comparator.comparingInt(Point::scale)).toList();
    List<String> lines = new ArrayList<>();
    lines.add("scaling, each scale's pipeline and baseline in JVMs of their own:");
    lines.add(String.format(Locale.ROOT, "%-6s %10s %10s %10s %10s %7s %10s", "scale", "corpus", "pipeline", "CPU",
        "baseline", "ratio", "peak heap"));
    for (Point p : points) {
      lines.add(String.format(Locale.ROOT, "%-6s %7.1f MB %8.1f s %8.1f s %8.1f s %7.2f %7d MB", "x" + p.scale(),
          p.megabytes(), p.pipelineSeconds(), p.pipelineCpuSeconds(), p.baselineSeconds(),
          p.pipelineSeconds() / p.baselineSeconds(), p.peakHeapBytes() >> 20));
    }
    Point small = points.get(0);
    Point large = points.get(points.size() - 1);
    lines.add(String.format(Locale.ROOT, "x%d against x%d: %.2f times the input took %.2f times as long "
        + "(the baseline: %.2f times)", large.scale(), small.scale(), large.megabytes() / small.megabytes(),
        large.pipelineSeconds() / small.pipelineSeconds(), large.baselineSeconds() / small.baselineSeconds()));
    Fit pipeline = fit(points, Point::pipelineSeconds);
    Fit baseline = fit(points, Point::baselineSeconds);
    lines.add(String.format(Locale.ROOT, "per copy of the corpus (%.1f MB): pipeline %.1f s, baseline %.1f s; "
        + "paid once: pipeline %.1f s, baseline %.1f s", small.megabytes() / small.scale(), pipeline.perCopy(),
        baseline.perCopy(), pipeline.once(), baseline.once()));
    return lines;
  }
}
