package org.nkwatch.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Lays out the sections of a brief, one method per section, each starting with a bookmarked heading. */
final class SectionWriter {
  private final PDDocument doc;
  private final PdfCanvas c;
  private final BriefStyles s;
  private final OutlineBuilder outline;
  private final BriefData data;
  private final BriefDefinition def;

  SectionWriter(PDDocument doc, PdfCanvas c, BriefStyles s, OutlineBuilder outline, BriefData data,
      BriefDefinition def) {
    this.doc = doc;
    this.c = c;
    this.s = s;
    this.outline = outline;
    this.data = data;
    this.def = def;
  }

  void heading(String title, boolean newPage) throws IOException {
    if (newPage && !c.atTopOfPage()) {
      c.newPage();
    } else if (!c.atTopOfPage()) {
      c.ensure(110); // never a heading alone at the foot of a page
      if (!c.atTopOfPage()) {
        c.gap(14);
      }
    }
    outline.section(title, c.page(), c.y());
    c.paragraph(title, s.h1(), 0);
    c.gap(3);
    c.rule(BriefStyles.ACCENT, 1.2f);
    c.gap(10);
  }

  void subheading(String title) throws IOException {
    c.ensure(70);
    c.gap(6);
    outline.part(title, c.page(), c.y());
    c.paragraph(title, s.h2(), 0);
    c.gap(3);
  }

  void keyFigures() throws IOException {
    heading(Section.KEY_FIGURES.title(), false);
    KeyFigures k = data.keyFigures();
    String[][] cards = {
        {BriefText.number(k.articles()), "articles"},
        {BriefText.number(k.mentions()), "mentions of entities, themes and sanctions"},
        {BriefText.number(k.sanctionEvents()), "sanction events"},
        {BriefText.number(k.distinctPeople()), "people"},
        {BriefText.number(k.distinctOrganizations()), "organizations"},
        {BriefText.number(k.distinctPlaces()), "places"}};
    float gapX = 10;
    float w = (c.contentWidth() - 2 * gapX) / 3;
    float h = 62;
    TextStyle number = new TextStyle(c.fonts.bold, 21, BriefStyles.NAVY, 24);
    for (int row = 0; row < 2; row++) {
      c.ensure(h + 10);
      float top = c.y();
      for (int col = 0; col < 3; col++) {
        String[] card = cards[row * 3 + col];
        float x = PdfCanvas.LEFT + col * (w + gapX);
        c.fillRect(x, top - h, w, h, BriefStyles.CARD);
        c.fillRect(x, top - h, 3, h, BriefStyles.NAVY);
        c.drawText(card[0], number, x + 12, top - 28);
        List<String> label = c.wrap(card[1], s.muted(), w - 20);
        float baseline = top - 43;
        for (String line : label.subList(0, Math.min(2, label.size()))) {
          c.drawText(line, s.muted(), x + 12, baseline);
          baseline -= s.muted().leading() - 1;
        }
      }
      c.moveTo(top - h - 10);
    }
    c.paragraph(corpusLine(), s.muted(), 0);
    if (k.undatedArticles() > 0) {
      boolean one = k.undatedArticles() == 1;
      c.paragraph(BriefText.number(k.undatedArticles()) + (one ? " article" : " articles") + " of these corpora "
          + (one ? "has" : "have") + " no date, so " + (one ? "it is" : "they are") + " counted in no period's "
          + "figures or charts; " + (one ? "its" : "their") + " sanction events are listed after the period's, "
          + "marked undated.", s.muted(), 0);
    }
  }

  private String corpusLine() {
    long records = 0;
    long duplicates = 0;
    long rejects = 0;
    for (CorpusInfo ci : data.corpora()) {
      records += ci.records();
      duplicates += ci.duplicates();
      rejects += ci.rejects();
    }
    return "From " + BriefText.number(records) + " input records in " + BriefText.corporaSummary(data) + "; "
        + BriefText.number(duplicates) + " duplicates counted once, " + BriefText.number(rejects)
        + " rejected (see the appendix).";
  }

  void findings(List<String> findings) throws IOException {
    heading(Section.KEY_FINDINGS.title(), false);
    for (String f : findings) {
      bullet(f);
    }
  }

  void bullet(String text) throws IOException {
    List<String> lines = c.wrap(text, s.body(), c.contentWidth() - 16);
    c.ensure(s.body().leading() * Math.min(2, lines.size()));
    c.drawText("\u2022", new TextStyle(s.body().font(), s.body().size(), BriefStyles.ACCENT), PdfCanvas.LEFT + 3,
        c.y() - s.body().size());
    c.paragraph(text, s.body(), 16);
    c.gap(4);
  }

  void charts(List<RenderedChart> charts) throws IOException {
    heading(Section.CHARTS.title(), true);
    if (charts.isEmpty()) {
      c.paragraph("This brief has no charts.", s.body(), 0);
      return;
    }
    int n = 1;
    for (RenderedChart chart : charts) {
      float w = c.contentWidth();
      float h = w * chart.printImage().getHeight() / chart.printImage().getWidth();
      c.ensure(h + 40);
      outline.part("Figure " + n + ". " + chart.kind().title(), c.page(), c.y());
      c.paragraph("Figure " + n + ". " + chart.kind().title(), s.figureNumber(), 0);
      c.gap(4);
      PDImageXObject img = embedded(doc, chart);
      c.image(img, w, h);
      c.gap(6);
      c.paragraph(caption(chart.kind()), s.muted(), 0);
      c.gap(16);
      n++;
    }
  }

