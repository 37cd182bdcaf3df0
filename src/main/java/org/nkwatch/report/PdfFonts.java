package org.nkwatch.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The regular and bold fonts of one PDF, with a sanitiser and a line wrapper for each. TrueType fonts are
 * loaded as Type 0 fonts so that only the glyphs used are embedded; without any TrueType font, Standard 14
 * Helvetica is used (not embedded, WinAnsi characters only).
 */
final class PdfFonts {
  final PDFont regular;
  final PDFont bold;
  final boolean embedded;
  final String description;
  private final Map<PDFont, TextSanitizer> sanitizers = new IdentityHashMap<>();
  private final Map<PDFont, LineWrapper> wrappers = new IdentityHashMap<>();

  private PdfFonts(PDFont regular, PDFont bold, boolean embedded, String description) {
    this.regular = regular;
    this.bold = bold;
    this.embedded = embedded;
    this.description = description;
    for (PDFont f : new PDFont[] {regular, bold}) {
      sanitizers.put(f, new TextSanitizer(cp -> canShow(f, cp)));
      wrappers.put(f, new LineWrapper(s -> width(f, s)));
    }
  }

  static PdfFonts load(PDDocument doc, Fonts fonts) {
    if (fonts.regularFile().isPresent()) {
      try {
        PDFont regular = PDType0Font.load(doc, fonts.regularFile().get().toFile());
        Path boldFile = fonts.boldFile().orElse(fonts.regularFile().get());
        PDFont bold = boldFile.equals(fonts.regularFile().get()) ? regular : PDType0Font.load(doc, boldFile.toFile());
        return new PdfFonts(regular, bold, true, fonts.describe());
      } catch (IOException | RuntimeException e) {
        // a font that cannot be embedded (licence bits, broken file) must not lose the brief
        System.err.println("nkwatch: cannot embed " + fonts.regularFile().get() + " (" + e + "); using Helvetica");
      }
    }
    return new PdfFonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
        new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), false, Fonts.none().describe());
  }

  /** Text safe to draw in {@code font}, whitespace collapsed. */
  String clean(PDFont font, String text) {
    return sanitizers.get(font).cleanLine(text);
  }

  LineWrapper wrapper(PDFont font) {
    return wrappers.get(font);
  }

  /** Width in points of already-clean text. */
  float width(PDFont font, float size, String clean) {
    return (float) (wrappers.get(font).width(clean) * size / 1000.0);
  }

  private static double width(PDFont font, String s) {
    try {
      return font.getStringWidth(s);
    } catch (IOException | RuntimeException e) {
      return 500; // never reached for sanitised text; a plausible width keeps the layout going
    }
  }

  private static boolean canShow(PDFont font, int cp) {
    String s = new String(Character.toChars(cp));
    try {
      font.encode(s);
      return font.getStringWidth(s) >= 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
