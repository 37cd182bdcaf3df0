package org.nkwatch.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** Collects bookmarks while the brief is laid out (sections at level 1, their parts at level 2). */
final class OutlineBuilder {
  private record Mark(String title, PDPage page, float top, int level) {
  }

  private final List<Mark> marks = new ArrayList<>();

  void section(String title, PDPage page, float top) {
    marks.add(new Mark(title, page, top, 1));
  }

  void part(String title, PDPage page, float top) {
    marks.add(new Mark(title, page, top, 2));
  }

  void install(PDDocument doc) {
    PDDocumentOutline outline = new PDDocumentOutline();
    PDOutlineItem parent = null;
    for (Mark m : marks) {
      PDOutlineItem item = new PDOutlineItem();
      item.setTitle(m.title());
      PDPageXYZDestination dest = new PDPageXYZDestination();
      dest.setPage(m.page());
      dest.setLeft(0);
      dest.setTop(Math.round(m.top() + 12));
      item.setDestination(dest);
      if (m.level() == 2 && parent != null) {
        parent.addLast(item);
      } else {
        outline.addLast(item);
        parent = item;
      }
    }
    outline.openNode();
    doc.getDocumentCatalog().setDocumentOutline(outline);
    doc.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
  }
}
