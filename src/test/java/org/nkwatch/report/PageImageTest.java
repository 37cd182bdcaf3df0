package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A page as a reader sees it: rendered by poppler (pdftoppm), an independent PDF reader. */
class PageImageTest {
  static final Path OUT = Path.of("target/test-output/pages");

  @Test
  void coverAndChartsPagesAreNotBlank() throws Exception {
    Path pdftoppm = findOnPath("pdftoppm");
    Assumptions.assumeTrue(pdftoppm != null,
        "pdftoppm is not installed (apt-get install -y poppler-utils): page rendering not checked");
    RenderedBrief r = Reporter.render(SampleBriefs.full(), BriefDefinition.load(Path.of("reports"), "monthly-brief"),
        OUT, SampleBriefs.RENDERED);
    for (int page : new int[] {1, 3}) {
      Path prefix = OUT.resolve("page-" + page);
      Process p = new ProcessBuilder(pdftoppm.toString(), "-r", "60", "-png", "-singlefile", "-f", "" + page,
          "-l", "" + page, r.pdf().toString(), prefix.toString()).redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(log).isZero();
      assertThat(log).as("poppler reports no errors").doesNotContainIgnoringCase("error");
      BufferedImage img = ImageIO.read(new File(prefix + ".png"));
      double ink = inkShare(img);
      assertThat(ink).as("share of non-white pixels on page " + page).isGreaterThan(0.02);
    }
  }

  private static double inkShare(BufferedImage img) {
    long dark = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        if (lum < 235) {
          dark++;
        }
      }
    }
    return dark / (double) (img.getWidth() * img.getHeight());
  }

  private static Path findOnPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, exe);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
