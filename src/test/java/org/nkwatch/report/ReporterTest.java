package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class ReporterTest {
  static final Path OUT = Path.of("target/test-output/reporter");
  static final Path REPORTS = Path.of("reports");

  @Test
  void rendersTheMonthlyBrief() throws IOException {
    BriefDefinition def = BriefDefinition.load(REPORTS, "monthly-brief");
    RenderedBrief r = Reporter.render(SampleBriefs.full(), def, OUT.resolve("monthly"), SampleBriefs.RENDERED);
    System.out.println("fonts: " + Fonts.system().describe());
    assertThat(r.pdf().getFileName().toString()).isEqualTo("monthly-brief_2025-01-01_2025-03-31.pdf");
    try (PDDocument doc = PdfChecks.load(r.pdf())) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      System.out.println(PdfChecks.outlineTitles(doc));
    }
    assertThat(Files.exists(r.manifest())).isTrue();
  }
}
