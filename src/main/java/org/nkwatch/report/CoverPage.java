package org.nkwatch.report;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The first page: what the brief is, for whom, which days and sources, and when it was made. */
final class CoverPage {
  private static final float BAND = 178;

  private CoverPage() {
  }

  static void draw(PdfCanvas c, BriefStyles s, BriefData data, Instant renderedAt) throws IOException {
    c.newPage();
    float top = PdfCanvas.PAGE.getHeight();
    c.fillRect(0, top - BAND, PdfCanvas.PAGE.getWidth(), BAND, BriefStyles.NAVY);
    c.fillRect(0, top - BAND - 4, PdfCanvas.PAGE.getWidth(), 4, BriefStyles.ACCENT);
    c.moveTo(top - 48);
    c.paragraph("NKWATCH BRIEF", s.label().withColour(new java.awt.Color(0xA9BCD0)), 0);
    c.gap(6);
    List<String> titleLines = c.wrap(data.title(), s.title(), c.contentWidth());
    // a very long title is cut to three lines on the cover; the full title is in the document information
    for (String line : titleLines.subList(0, Math.min(3, titleLines.size()))) {
      c.drawText(line, s.title(), PdfCanvas.LEFT, c.y() - s.title().size());
      c.gap(s.title().leading());
    }
    if (!data.audience().isBlank()) {
      c.gap(4);
      List<String> aud = c.wrap("For: " + data.audience(), s.body().withColour(new java.awt.Color(0xD5DEE8)), c.contentWidth());
      c.drawText(aud.get(0), s.body().withColour(new java.awt.Color(0xD5DEE8)), PdfCanvas.LEFT, c.y() - s.body().size());
    }

    c.moveTo(top - BAND - 40);
    field(c, s, "PERIOD", data.period().map(BriefText::period).orElse("Undated: no article in the selection has a date")
        + (data.period().isPresent() ? "  (" + data.grain().key() + "ly series)" : ""));
    field(c, s, "COMPARED WITH", data.previousPeriod().map(BriefText::period).orElse("No comparison period"));
    c.gap(6);
    c.paragraph("SOURCES", s.label(), 0);
    c.gap(3);
    PdfTable corpora = new PdfTable(List.of(
        new PdfTable.Column("Corpus", 1.1f, false), new PdfTable.Column("Publisher", 1.4f, false),
        new PdfTable.Column("Source type", 1.3f, false), new PdfTable.Column("Articles, all dates", 0.8f, true)));
    for (CorpusInfo ci : data.corpora()) {
      corpora.row(List.of(ci.name(), ci.publisher(), Labels.of(ci.sourceType()), BriefText.number(ci.articles())));
    }
    if (data.corpora().isEmpty()) {
      c.paragraph("No corpora were selected.", s.body(), 0);
    } else {
      corpora.draw(c, s.tableBody(), s.tableHeader());
    }
    c.gap(18);
    List<String> made = new ArrayList<>();
    made.add("Data as of " + BriefText.time(data.generatedAt()) + (data.runId().isBlank() ? "" : ", run " + data.runId()));
    made.add("Brief rendered " + BriefText.time(renderedAt) + " by nkwatch");
    field(c, s, "PRODUCED", String.join("\n", made));

    c.moveTo(PdfCanvas.BOTTOM + 62);
    c.rule(BriefStyles.RULE, 0.6f);
    c.gap(8);
    c.paragraph("About this brief: counts, findings and charts are produced by machine from news text. Each sanction "
        + "event cites the sentence it rests on and its source; state media and defector-network outlets report "
        + "different things, so read a single report as a lead, not as a fact.", s.muted(), 0);
  }

  private static void field(PdfCanvas c, BriefStyles s, String label, String value) throws IOException {
    c.paragraph(label, s.label(), 0);
    c.gap(1);
    for (String line : value.split("\n")) {
      c.paragraph(line, new TextStyle(s.body().font(), 12.5f, BriefStyles.INK, 17), 0);
    }
    c.gap(8);
  }
}
