package org.nkwatch.report;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;

/**
 * A cursor that flows text, rules and images down A4 pages, starting a new page when the next piece does
 * not fit. Coordinates are PDF points from the bottom left; {@link #y()} is the top of the free space.
 */
final class PdfCanvas implements Closeable {
  static final PDRectangle PAGE = PDRectangle.A4;
  static final float LEFT = 56;
  static final float RIGHT = 56;
  static final float TOP = 62;
  static final float BOTTOM = 64;

  /** A line as placed, for link annotations over it. */
  record Placed(PDPage page, float x, float baseline, float width, float size) {
  }

  private final PDDocument doc;
  final PdfFonts fonts;
  private PDPage page;
  private PDPageContentStream cs;
  private float y;

  PdfCanvas(PDDocument doc, PdfFonts fonts) {
    this.doc = doc;
    this.fonts = fonts;
  }

  float contentWidth() {
    return PAGE.getWidth() - LEFT - RIGHT;
  }

  float y() {
    return y;
  }

  PDPage page() {
    return page;
  }

  PDPageContentStream stream() {
    return cs;
  }

  void newPage() throws IOException {
    closeStream();
    page = new PDPage(PAGE);
    doc.addPage(page);
    cs = new PDPageContentStream(doc, page);
    y = PAGE.getHeight() - TOP;
  }

  /** Starts a new page unless {@code height} points still fit on this one. */
  void ensure(float height) throws IOException {
    if (page == null || y - height < BOTTOM) {
      newPage();
    }
  }

  /** Whether nothing has been drawn on the current page yet. */
  boolean atTopOfPage() {
    return page != null && y == PAGE.getHeight() - TOP;
  }

  void gap(float height) {
    y -= height;
  }

  /** Moves the cursor to {@code newY} (used after drawing at fixed positions, e.g. on the cover). */
  void moveTo(float newY) {
    y = newY;
  }

  /** Wraps {@code text} to the content width less {@code indent} and draws it, line by line across pages. */
  List<Placed> paragraph(String text, TextStyle style, float indent) throws IOException {
    return paragraph(text, style, indent, contentWidth() - indent);
  }

  List<Placed> paragraph(String text, TextStyle style, float indent, float width) throws IOException {
    List<Placed> placed = new ArrayList<>();
    for (String line : wrap(text, style, width)) {
      ensure(style.leading());
      float baseline = y - style.size();
      drawText(line, style, LEFT + indent, baseline);
      placed.add(new Placed(page, LEFT + indent, baseline, fonts.width(style.font(), style.size(), line), style.size()));
      y -= style.leading();
    }
    return placed;
  }

  /** Sanitised lines of at most {@code width} points. */
  List<String> wrap(String text, TextStyle style, float width) {
    String clean = fonts.clean(style.font(), text);
    double unitsWide = width * 1000.0 / style.size();
    return fonts.wrapper(style.font()).wrap(clean, unitsWide);
  }

  float width(String clean, TextStyle style) {
    return fonts.width(style.font(), style.size(), clean);
  }

  /** Draws one already-wrapped line at a fixed position; the text is sanitised again (cheap, cached). */
  void drawText(String text, TextStyle style, float x, float baseline) throws IOException {
    String clean = fonts.clean(style.font(), text);
    if (clean.isEmpty()) {
      return;
    }
    cs.beginText();
    cs.setFont(style.font(), style.size());
    cs.setNonStrokingColor(style.colour());
    cs.newLineAtOffset(x, baseline);
    cs.showText(clean);
    cs.endText();
  }

  void fillRect(float x, float yBottom, float w, float h, Color colour) throws IOException {
    cs.setNonStrokingColor(colour);
    cs.addRect(x, yBottom, w, h);
    cs.fill();
  }

  /** A horizontal rule across the content width at the cursor. */
  void rule(Color colour, float thickness) throws IOException {
    cs.setStrokingColor(colour);
    cs.setLineWidth(thickness);
    cs.moveTo(LEFT, y);
    cs.lineTo(LEFT + contentWidth(), y);
    cs.stroke();
  }

  void image(PDImageXObject img, float width, float height) throws IOException {
    ensure(height);
    cs.drawImage(img, LEFT, y - height, width, height);
    y -= height;
  }

  /** A clickable link over placed lines; only http(s) and mailto targets, never script or file URIs. */
  static void link(List<Placed> lines, String url) throws IOException {
    if (url == null || !url.matches("(?i)(https?://|mailto:)\\S+")) {
      return;
    }
    for (Placed p : lines) {
      PDAnnotationLink link = new PDAnnotationLink();
      link.setRectangle(new PDRectangle(p.x(), p.baseline() - p.size() * 0.25f, p.width(), p.size() * 1.2f));
      PDBorderStyleDictionary border = new PDBorderStyleDictionary();
      border.setWidth(0);
      link.setBorderStyle(border);
      PDActionURI action = new PDActionURI();
      action.setURI(url);
      link.setAction(action);
      p.page().getAnnotations().add(link);
    }
  }

  /** Draws text centred or right-aligned in a box; used by tables and figures. */
  void drawAligned(String clean, TextStyle style, float x, float width, float baseline, boolean right)
      throws IOException {
    float w = width(clean, style);
    drawText(clean, style, right ? x + width - w : x, baseline);
  }

  private void closeStream() throws IOException {
    if (cs != null) {
      cs.close();
      cs = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeStream();
  }
}
