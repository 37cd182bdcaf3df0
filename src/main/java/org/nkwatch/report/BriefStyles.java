package org.nkwatch.report;

import java.awt.Color;

/** The type scale and colours of the brief, in one place. */
record BriefStyles(TextStyle title, TextStyle h1, TextStyle h2, TextStyle body, TextStyle bold, TextStyle small,
    TextStyle muted, TextStyle quote, TextStyle link, TextStyle tableHeader, TextStyle tableBody,
    TextStyle figureNumber, TextStyle label) {

  static final Color NAVY = new Color(0x1F3A5F);
  static final Color INK = new Color(0x1B2631);
  static final Color MUTED = new Color(0x5D6D7E);
  static final Color LINK = new Color(0x1F5FA8);
  static final Color ACCENT = new Color(0xB03A2E);
  static final Color CARD = new Color(0xF2F4F7);
  static final Color RULE = new Color(0xC9D1DA);
  static final Color QUOTE_BAR = new Color(0xD5DCE4);

  static BriefStyles of(PdfFonts f) {
    return new BriefStyles(
        new TextStyle(f.bold, 26, Color.WHITE, 32),
        new TextStyle(f.bold, 15, NAVY, 20),
        new TextStyle(f.bold, 11.5f, NAVY, 16),
        new TextStyle(f.regular, 10, INK, 14.2f),
        new TextStyle(f.bold, 10.5f, INK, 14.5f),
        new TextStyle(f.regular, 8.8f, INK, 12),
        new TextStyle(f.regular, 8.8f, MUTED, 12),
        new TextStyle(f.regular, 9.6f, new Color(0x2C3E50), 13.4f),
        new TextStyle(f.regular, 8.8f, LINK, 12),
        new TextStyle(f.bold, 8.8f, INK, 11.5f),
        new TextStyle(f.regular, 8.8f, INK, 11.5f),
        new TextStyle(f.bold, 9.5f, NAVY, 13),
        new TextStyle(f.bold, 8, MUTED, 11));
  }
}
