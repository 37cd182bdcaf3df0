package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** The charts in the PDF are the print images, pixel for pixel (embedded as PNG, copied as they are). */
class ChartEmbeddingTest {
  @Test
  void theEmbeddedChartsAreThePrintImagesPixelForPixel() throws Exception {
    BriefData data = SampleBriefs.full();
    BriefDefinition def = BriefDefinition.load(Path.of("reports"), "monthly-brief");
    RenderedBrief r = Reporter.render(data, def, Path.of("target/test-output/embedding"), SampleBriefs.RENDERED);
    ChartRenderer renderer = new ChartRenderer(Reporter.paletteFor(data), Fonts.system());
    List<BufferedImage> expected = new ArrayList<>();
    for (ChartKind kind : def.charts()) {
      JFreeChart chart = renderer.chart(kind, data, def.topN());
      ChartRenderer.withoutTitles(chart);
      expected.add(renderer.image(chart, Reporter.PRINT_WIDTH, Reporter.PRINT_HEIGHT, Reporter.PRINT_SCALE));
    }
    List<BufferedImage> embedded = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(r.pdf().toFile())) {
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
            embedded.add(image.getImage());
          }
        }
      }
    }
    assertThat(embedded).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      BufferedImage want = expected.get(i);
      BufferedImage got = embedded.get(i);
      assertThat(got.getWidth()).isEqualTo(want.getWidth());
      assertThat(got.getHeight()).isEqualTo(want.getHeight());
      for (int y = 0; y < want.getHeight(); y++) {
        for (int x = 0; x < want.getWidth(); x++) {
          assertThat(got.getRGB(x, y) & 0xffffff).as("chart %d at (%d, %d)", i, x, y)
              .isEqualTo(want.getRGB(x, y) & 0xffffff);
        }
      }
    }
  }
}
