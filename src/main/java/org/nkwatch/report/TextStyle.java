package org.nkwatch.report;

import java.awt.Color;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** A font, size, colour and line height for a run of text in the PDF. */
record TextStyle(PDFont font, float size, Color colour, float leading) {

  TextStyle(PDFont font, float size, Color colour) {
    this(font, size, colour, size * 1.38f);
  }

  TextStyle withColour(Color c) {
    return new TextStyle(font, size, c, leading);
  }
}
