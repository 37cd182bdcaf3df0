package org.nkwatch.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Draws the charts of a brief with JFreeChart, headless, as PNG images (1000 x 560 by default). Empty data
 * gives a chart that says {@value #NO_DATA}, never an exception.
 */
public final class ChartRenderer {
  /**
   * The locale of every number a chart prints (bar labels, axis ticks): the same figures whatever the machine's default
   * locale, as in the PDF's text ("1,234", not "1.234" on a German one).
   */
  static final Locale NUMBERS = Locale.ROOT;
  public static final int DEFAULT_WIDTH = 1000;
  public static final int DEFAULT_HEIGHT = 560;
  public static final String NO_DATA = "No data for this period";
  /** More lines than this make a line chart unreadable; the most mentioned themes are shown. */
  static final int MAX_THEMES = 8;
  private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

  private final Palette palette;
  private final ChartStyle style;

  public ChartRenderer(Palette palette, Fonts fonts) {
    this.palette = palette;
    this.style = new ChartStyle(fonts);
  }

  /** The chart, styled, for the data; {@code topN} bounds the entities and organizations shown. */
  public JFreeChart chart(ChartKind kind, BriefData data, int topN) {
    String subtitle = subtitle(data);
    return switch (kind) {
      case TOP_PEOPLE -> topEntities(kind, data.topPeople(), data.hasComparison(), topN, subtitle);
      case TOP_ORGANIZATIONS -> topEntities(kind, data.topOrganizations(), data.hasComparison(), topN, subtitle);
      case TOP_PLACES -> topEntities(kind, data.topPlaces(), data.hasComparison(), topN, subtitle);
      case SANCTIONS_BY_CORPUS -> sanctionsByCorpus(data, subtitle);
      case THEMES_OVER_TIME -> themesOverTime(data, subtitle);
      case ORGANIZATIONS_BY_SANCTION -> new HeatMapChart(style, palette)
          .create(kind.title(), data.organizationsBySanctionType(), topN, subtitle);
    };
  }

  /** Draws at {@code scale} times the pixel size (2 for print), white background, anti-aliased. */
  public BufferedImage image(JFreeChart chart, int width, int height, double scale) {
    BufferedImage img = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.scale(scale, scale);
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Writes the chart as a PNG of the default size. */
  public void writePng(ChartKind kind, BriefData data, int topN, Path file) throws IOException {
    writePng(image(chart(kind, data, topN), DEFAULT_WIDTH, DEFAULT_HEIGHT, 1), file);
  }

  /** Drops the title and text subtitles (keeps the legend), for charts placed under a figure heading. */
  static void withoutTitles(JFreeChart chart) {
    chart.setTitle((org.jfree.chart.title.TextTitle) null);
    for (int i = chart.getSubtitleCount() - 1; i >= 0; i--) {
      if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle) {
        chart.removeSubtitle(chart.getSubtitle(i));
      }
    }
  }

  static void writePng(BufferedImage image, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer available for " + file);
      }
    }
  }

  private JFreeChart topEntities(ChartKind kind, List<RankedEntity> entities, boolean compare, int topN,
      String subtitle) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    Set<String> seen = new LinkedHashSet<>();
    for (RankedEntity e : entities.subList(0, Math.min(topN, entities.size()))) {
      String label = uniqueLabel(entityLabel(e), seen);
      ds.addValue(e.mentions(), "This period", label);
      if (compare) {
        ds.addValue(e.previousMentions(), "Previous period", label);
      }
    }
    CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(null), new NumberAxis("Mentions"), null);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    BarRenderer r = new BarRenderer();
    flatBars(r);
    r.setSeriesPaint(0, ChartStyle.CURRENT);
    r.setSeriesPaint(1, ChartStyle.PREVIOUS);
    r.setItemMargin(0.05);
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(
        StandardCategoryItemLabelGenerator.DEFAULT_LABEL_FORMAT_STRING, java.text.NumberFormat.getInstance(NUMBERS)));
    r.setDefaultItemLabelsVisible(true);
    r.setSeriesItemLabelsVisible(1, false); // the previous period's bar reads against the axis; fewer numbers
    r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT, TextAnchor.CENTER_LEFT, 0));
    r.setDefaultItemLabelFont(style.tick());
    r.setDefaultItemLabelPaint(ChartStyle.INK);
    plot.setRenderer(r);
    categoryAxes(plot);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.38f);
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    return style.apply(new JFreeChart(kind.title(), style.title(), plot, compare), subtitle);
  }

  private JFreeChart sanctionsByCorpus(BriefData data, String subtitle) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    List<String> types = orderedSeries(data.sanctionTypesByCorpus().stream().map(TypeCount::series).toList());
    Map<String, Map<String, Long>> byCorpus = new TreeMap<>();
    for (TypeCount tc : data.sanctionTypesByCorpus()) {
      byCorpus.computeIfAbsent(tc.category(), c -> new TreeMap<>()).merge(tc.series(), tc.count(), Long::sum);
    }
    // rows are added in vocabulary order so that series colours and the legend follow it
    for (String type : types) {
      for (Map.Entry<String, Map<String, Long>> corpus : byCorpus.entrySet()) {
        ds.addValue(corpus.getValue().getOrDefault(type, 0L), style.text(Labels.of(type), 30),
            style.text(corpus.getKey(), 30));
      }
    }
    CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(null), new NumberAxis("Mentions"), null);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    StackedBarRenderer r = new StackedBarRenderer();
    flatBars(r);
    for (int i = 0; i < types.size(); i++) {
      r.setSeriesPaint(i, palette.colourOf(types.get(i)));
    }
    r.setMaximumBarWidth(0.12);
    plot.setRenderer(r);
    categoryAxes(plot);
    return style.apply(new JFreeChart(ChartKind.SANCTIONS_BY_CORPUS.title(), style.title(), plot, true), subtitle);
  }

  private JFreeChart themesOverTime(BriefData data, String subtitle) {
    Map<String, Long> totals = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    for (PeriodCount pc : data.themesOverTime()) {
      totals.merge(pc.series(), pc.count(), Long::sum);
      names.putIfAbsent(pc.series(), pc.seriesName());
    }
    List<String> shown = totals.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_THEMES).map(Map.Entry::getKey).sorted().toList();
    TimeSeriesCollection ds = new TimeSeriesCollection(UTC);
    Map<String, TimeSeries> series = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String key : shown) {
      TimeSeries ts = new TimeSeries(uniqueLabel(style.text(names.get(key), 40), seen));
      series.put(key, ts);
      ds.addSeries(ts);
    }
    for (PeriodCount pc : data.themesOverTime()) {
      TimeSeries ts = series.get(pc.series());
      if (ts != null) {
        Date day = Date.from(pc.period().atStartOfDay(ZoneOffset.UTC).toInstant());
        Day d = new Day(day, UTC, Locale.ROOT);
        Number before = ts.getValue(d);
        ts.addOrUpdate(d, (before == null ? 0 : before.longValue()) + pc.count());
      }
    }
    DateAxis time = new DateAxis(null, UTC, Locale.ENGLISH);
    SimpleDateFormat fmt = new SimpleDateFormat(data.grain() == Grain.MONTH ? "MMM yyyy" : "d MMM yyyy", Locale.ENGLISH);
    fmt.setTimeZone(UTC);
    time.setTickUnit(tickUnit(data, fmt));
    time.setLowerMargin(0.04);
    time.setUpperMargin(0.04);
    // each point counts the articles that mention the theme, not its mentions: one long article on a theme is one
    NumberAxis count = new NumberAxis("Articles");
    count.setStandardTickUnits(NumberAxis.createIntegerTickUnits(NUMBERS));
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < shown.size(); i++) {
      r.setSeriesPaint(i, palette.colourOf(shown.get(i)));
      r.setSeriesStroke(i, new java.awt.BasicStroke(2.5f));
      r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
    }
    XYPlot plot = new XYPlot(ds, time, count, r);
    plot.setDomainGridlinePaint(ChartStyle.GRID);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    plot.setDomainGridlineStroke(ChartStyle.GRID_STROKE);
    plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
    style.axis(time);
    style.axis(count);
    // the chart spans its own periods, not the brief's; the note on how many themes are shown comes first, so that
    // a long list of corpora cannot push it out of the subtitle
    String span = data.period().map(p -> BriefText.period(data.grain().trendWindow(p.end())) + " \u00b7 "
        + BriefText.corporaSummary(data)).orElse(subtitle);
    String sub = totals.size() > MAX_THEMES ? "The " + MAX_THEMES + " themes in the most articles \u00b7 " + span : span;
    return style.apply(new JFreeChart(ChartKind.THEMES_OVER_TIME.title(), style.title(), plot, !shown.isEmpty()), sub);
  }

  /** One tick per period (or per few periods on long spans), so that no label repeats. */
  private static DateTickUnit tickUnit(BriefData data, SimpleDateFormat fmt) {
    long periods = data.themesOverTime().stream().map(PeriodCount::period).distinct().count();
    if (data.period().isPresent()) {
      DateWindow w = data.period().get();
      long days = java.time.temporal.ChronoUnit.DAYS.between(w.start(), w.end()) + 1;
      periods = Math.max(periods, data.grain() == Grain.MONTH ? days / 28 : days / 7);
    }
    int step = (int) Math.max(1, (periods + 11) / 12);
    return data.grain() == Grain.MONTH
        ? new DateTickUnit(DateTickUnitType.MONTH, step, fmt)
        : new DateTickUnit(DateTickUnitType.DAY, 7 * step, fmt);
  }

  private String entityLabel(RankedEntity e) {
    String hangul = style.hasHangul() && !e.hangul().isBlank() ? " (" + e.hangul() + ")" : "";
    return style.text(e.name() + hangul, 64);
  }

  /** The sanction types in vocabulary order, others after them sorted. */
  private List<String> orderedSeries(List<String> keys) {
    List<String> out = new ArrayList<>(new LinkedHashSet<>(keys));
    out.sort(Comparator.comparingInt(palette::rank).thenComparing(Comparator.naturalOrder()));
    return out;
  }

  /** Category keys must be unique; two entities with one display name get a number. */
  static String uniqueLabel(String label, Set<String> seen) {
    String l = label.isEmpty() ? "?" : label;
    for (int i = 2; !seen.add(l); i++) {
      l = label + " #" + i;
    }
    return l;
  }

  private void flatBars(BarRenderer r) {
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
  }

  private void categoryAxes(CategoryPlot plot) {
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits(NUMBERS));
    range.setUpperMargin(0.12); // room for the value labels at the end of the bars
    style.axis(plot.getDomainAxis());
    style.axis(range);
    plot.getDomainAxis().setCategoryMargin(0.25);
  }

  private static String subtitle(BriefData data) {
    String period = data.period().map(BriefText::period).orElse("Undated articles");
    return period + " \u00b7 " + BriefText.corporaSummary(data);
  }
}
