package org.nkwatch.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Writes the PDF brief: A4 portrait, a cover, the sections of the definition in its order, bookmarks per
 * section, "Page N of M" footers, document information, and a document ID taken from the inputs, so that
 * the same inputs give the same bytes (PDFBox would otherwise add an ID made from the clock).
 */
public final class BriefWriter {
  private final Fonts fonts;

  public BriefWriter(Fonts fonts) {
    this.fonts = fonts;
  }

  /**
   * @param charts     the charts, in the order they appear
   * @param findings   the key findings sentences
   * @param renderedAt the creation date written into the PDF (the caller honours SOURCE_DATE_EPOCH)
   * @param documentId 16 or more bytes identifying the inputs; the trailer /ID of the PDF
   */
  public void write(BriefData data, BriefDefinition def, List<RenderedChart> charts, List<String> findings,
      Instant renderedAt, byte[] documentId, Path pdf) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PdfFonts pdfFonts = PdfFonts.load(doc, fonts);
      BriefStyles styles = BriefStyles.of(pdfFonts);
      OutlineBuilder outline = new OutlineBuilder();
      Palette palette = Reporter.paletteFor(data);
      try (PdfCanvas canvas = new PdfCanvas(doc, pdfFonts)) {
        CoverPage.draw(canvas, styles, data, renderedAt);
        outline.section("Cover", doc.getPage(0), PdfCanvas.PAGE.getHeight() - 12);
        canvas.newPage();
        SectionWriter sections = new SectionWriter(doc, canvas, styles, outline, data, def);
        EvidenceSections evidence = new EvidenceSections(canvas, styles, sections, data, palette);
        for (Section section : def.sections()) {
          switch (section) {
            case KEY_FIGURES -> sections.keyFigures();
            case KEY_FINDINGS -> sections.findings(findings);
            case CHARTS -> sections.charts(charts);
            case TOP_PEOPLE -> sections.entityTable(section, data.topPeople());
            case TOP_ORGANIZATIONS -> sections.entityTable(section, data.topOrganizations());
            case TOP_PLACES -> sections.entityTable(section, data.topPlaces());
            case SANCTIONS -> evidence.sanctions();
            case EVIDENCE_BY_TYPE -> evidence.evidenceByType();
            case EVIDENCE_INDEX -> evidence.evidenceIndex();
            case APPENDIX -> sections.appendix(fontSummary(pdfFonts));
          }
        }
      }
      removeEmptyTrailingPage(doc);
      footers(doc, pdfFonts, styles, data);
      outline.install(doc);
      info(doc, data, def, renderedAt);
      COSArray id = new COSArray();
      id.add(new COSString(documentId));
      id.add(new COSString(documentId));
      doc.getDocument().getTrailer().setItem(COSName.ID, id);
      Path tmp = pdf.resolveSibling(pdf.getFileName() + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        doc.save(out);
      }
      Files.move(tmp, pdf, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private String fontSummary(PdfFonts pdfFonts) {
    if (!pdfFonts.embedded) {
      return "Helvetica (no TrueType font was found; characters outside Western European text print as '?')";
    }
    String regular = fonts.regularFile().map(p -> p.getFileName().toString()).orElse("?");
    String bold = fonts.boldFile().map(p -> p.getFileName().toString()).orElse(regular);
    return regular + (bold.equals(regular) ? "" : " and " + bold) + ", embedded as subsets"
        + (fonts.hasHangul() ? "" : " (no Hangul glyphs: Korean names print as a dash)");
  }

  /** A section list ending on a fresh page would leave it blank; PDFs should not end on a blank page. */
  private static void removeEmptyTrailingPage(PDDocument doc) throws IOException {
    int last = doc.getNumberOfPages() - 1;
    if (last > 0) {
      PDPage page = doc.getPage(last);
      try (var in = page.getContents()) {
        if (in == null || in.readAllBytes().length == 0) {
          doc.removePage(last);
        }
      }
    }
  }

  private static void footers(PDDocument doc, PdfFonts f, BriefStyles s, BriefData data) throws IOException {
    int total = doc.getNumberOfPages();
    TextStyle footer = s.muted();
    String left = f.clean(footer.font(), "nkwatch \u00b7 " + data.title()
        + data.period().map(p -> " \u00b7 " + BriefText.period(p)).orElse(""));
    double maxLeft = (PdfCanvas.PAGE.getWidth() - PdfCanvas.LEFT - PdfCanvas.RIGHT - 90) * 1000.0 / footer.size();
    String leftFitted = f.wrapper(footer.font()).wrap(left, maxLeft).stream().findFirst().orElse("");
    for (int i = 0; i < total; i++) {
      PDPage page = doc.getPage(i);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        float y = PdfCanvas.BOTTOM - 30;
        cs.setStrokingColor(BriefStyles.RULE);
        cs.setLineWidth(0.5f);
        cs.moveTo(PdfCanvas.LEFT, y + 12);
        cs.lineTo(PdfCanvas.PAGE.getWidth() - PdfCanvas.RIGHT, y + 12);
        cs.stroke();
        String pageText = "Page " + (i + 1) + " of " + total;
        float w = f.width(footer.font(), footer.size(), pageText);
        text(cs, footer, leftFitted, PdfCanvas.LEFT, y);
        text(cs, footer, pageText, PdfCanvas.PAGE.getWidth() - PdfCanvas.RIGHT - w, y);
      }
    }
  }

  private static void text(PDPageContentStream cs, TextStyle style, String clean, float x, float y) throws IOException {
    cs.beginText();
    cs.setFont(style.font(), style.size());
    cs.setNonStrokingColor(style.colour());
    cs.newLineAtOffset(x, y);
    cs.showText(clean);
    cs.endText();
  }

  private static void info(PDDocument doc, BriefData data, BriefDefinition def, Instant renderedAt) {
    PDDocumentInformation info = doc.getDocumentInformation();
    String period = data.period().map(BriefText::period).orElse("undated");
    info.setTitle(data.title() + " \u2014 " + period);
    info.setSubject("nkwatch brief '" + def.name() + "': entities, themes and sanctions in "
        + BriefText.corporaSummary(data) + ", " + period);
    Set<String> keywords = new LinkedHashSet<>(List.of("North Korea", "DPRK", "sanctions", "nkwatch", def.name()));
    data.sanctionEvents().forEach(e -> keywords.add(Labels.inSentence(e.sanctionType())));
    data.sanctionTypesByCorpus().forEach(t -> keywords.add(Labels.inSentence(t.series())));
    data.corpora().forEach(ci -> keywords.add(ci.name()));
    info.setKeywords(String.join(", ", keywords));
    info.setAuthor("nkwatch");
    info.setCreator("nkwatch");
    info.setProducer("nkwatch with Apache PDFBox");
    Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    when.setTimeInMillis(renderedAt.toEpochMilli());
    info.setCreationDate(when);
    info.setModificationDate(when);
  }
}
