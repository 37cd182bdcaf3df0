package org.nkwatch.report;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Organizations (rows) by sanction type (columns) as a grid of shaded cells, each with its count written in
 * it: a heat map that still reads when printed in grey.
 */
final class HeatMapChart {
  private static final Color EMPTY_CELL = new Color(0xF3F5F7);
  private static final Color LOW = new Color(0xFDDBC7);
  private static final Color HIGH = new Color(0xB2182B);

  private final ChartStyle style;
  private final Palette palette;

  HeatMapChart(ChartStyle style, Palette palette) {
    this.style = style;
    this.palette = palette;
  }

  JFreeChart create(String title, List<TypeCount> counts, int topN, String subtitle) {
    Map<String, Map<String, Long>> byOrg = new TreeMap<>();
    for (TypeCount tc : counts) {
      if (tc.count() > 0) {
        byOrg.computeIfAbsent(tc.category(), o -> new TreeMap<>()).merge(tc.series(), tc.count(), Long::sum);
      }
    }
    List<String> orgs = byOrg.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) -> total(e.getValue())).reversed()
            .thenComparing(Map.Entry::getKey))
        .limit(topN).map(Map.Entry::getKey).toList();
    List<String> types = new ArrayList<>(new LinkedHashSet<>(
        orgs.stream().flatMap(o -> byOrg.get(o).keySet().stream()).toList()));
    types.sort(Comparator.comparingInt(palette::rank).thenComparing(Comparator.naturalOrder()));
    if (orgs.isEmpty()) {
      XYPlot empty = new XYPlot(new DefaultXYZDataset(), new NumberAxis(), new NumberAxis(), new XYBlockRenderer());
      empty.getDomainAxis().setVisible(false);
      empty.getRangeAxis().setVisible(false);
      empty.setDomainGridlinesVisible(false);
      empty.setRangeGridlinesVisible(false);
      return style.apply(new JFreeChart(title, style.title(), empty, false), subtitle);
    }
    long max = 1;
    int cells = orgs.size() * types.size();
    double[][] xyz = new double[3][cells];
    List<XYTextAnnotation> labels = new ArrayList<>();
    int i = 0;
    for (int row = 0; row < orgs.size(); row++) {
      double y = orgs.size() - 1 - row; // the organization with most events at the top
      for (int col = 0; col < types.size(); col++) {
        long n = byOrg.get(orgs.get(row)).getOrDefault(types.get(col), 0L);
        max = Math.max(max, n);
        xyz[0][i] = col;
        xyz[1][i] = y;
        xyz[2][i] = n;
        i++;
      }
    }
    for (int k = 0; k < cells; k++) {
      long n = (long) xyz[2][k];
      if (n > 0) {
        XYTextAnnotation a = new XYTextAnnotation(Long.toString(n), xyz[0][k], xyz[1][k]);
        a.setFont(style.tick());
        a.setPaint(n > max * 0.55 ? Color.WHITE : ChartStyle.INK);
        labels.add(a);
      }
    }
    DefaultXYZDataset ds = new DefaultXYZDataset();
    ds.addSeries("counts", xyz);

    XYBlockRenderer r = new XYBlockRenderer();
    r.setBlockWidth(0.94);
    r.setBlockHeight(0.88);
    r.setPaintScale(new Shades(max));
    Set<String> seenCols = new LinkedHashSet<>();
    Set<String> seenRows = new LinkedHashSet<>();
    SymbolAxis x = new SymbolAxis(null, types.stream()
        .map(t -> ChartRenderer.uniqueLabel(style.text(Labels.of(t), 24), seenCols)).toArray(String[]::new));
    List<String> rowLabels = new ArrayList<>(orgs.stream()
        .map(o -> ChartRenderer.uniqueLabel(style.text(o, 40), seenRows)).toList());
    java.util.Collections.reverse(rowLabels);
    SymbolAxis y = new SymbolAxis(null, rowLabels.toArray(String[]::new));
    for (SymbolAxis axis : List.of(x, y)) {
      style.axis(axis);
      axis.setGridBandsVisible(false);
      axis.setAxisLineVisible(false);
    }
    x.setVerticalTickLabels(types.size() > 6);
    XYPlot plot = new XYPlot(ds, x, y, r);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    labels.forEach(plot::addAnnotation);
    return style.apply(new JFreeChart(title, style.title(), plot, false), subtitle);
  }

  private static long total(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Light grey for zero, then light to dark red as the count nears the largest one. */
  private static final class Shades implements PaintScale {
    private final long max;

    Shades(long max) {
      this.max = max;
    }

    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return max;
    }

    @Override
    public Paint getPaint(double value) {
      if (value <= 0) {
        return EMPTY_CELL;
      }
      double t = max <= 1 ? 1 : (value - 1) / (max - 1);
      return new Color(mix(LOW.getRed(), HIGH.getRed(), t), mix(LOW.getGreen(), HIGH.getGreen(), t),
          mix(LOW.getBlue(), HIGH.getBlue(), t));
    }

    private static int mix(int a, int b, double t) {
      return (int) Math.round(a + (b - a) * Math.min(1, Math.max(0, t)));
    }
  }
}
