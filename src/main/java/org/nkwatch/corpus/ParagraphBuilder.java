package org.nkwatch.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the body lines of an article into paragraphs. Blocks are separated by blank lines; inside a block
 * each line is a paragraph (scraped text puts one paragraph per line), unless the block is hard-wrapped
 * prose (short lines that do not end sentences), whose lines are joined. A paragraph repeated inside the
 * article (a photo caption printed twice) is kept once; short repeated lines ("Comrades," in a speech)
 * are kept, they are the text's own. A trailing KCNA end mark "-0-" is dropped.
 */
final class ParagraphBuilder {
  /** Paragraphs of at least this many words are kept once. */
  static final int MIN_WORDS_TO_DEDUPLICATE = 8;
  private static final int WRAP_MIN = 30;
  private static final int WRAP_MAX = 100;

  private ParagraphBuilder() {
  }

  /** @param lines body lines (normalised), blank lines separating blocks */
  static List<String> paragraphs(List<String> lines) {
    List<String> paragraphs = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        flush(block, paragraphs);
      } else {
        block.add(line.strip());
      }
    }
    flush(block, paragraphs);
    dropEndMark(paragraphs);
    return deduplicate(paragraphs);
  }

  private static void flush(List<String> block, List<String> out) {
    if (block.isEmpty()) {
      return;
    }
    if (hardWrapped(block)) {
      out.add(String.join(" ", block));
    } else {
      out.addAll(block);
    }
    block.clear();
  }

  /** Three or more lines of similar, moderate length, most of which stop mid-sentence. */
  static boolean hardWrapped(List<String> block) {
    if (block.size() < 3) {
      return false;
    }
    int midSentence = 0;
    for (int i = 0; i < block.size() - 1; i++) {
      String line = block.get(i);
      if (line.length() < WRAP_MIN || line.length() > WRAP_MAX) {
        return false;
      }
      char last = line.charAt(line.length() - 1);
      if (".!?:\"'".indexOf(last) < 0) {
        midSentence++;
      }
    }
    return midSentence * 10 >= (block.size() - 1) * 7;
  }

  private static void dropEndMark(List<String> paragraphs) {
    if (paragraphs.isEmpty()) {
      return;
    }
    int last = paragraphs.size() - 1;
    String p = paragraphs.get(last);
    if (p.endsWith("-0-")) {
      String stripped = p.substring(0, p.length() - 3).strip();
      if (stripped.isEmpty()) {
        paragraphs.remove(last);
      } else {
        paragraphs.set(last, stripped);
      }
    }
  }

  /** Whether the paragraph has at least {@code min} space-separated words (counting stops there). */
  private static boolean hasWords(String paragraph, int min) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < paragraph.length(); i++) {
      boolean space = paragraph.charAt(i) == ' ';
      if (!space && !inWord && ++words >= min) {
        return true;
      }
      inWord = !space;
    }
    return false;
  }

  private static List<String> deduplicate(List<String> paragraphs) {
    Set<String> seen = new HashSet<>();
    List<String> kept = new ArrayList<>(paragraphs.size());
    for (String p : paragraphs) {
      if (hasWords(p, MIN_WORDS_TO_DEDUPLICATE) && !seen.add(p.toLowerCase(Locale.ROOT))) {
        continue;
      }
      kept.add(p);
    }
    return kept;
  }
}
