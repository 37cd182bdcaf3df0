package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
