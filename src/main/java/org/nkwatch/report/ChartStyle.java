package org.nkwatch.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** One look for every chart: white, no borders or gradients, light grid, fonts of 13 px and up. */
final class ChartStyle {
  static final Color INK = new Color(0x1B2631);
  static final Color MUTED = new Color(0x5D6D7E);
  static final Color GRID = new Color(0xE5E8EB);
  static final Color CURRENT = new Color(0x1F3A5F);
  static final Color PREVIOUS = new Color(0xB7C1CC);
  static final BasicStroke GRID_STROKE = new BasicStroke(1f);

  private final Fonts fonts;
  private final TextSanitizer sanitizer;

  ChartStyle(Fonts fonts) {
    this.fonts = fonts;
    Font probe = fonts.awtFont(false, 13f);
    this.sanitizer = new TextSanitizer(probe::canDisplay);
  }

  Font title() {
    return fonts.awtFont(true, 20f);
  }

  Font subtitle() {
    return fonts.awtFont(false, 14f);
  }

  Font axisLabel() {
    return fonts.awtFont(false, 14f);
  }

  Font tick() {
    return fonts.awtFont(false, 13f);
  }

  Font noData() {
    return fonts.awtFont(false, 18f);
  }

  boolean hasHangul() {
    return fonts.hasHangul();
  }

  /** Text that the chart font can draw, shortened to {@code max} characters with an ellipsis. */
  String text(String s, int max) {
    String clean = sanitizer.cleanLine(s);
    if (clean.codePointCount(0, clean.length()) <= max) {
      return clean;
    }
    return clean.substring(0, clean.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  JFreeChart apply(JFreeChart chart, String subtitle) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(12, 12, 12, 18));
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setFont(title());
      title.setPaint(INK);
      title.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
    }
    if (!subtitle.isEmpty()) {
      TextTitle sub = new TextTitle(text(subtitle, 120), subtitle());
      sub.setPaint(MUTED);
      sub.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
      sub.setPadding(new RectangleInsets(2, 0, 8, 0));
      chart.addSubtitle(0, sub);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(tick());
      legend.setItemPaint(INK);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      legend.setBackgroundPaint(Color.WHITE);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setNoDataMessage(ChartRenderer.NO_DATA);
    plot.setNoDataMessageFont(noData());
    plot.setNoDataMessagePaint(MUTED);
    plot.setInsets(new RectangleInsets(6, 4, 4, 8));
    return chart;
  }

  void axis(Axis axis) {
    axis.setLabelFont(axisLabel());
    axis.setLabelPaint(MUTED);
    axis.setTickLabelFont(tick());
    axis.setTickLabelPaint(INK);
    axis.setAxisLinePaint(PREVIOUS);
    axis.setTickMarksVisible(false);
  }
}
