package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** Briefs at the edges: nothing to report, one article, no dates, hostile text, no fonts at all. */
class EdgeCaseBriefsTest {
  static final Path OUT = Path.of("target/test-output/edge");
  static final BriefDefinition WEEKLY = BriefDefinition.load(Path.of("reports"), "weekly-watch");
  static final BriefDefinition MONTHLY = BriefDefinition.load(Path.of("reports"), "monthly-brief");

  @Test
  void aBriefWithNoSanctionEventsRenders() throws IOException {
    RenderedBrief r = Reporter.render(SampleBriefs.noSanctions(), MONTHLY, OUT.resolve("quiet"), SampleBriefs.RENDERED);
    try (PDDocument doc = PdfChecks.load(r.pdf())) {
      String text = PdfChecks.text(doc);
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      assertThat(text).contains("No sanction events were found in this period.",
          "No evidence for sanction types in this period.", "No evidence is cited in this brief.", "Kim Jong Un");
      assertThat(text).doesNotContain(EvidenceSections.WHO_IS_PUNISHED_HOW).as("every article dated")
          .doesNotContain("no date");
    }
  }

  @Test
  void aBriefFromASingleArticleRenders() throws IOException {
    RenderedBrief r = Reporter.render(SampleBriefs.singleArticle(), WEEKLY, OUT.resolve("single"), SampleBriefs.RENDERED);
    assertThat(r.pdf().getFileName()).hasToString("weekly-watch_2025-02-11_2025-02-11.pdf");
    try (PDDocument doc = PdfChecks.load(r.pdf())) {
      String text = PdfChecks.text(doc);
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      assertThat(text).contains("11 Feb 2025", "No comparison period", "Pak Jong Chon", SampleBriefs.PAK_SENTENCE,
          "The sanction type with the most events was dismissal (1 event)");
    }
  }

  @Test
  void anUndatedBriefIsNamedSo() throws IOException {
    RenderedBrief r = Reporter.render(SampleBriefs.undated(), WEEKLY, OUT.resolve("undated"), SampleBriefs.RENDERED);
    assertThat(r.pdf().getFileName()).hasToString("weekly-watch_undated.pdf");
    assertThat(r.charts().get(0).getFileName()).hasToString("weekly-watch_undated_top_people.png");
    try (PDDocument doc = PdfChecks.load(r.pdf())) {
      assertThat(PdfChecks.text(doc)).contains("Undated: no article in the selection has a date");
    }
    BriefManifest.Entry e = BriefManifest.read(r.pdf().getParent()).briefs().get(0);
    assertThat(e.periodStart()).isNull();
  }

  @Test
  void hostileStringsDoNotCrashAndThePdfLoads() throws IOException {
    for (BriefDefinition def : List.of(WEEKLY, MONTHLY)) {
      RenderedBrief r = Reporter.render(SampleBriefs.hostile(), def, OUT.resolve("hostile"), SampleBriefs.RENDERED);
      try (PDDocument doc = PdfChecks.load(r.pdf())) {
        String text = PdfChecks.text(doc);
        assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        assertThat(text).contains("Hostile Ctrl", "xxxxxxxxxx").doesNotContain("\u0000", "\u0007", "\uffff");
        // nothing was drawn past the right margin: PDFBox reports each glyph's position
        assertThat(PdfChecks.maxTextX(doc)).isLessThanOrEqualTo(PdfCanvas.PAGE.getWidth() - PdfCanvas.RIGHT + 1);
      }
    }
  }

  @Test
  void withoutAnyTrueTypeFontTheBriefFallsBackToHelvetica() throws IOException {
    Fonts none = Fonts.resolve(Optional.empty(), List.of(OUT.resolve("no-fonts-here")));
    assertThat(none.regularFile()).isEmpty();
    RenderedBrief r = Reporter.render(SampleBriefs.full(), MONTHLY, OUT.resolve("helvetica"), SampleBriefs.RENDERED, none);
    RenderedBrief h = Reporter.render(SampleBriefs.hostile(), MONTHLY, OUT.resolve("helvetica-hostile"),
        SampleBriefs.RENDERED, none);
    try (PDDocument doc = PdfChecks.load(r.pdf()); PDDocument hostile = PdfChecks.load(h.pdf())) {
      String text = PdfChecks.text(doc);
      assertThat(text).contains("Kim Jong Un", "Organization and Guidance Department", SampleBriefs.PAK_SENTENCE,
          "Helvetica").doesNotContain("김정은");
      assertThat(PdfChecks.unembeddedFonts(doc)).isNotEmpty(); // Standard 14: expected, and the only such case
      assertThat(hostile.getNumberOfPages()).isGreaterThan(1);
    }
  }
}
