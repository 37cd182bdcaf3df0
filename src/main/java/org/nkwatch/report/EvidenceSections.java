package org.nkwatch.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nkwatch.model.MentionKind;

/** The sections that quote evidence: sanction events, evidence by sanction type, and the evidence index. */
final class EvidenceSections {
  static final String WHO_IS_PUNISHED_HOW = "Who is being punished how";
  /** Rows of the organizations-by-sanction table at most: the chart shows the whole picture. */
  static final int MAX_ORGANIZATION_ROWS = 15;
  private final PdfCanvas c;
  private final BriefStyles s;
  private final SectionWriter sections;
  private final BriefData data;
  private final Palette palette;
  private final Citations citations;

  EvidenceSections(PdfCanvas c, BriefStyles s, SectionWriter sections, BriefData data, Palette palette) {
    this.c = c;
    this.s = s;
    this.sections = sections;
    this.data = data;
    this.palette = palette;
    this.citations = new Citations(data.evidence());
  }

  void sanctions() throws IOException {
    sections.heading(Section.SANCTIONS.title(), false);
    if (data.sanctionEvents().isEmpty()) {
      c.paragraph("No sanction events were found in this period.", s.body(), 0);
      return;
    }
    whoIsPunishedHow();
    long undated = data.sanctionEvents().size() - data.periodSanctionEvents().size();
    c.paragraph(Findings.count(data.sanctionEvents().size(), "event") + ", in the order of their evidence's date"
        + (undated == 0 ? ". " : undated == 1 ? "; the last is from an undated article, not counted in the period's "
        + "figures. " : "; the last " + BriefText.number(undated) + " are from undated articles, not counted in the "
        + "period's figures. ") + "Certainty is the source's own: confirmed, reported, rumoured, denied or contradicted.", s.muted(), 0);
    c.gap(6);
    for (EventRow e : data.sanctionEvents()) {
      event(e);
    }
  }

  /**
   * Organizations by sanction type as a table, most events first (the rows of the counts' ORGANIZATION_BY_SANCTION
   * cross-tab for the brief's period); nothing when no event targets an organization.
   */
  private void whoIsPunishedHow() throws IOException {
    List<TypeCount> rows = new ArrayList<>(data.organizationsBySanctionType());
    if (rows.isEmpty()) {
      return;
    }
    rows.sort(Comparator.comparingLong(TypeCount::count).reversed().thenComparing(TypeCount.CANONICAL));
    sections.subheading(WHO_IS_PUNISHED_HOW);
    PdfTable t = new PdfTable(List.of(new PdfTable.Column("Organization", 3.2f, false),
        new PdfTable.Column("Sanction", 1.6f, false), new PdfTable.Column("Events", 0.8f, true)));
    for (TypeCount r : rows.subList(0, Math.min(MAX_ORGANIZATION_ROWS, rows.size()))) {
      t.row(List.of(r.category(), Labels.of(r.series()), BriefText.number(r.count())));
    }
    t.draw(c, s.tableBody(), s.tableHeader());
    c.gap(4);
    c.paragraph("Sanction events whose target is an organization; negated, denied and contradicted reports are not "
        + "counted." + (rows.size() > MAX_ORGANIZATION_ROWS ? " The " + MAX_ORGANIZATION_ROWS + " largest of "
        + rows.size() + " pairs." : ""), s.muted(), 0);
    c.gap(8);
  }

  private void event(EventRow e) throws IOException {
    Evidence ev = data.evidenceById(e.evidenceId());
    String head = Labels.of(e.sanctionType()) + " \u2014 " + (e.targetName().isBlank() ? "target not stated" : e.targetName());
    c.ensure(s.bold().leading() * 2 + s.quote().leading() * 2 + s.muted().leading());
    float top = c.y();
    c.fillRect(PdfCanvas.LEFT, top - s.bold().size() + 0.5f, 7, 7, palette.colourOf(e.sanctionType()));
    c.paragraph(head, s.bold(), 13);
    List<String> facts = new ArrayList<>();
    facts.add("Type: " + Labels.inSentence(e.sanctionType()));
    if (!e.level().isBlank()) {
      facts.add("Level: " + e.level());
    }
    if (!e.numberText().isBlank()) {
      facts.add("Number: " + e.numberText());
    }
    facts.add("Certainty: " + (e.certainty().isBlank() ? "not stated" : e.certainty()));
    if (!e.reason().isBlank()) {
      facts.add("Reason: " + e.reason());
    }
    c.paragraph(String.join("  \u00b7  ", facts), s.small(), 13);
    c.gap(3);
    quote(ev);
    c.gap(9);
  }

  /** The evidence sentence with its citation number, and the source it comes from. */
  private void quote(Evidence ev) throws IOException {
    float top = c.y();
    var page = c.page();
    c.paragraph("\u201c" + ev.sentence() + "\u201d " + citations.marker(ev), s.quote(), 22);
    c.paragraph(citations.full(ev), s.muted(), 22);
    if (c.page() == page) { // a bar beside the quote; skipped when it ran onto the next page
      c.fillRect(PdfCanvas.LEFT + 13, c.y() + 2, 2, top - c.y() - 2, BriefStyles.QUOTE_BAR);
    }
  }

  void evidenceByType() throws IOException {
    sections.heading(Section.EVIDENCE_BY_TYPE.title(), false);
    Map<String, List<Evidence>> byType = new LinkedHashMap<>();
    data.evidence().stream()
        .filter(e -> e.kind() == MentionKind.SANCTION)
        .sorted(Comparator.comparingInt((Evidence e) -> palette.rank(e.key())).thenComparing(Evidence::key))
        .forEach(e -> byType.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
    if (byType.isEmpty()) {
      c.paragraph("No evidence for sanction types in this period.", s.body(), 0);
      return;
    }
    for (Map.Entry<String, List<Evidence>> type : byType.entrySet()) {
      sections.subheading(Labels.of(type.getKey()) + " (" + type.getValue().size() + ")");
      for (Evidence ev : type.getValue().stream().sorted(Evidence.CITATION_ORDER).toList()) {
        quote(ev);
        c.gap(6);
      }
    }
  }

  void evidenceIndex() throws IOException {
    sections.heading(Section.EVIDENCE_INDEX.title(), false);
    if (data.evidence().isEmpty()) {
      c.paragraph("No evidence is cited in this brief.", s.body(), 0);
      return;
    }
    c.paragraph("Every cited sentence, by number: date, source, evidence id, article title and link.", s.muted(), 0);
    c.gap(6);
    for (Evidence ev : data.evidence()) {
      c.ensure(s.small().leading() * 3);
      String who = ev.publisher().isBlank() ? ev.corpus()
          : ev.publisher().equalsIgnoreCase(ev.corpus()) ? ev.publisher() : ev.publisher() + " (" + ev.corpus() + ")";
      float top = c.y();
      c.drawText(citations.marker(ev), s.tableHeader(), PdfCanvas.LEFT, top - s.small().size());
      c.paragraph(BriefText.isoDate(ev.published()) + "  \u00b7  " + who + "  \u00b7  " + Labels.of(ev.key())
          + "  \u00b7  id " + ev.id(), s.small(), 30);
      c.paragraph(ev.title().isBlank() ? "(untitled)" : ev.title(), new TextStyle(s.bold().font(), 9.6f, BriefStyles.INK, 13), 30,
          c.contentWidth() - 30);
      if (ev.url() != null) {
        PdfCanvas.link(c.paragraph(ev.url(), s.link(), 30), ev.url());
      } else {
        c.paragraph("no link", s.muted(), 30);
      }
      c.gap(6);
    }
  }
}
