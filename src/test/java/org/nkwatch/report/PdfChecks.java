package org.nkwatch.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reading a written brief back with PDFBox, for the tests. */
final class PdfChecks {
  private PdfChecks() {
  }

  static PDDocument load(Path pdf) throws IOException {
    return Loader.loadPDF(pdf.toFile());
  }

  /** The text with runs of whitespace collapsed, so that wrapped sentences can be found whole. */
  static String text(PDDocument doc) throws IOException {
    return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
  }

  static List<String> outlineTitles(PDDocument doc) {
    List<String> titles = new ArrayList<>();
    var outline = doc.getDocumentCatalog().getDocumentOutline();
    if (outline != null) {
      for (PDOutlineItem item : outline.children()) {
        titles.add(item.getTitle());
        for (PDOutlineItem child : item.children()) {
          titles.add("  " + child.getTitle());
        }
      }
    }
    return titles;
  }

  /** Fonts in any page's resources whose program is not embedded, as "page N: name". */
  static List<String> unembeddedFonts(PDDocument doc) throws IOException {
    List<String> out = new ArrayList<>();
    int n = 1;
    for (PDPage page : doc.getPages()) {
      PDResources res = page.getResources();
      for (COSName name : res.getFontNames()) {
        PDFont font = res.getFont(name);
        PDFontDescriptor fd = font instanceof PDType0Font t0
            ? t0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
        boolean embedded = fd != null && (fd.getFontFile2() != null || fd.getFontFile3() != null || fd.getFontFile() != null);
        if (!embedded) {
          out.add("page " + n + ": " + font.getName());
        }
      }
      n++;
    }
    return out;
  }

  /** The right edge of the rightmost glyph on any page, in points. */
  static float maxTextX(PDDocument doc) throws IOException {
    float[] max = {0};
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
        max[0] = Math.max(max[0], t.getXDirAdj() + t.getWidthDirAdj());
      }
    };
    stripper.getText(doc);
    return max[0];
  }

  static int imageCount(PDPage page) throws IOException {
    int count = 0;
    for (COSName name : page.getResources().getXObjectNames()) {
      if (page.getResources().isImageXObject(name)) {
        count++;
      }
    }
    return count;
  }
}
