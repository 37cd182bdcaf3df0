package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChartRendererTest {
  static final Path OUT = Path.of("target/test-output/charts");

  @BeforeAll
  static void dirs() throws IOException {
    Files.createDirectories(OUT);
  }

  private static ChartRenderer renderer(BriefData data) {
    return new ChartRenderer(Reporter.paletteFor(data), Fonts.system());
  }

  @ParameterizedTest
  @EnumSource(ChartKind.class)
  void everyChartDecodesAtTheDefaultSizeAndIsNotOneColour(ChartKind kind) throws IOException {
    BriefData data = SampleBriefs.full();
    Path png = OUT.resolve("full_" + kind.key() + ".png");
    renderer(data).writePng(kind, data, 10, png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(ChartRenderer.DEFAULT_WIDTH);
    assertThat(img.getHeight()).isEqualTo(ChartRenderer.DEFAULT_HEIGHT);
    assertThat(distinctColours(img)).isGreaterThan(20);
  }

  @ParameterizedTest
  @EnumSource(ChartKind.class)
  void emptyDataGivesANoDataChart(ChartKind kind) throws IOException {
    BriefData empty = BriefData.builder().title("Empty").generatedAt(SampleBriefs.GENERATED).build();
    Path png = OUT.resolve("empty_" + kind.key() + ".png");
    renderer(empty).writePng(kind, empty, 10, png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(ChartRenderer.DEFAULT_WIDTH);
    assertThat(distinctColours(img)).as("title and the no-data message are drawn").isGreaterThan(2);
  }

  /** The theme chart counts articles per period over its own twelve periods, and says both. */
  @Test
  void theThemeChartSaysWhatItCountsAndSpans() {
    BriefData data = SampleBriefs.full();
    var chart = renderer(data).chart(ChartKind.THEMES_OVER_TIME, data, 10);
    assertThat(chart.getXYPlot().getRangeAxis().getLabel()).isEqualTo("Articles");
    String subtitle = ((org.jfree.chart.title.TextTitle) chart.getSubtitle(0)).getText();
    assertThat(subtitle).startsWith("1 Apr 2024 \u2013 31 Mar 2025");
    List<PeriodCount> many = new ArrayList<>(data.themesOverTime());
    for (int i = 0; i < 5; i++) {
      many.add(new PeriodCount(LocalDate.of(2025, 3, 1), "extra_" + i, "Extra theme " + i, 1));
    }
    BriefData crowded = SampleBriefs.base().themesOverTime(many).build();
    assertThat(((org.jfree.chart.title.TextTitle) renderer(crowded).chart(ChartKind.THEMES_OVER_TIME, crowded, 10)
        .getSubtitle(0)).getText()).startsWith("The 8 themes in the most articles \u00b7 1 Apr 2024");
  }

  @ParameterizedTest
  @EnumSource(ChartKind.class)
  void hostileAndSingleArticleDataDrawWithoutError(ChartKind kind) throws IOException {
    for (BriefData data : List.of(SampleBriefs.hostile(), SampleBriefs.singleArticle(), SampleBriefs.undated())) {
      Path png = OUT.resolve("odd_" + kind.key() + "_" + Math.abs(data.runId().hashCode()) + ".png");
      renderer(data).writePng(kind, data, 10, png);
      assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(ChartRenderer.DEFAULT_HEIGHT);
    }
  }

  @Test
  void sameDataGivesTheSamePixels() throws IOException {
    BriefData data = SampleBriefs.full();
    Path a = OUT.resolve("same_a.png");
    Path b = OUT.resolve("same_b.png");
    renderer(data).writePng(ChartKind.THEMES_OVER_TIME, data, 10, a);
    renderer(data).writePng(ChartKind.THEMES_OVER_TIME, data, 10, b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  static int distinctColours(BufferedImage img) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        colours.add(img.getRGB(x, y));
      }
    }
    return colours.size();
  }

  /** Bar labels and axis ticks print 12,345 on a machine whose default locale would write 12.345, as the PDF does. */
  @Test
  void numbersOnChartsDoNotFollowTheMachinesLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    java.util.Locale.setDefault(java.util.Locale.GERMANY);
    try {
      BriefData data = SampleBriefs.full();
      ChartRenderer renderer = renderer(data);
      org.jfree.chart.plot.CategoryPlot bars = renderer.chart(ChartKind.TOP_PEOPLE, data, 10).getCategoryPlot();
      var labels = (org.jfree.chart.labels.StandardCategoryItemLabelGenerator) bars.getRenderer()
          .getDefaultItemLabelGenerator();
      assertThat(labels.getNumberFormat().format(12_345)).isEqualTo("12,345");
      for (org.jfree.chart.axis.ValueAxis axis : List.of(bars.getRangeAxis(),
          renderer.chart(ChartKind.SANCTIONS_BY_CORPUS, data, 10).getCategoryPlot().getRangeAxis(),
          renderer.chart(ChartKind.THEMES_OVER_TIME, data, 10).getXYPlot().getRangeAxis())) {
        var ticks = ((org.jfree.chart.axis.NumberAxis) axis).getStandardTickUnits();
        assertThat(ticks.getCeilingTickUnit(1000).valueToString(12_345)).as(axis.getLabel()).isEqualTo("12,345");
      }
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
