package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class ReproducibilityTest {
  static final Path OUT = Path.of("target/test-output/reproducible");

  @Test
  void sameInputsGiveByteIdenticalFiles() throws IOException {
    BriefDefinition def = BriefDefinition.load(Path.of("reports"), "weekly-watch");
    RenderedBrief a = Reporter.render(SampleBriefs.full(), def, OUT.resolve("a"), SampleBriefs.RENDERED);
    RenderedBrief b = Reporter.render(SampleBriefs.full(), def, OUT.resolve("b"), SampleBriefs.RENDERED);
    assertThat(Files.readAllBytes(a.pdf())).isEqualTo(Files.readAllBytes(b.pdf()));
    for (int i = 0; i < a.charts().size(); i++) {
      assertThat(Files.readAllBytes(a.charts().get(i))).isEqualTo(Files.readAllBytes(b.charts().get(i)));
    }
    assertThat(Files.readString(a.manifest())).isEqualTo(Files.readString(b.manifest()));
  }

  @Test
  void theDocumentIdIsOursAndFollowsTheInputs() throws IOException {
    BriefDefinition def = BriefDefinition.load(Path.of("reports"), "weekly-watch");
    RenderedBrief a = Reporter.render(SampleBriefs.full(), def, OUT.resolve("c"), SampleBriefs.RENDERED);
    RenderedBrief later = Reporter.render(SampleBriefs.full(), def, OUT.resolve("d"), Instant.parse("2025-04-02T00:00:00Z"));
    byte[] idA = id(a.pdf());
    assertThat(idA).hasSize(16);
    assertThat(id(later.pdf())).isNotEqualTo(idA);
    try (PDDocument doc = PdfChecks.load(a.pdf())) {
      // the only dates in the file are the ones passed in, never the clock's
      assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(SampleBriefs.RENDERED);
      assertThat(doc.getDocumentInformation().getModificationDate().toInstant()).isEqualTo(SampleBriefs.RENDERED);
    }
  }

  private static byte[] id(Path pdf) throws IOException {
    try (PDDocument doc = PdfChecks.load(pdf)) {
      return ((COSString) doc.getDocument().getTrailer().getCOSArray(COSName.ID).get(0)).getBytes();
    }
  }
}