  private String caption(ChartKind kind) {
    String period = data.period().map(BriefText::period).orElse("undated articles");
    return switch (kind) {
      case TOP_PEOPLE, TOP_ORGANIZATIONS, TOP_PLACES -> "Mentions in " + period
          + (data.hasComparison() ? ", against the previous period (grey)." : ".") + " Top " + def.topN() + " at most.";
      case SANCTIONS_BY_CORPUS -> "Mentions of each sanction type per corpus, " + period + ". Colours are fixed per type.";
      case THEMES_OVER_TIME -> "Articles mentioning each theme, per " + data.grain().key() + data.period()
          .map(p -> ", over the " + Grain.TREND_PERIODS + " " + data.grain().key() + "s to " + BriefText.date(p.end())
              + " (" + BriefText.period(data.grain().trendWindow(p.end())) + ").")
          .orElse(": dated articles only.");
      case ORGANIZATIONS_BY_SANCTION -> "Sanction events whose target is each organization, by type, " + period
          + "; negated, denied and contradicted reports are not counted.";
    };
  }

  void entityTable(Section section, List<RankedEntity> entities) throws IOException {
    heading(section.title(), false);
    if (entities.isEmpty()) {
      c.paragraph("None were mentioned in this period.", s.body(), 0);
      return;
    }
    PdfTable t = new PdfTable(List.of(
        new PdfTable.Column("#", 0.35f, true), new PdfTable.Column("Name", 2.6f, false),
        new PdfTable.Column("Korean", 1.2f, false), new PdfTable.Column("Mentions", 0.9f, true),
        new PdfTable.Column("Articles", 0.8f, true),
        new PdfTable.Column(data.hasComparison() ? "Change vs previous" : "Change", 1.35f, true)));
    int rank = 1;
    for (RankedEntity e : entities.subList(0, Math.min(def.topN(), entities.size()))) {
      t.row(List.of(Integer.toString(rank++), e.name(), hangul(e.hangul()), BriefText.number(e.mentions()),
          BriefText.number(e.documents()), BriefText.change(e, data.hasComparison())));
    }
    t.draw(c, s.tableBody(), s.tableHeader());
  }

  /** Hangul as written, or a dash when the font cannot show it (rather than a row of '?'). */
  private String hangul(String text) {
    String clean = c.fonts.clean(c.fonts.regular, text);
    return clean.replace("?", "").isBlank() ? "\u2013" : clean;
  }

  void appendix(String fontDescription) throws IOException {
    heading(Section.APPENDIX.title(), true);
    AppendixInfo a = data.appendix();
    subheading("Inputs");
    if (a.inputs().isEmpty()) {
      c.paragraph("Not recorded.", s.body(), 0);
    }
    for (String input : a.inputs()) {
      bullet(input);
    }
    subheading("Records per corpus");
    PdfTable t = new PdfTable(List.of(
        new PdfTable.Column("Corpus", 1.1f, false), new PdfTable.Column("Publisher", 1.2f, false),
        new PdfTable.Column("Source type", 1.2f, false), new PdfTable.Column("Records", 0.8f, true),
        new PdfTable.Column("Articles", 0.8f, true), new PdfTable.Column("Duplicates", 0.85f, true),
        new PdfTable.Column("Rejects", 0.75f, true)));
    long[] sum = new long[4];
    for (CorpusInfo ci : data.corpora()) {
      t.row(List.of(ci.name(), ci.publisher(), Labels.of(ci.sourceType()), BriefText.number(ci.records()),
          BriefText.number(ci.articles()), BriefText.number(ci.duplicates()), BriefText.number(ci.rejects())));
      sum[0] += ci.records();
      sum[1] += ci.articles();
      sum[2] += ci.duplicates();
      sum[3] += ci.rejects();
    }
    t.totalRow(List.of("Total", "", "", BriefText.number(sum[0]), BriefText.number(sum[1]),
        BriefText.number(sum[2]), BriefText.number(sum[3])));
    t.draw(c, s.tableBody(), s.tableHeader());
    c.gap(4);
    c.paragraph("Every input record is an article, a duplicate or a reject; rejects are listed with their reason in "
        + "the rejects table.", s.muted(), 0);
    subheading("Versions");
    List<String> versions = new ArrayList<>();
    versions.add("Taxonomy: " + orNotRecorded(a.taxonomyVersion()));
    versions.add("Gazetteer: " + orNotRecorded(a.gazetteerVersion()));
    versions.add("Run: " + orNotRecorded(data.runId()) + ", data as of " + BriefText.time(data.generatedAt()));
    versions.add("Brief definition: reports/" + def.name() + ".yaml");
    versions.add("Typeface: " + fontDescription);
    for (String v : versions) {
      bullet(v);
    }
    subheading("Method");
    if (a.methodLines().isEmpty()) {
      c.paragraph("Not recorded.", s.body(), 0);
    }
    for (String line : a.methodLines()) {
      bullet(line);
    }
  }

  private static String orNotRecorded(String s) {
    return s.isBlank() ? "not recorded" : s;
  }

  /**
   * The chart as a lossless image of the PDF: encoded as PNG by ImageIO, whose compressed rows PDFBox copies
   * as they are. PDFBox's own encoder (LosslessFactory) chose a predictor row by row in Java and took a third
   * of a small run's report step.
   */
  private static PDImageXObject embedded(PDDocument doc, RenderedChart chart) throws IOException {
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    if (!javax.imageio.ImageIO.write(chart.printImage(), "png", png)) {
      return LosslessFactory.createFromImage(doc, chart.printImage());
    }
    return PDImageXObject.createFromByteArray(doc, png.toByteArray(), chart.kind().name());
  }
}
