package org.nkwatch.corpus;

import java.text.Normalizer;

/**
 * Character-level normalisation of article text, the form annotation and evidence offsets refer to:
 * Unicode NFKC (non-breaking and full-width spaces become spaces, ligatures letters, "…" three dots),
 * curly quotes and apostrophes made straight (’ to ', “ ” to "), dashes kept, control, format and
 * zero-width characters removed (line breaks kept), spaces collapsed and trimmed within each line.
 */
public final class TextNormalizer {
  private TextNormalizer() {
  }

  /** Normalises {@code raw}; lines stay lines (CR LF and CR become LF), blank lines stay blank. */
  public static String normalize(String raw) {
    String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    boolean pendingSpace = false;
    int length = nfkc.length();
    for (int i = 0; i < length; ) {
      char ch = nfkc.charAt(i);
      if (ch >= '!' && ch <= '~') {
        // printable ASCII, most of any text: kept as it is, without the code point and category lookups
        if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          out.append(' ');
        }
        pendingSpace = false;
        out.append(ch);
        i++;
        continue;
      }
      int c = nfkc.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\r') {
        if (i < length && nfkc.charAt(i) == '\n') {
          i++;
        }
        c = '\n';
      }
      if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        trimTrailingSpace(out);
        out.append('\n');
        pendingSpace = false;
        continue;
      }
      int mapped = mapQuote(c);
      if (Character.isWhitespace(mapped) || Character.isSpaceChar(mapped)) {
        pendingSpace = true;
        continue;
      }
      if (dropped(mapped)) {
        continue;
      }
      if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append(' ');
      }
      pendingSpace = false;
      out.appendCodePoint(mapped);
    }
    trimTrailingSpace(out);
    return out.toString();
  }

  /** Normalises a one-line value (a title, a byline): line breaks become spaces. */
  public static String normalizeLine(String raw) {
    return normalize(raw).replace('\n', ' ').replaceAll(" {2,}", " ").strip();
  }

  private static int mapQuote(int c) {
    return switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC' -> '\'';
      case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> '"';
      default -> c;
    };
  }

  private static boolean dropped(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || c == '\uFFFD';
  }

  private static void trimTrailingSpace(StringBuilder out) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
  }
}
