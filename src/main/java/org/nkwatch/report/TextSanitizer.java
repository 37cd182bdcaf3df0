package org.nkwatch.report;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Makes any string safe to draw in one font: whitespace becomes a space, control and format characters
 * (bidi marks, zero-width joiners, BOM, soft hyphens) and emoji variation selectors are removed, and every
 * character the font cannot show (unpaired surrogates, noncharacters like U+FFFF, emoji, scripts the font
 * lacks) becomes '?'. Text from corpora is untrusted, and one bad character must never lose the brief.
 *
 * <p>Right-to-left text is kept in logical order: it is drawn left to right, readable letter by letter
 * but not shaped (PDFBox does no bidi layout).
 */
final class TextSanitizer {
  static final char REPLACEMENT = '?';

  private final IntPredicate canShow;
  private final Map<Integer, Boolean> cache = new HashMap<>();

  /** @param canShow whether the font has a glyph for a code point; may throw, which counts as "no" */
  TextSanitizer(IntPredicate canShow) {
    this.canShow = canShow;
  }

  String clean(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        out.append(' ');
      } else if (isInvisible(cp)) {
        // dropped: they carry no visible text
      } else if (isNeverDrawable(cp) || !shows(cp)) {
        out.append(REPLACEMENT);
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /** {@link #clean} with runs of spaces collapsed and ends trimmed: for running text and table cells. */
  String cleanLine(String text) {
    return clean(text).replaceAll(" {2,}", " ").strip();
  }

  private boolean shows(int cp) {
    return cache.computeIfAbsent(cp, c -> {
      try {
        return canShow.test(c);
      } catch (RuntimeException e) {
        return false;
      }
    });
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return Character.isISOControl(cp)
        || type == Character.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors (emoji presentation)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  private static boolean isNeverDrawable(int cp) {
    int type = Character.getType(cp);
    return type == Character.SURROGATE
        || type == Character.UNASSIGNED // includes noncharacters such as U+FFFE and U+FFFF
        || type == Character.PRIVATE_USE;
  }
}
