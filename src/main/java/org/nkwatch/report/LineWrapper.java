package org.nkwatch.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Greedy line breaking at spaces. A word wider than the line (a URL, a 10,000-character token) is cut
 * between characters, so nothing ever runs past the margin and every line holds at least one character.
 */
final class LineWrapper {
  private final ToDoubleFunction<String> widthOf;
  private final Map<Integer, Double> charWidths = new HashMap<>();

  /** @param widthOf the width of a string as drawn (for PDFBox: font.getStringWidth(s) / 1000 * size) */
  LineWrapper(ToDoubleFunction<String> widthOf) {
    this.widthOf = widthOf;
  }

  double width(String s) {
    double w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      w += charWidth(cp);
    }
    return w;
  }

  /** Lines of at most {@code maxWidth}; an empty text gives no lines. Text must already be sanitised. */
  List<String> wrap(String text, double maxWidth) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    double lineWidth = 0;
    double space = charWidth(' ');
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      double w = width(word);
      double needed = line.length() == 0 ? w : lineWidth + space + w;
      if (needed <= maxWidth) {
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
        lineWidth = needed;
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
        lineWidth = 0;
      }
      if (w <= maxWidth) {
        line.append(word);
        lineWidth = w;
      } else {
        List<String> pieces = cut(word, maxWidth);
        lines.addAll(pieces.subList(0, pieces.size() - 1));
        String last = pieces.get(pieces.size() - 1);
        line.append(last);
        lineWidth = width(last);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private List<String> cut(String word, double maxWidth) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    double w = 0;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      double cw = charWidth(cp);
      if (piece.length() > 0 && w + cw > maxWidth) {
        pieces.add(piece.toString());
        piece.setLength(0);
        w = 0;
      }
      piece.appendCodePoint(cp);
      w += cw;
    }
    pieces.add(piece.toString());
    return pieces;
  }

  private double charWidth(int cp) {
    return charWidths.computeIfAbsent(cp, c -> widthOf.applyAsDouble(new String(Character.toChars(c))));
  }
}
