package org.nkwatch.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A cue phrase from the taxonomy, as stems: "sent ... to a farm" matches "sent the officials to a farm".
 * {@code ...} allows a gap of up to {@link #MAX_GAP} words.
 */
public record CuePattern(String phrase, List<String> stems) {
  public static final String GAP = "...";
  public static final int MAX_GAP = 4;
  /**
   * Words a cue reads through ("was not dismissed", "were reportedly executed"), as stems, so that a cue
   * written with its auxiliary still matches and the context rules then see the negation or hedge.
   */
  static final java.util.Set<String> TRANSPARENT = java.util.Set.of("not", "n't", "never", "report", "alleg",
      "also", "later", "recent", "then", "all", "immedi", "subsequ", "quiet");

  public CuePattern {
    stems = List.copyOf(stems);
  }

  public static CuePattern parse(String phrase, UnaryOperator<String> stemmer) {
    List<String> stems = new ArrayList<>();
    for (String word : phrase.trim().split("\\s+")) {
      if (word.equals(GAP)) {
        if (!stems.isEmpty() && !stems.get(stems.size() - 1).equals(GAP)) {
          stems.add(GAP);
        }
        continue;
      }
      String cleaned = word.replaceAll("^[\\p{Punct}&&[^-]]+|[\\p{Punct}&&[^-]]+$", "");
      if (!cleaned.isEmpty()) {
        stems.add(stemmer.apply(cleaned));
      }
    }
    while (!stems.isEmpty() && stems.get(stems.size() - 1).equals(GAP)) {
      stems.remove(stems.size() - 1);
    }
    if (stems.isEmpty()) {
      throw new IllegalArgumentException("cue '" + phrase + "' has no words");
    }
    return new CuePattern(phrase, stems);
  }

  public String first() {
    return stems.get(0);
  }

  /**
   * Matches at word position {@code from} of {@code words}; returns the position after the match or -1.
   */
  public int matchAt(List<String> words, int from) {
    return match(words, from, 0);
  }

  private int match(List<String> words, int at, int element) {
    if (element == stems.size()) {
      return at;
    }
    String stem = stems.get(element);
    if (stem.equals(GAP)) {
      for (int skip = 0; skip <= MAX_GAP && at + skip <= words.size(); skip++) {
        int end = match(words, at + skip, element + 1);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    if (at >= words.size()) {
      return -1;
    }
    if (!words.get(at).equals(stem)) {
      boolean inside = element > 0 && !stems.get(element - 1).equals(GAP);
      return inside && TRANSPARENT.contains(words.get(at)) ? match(words, at + 1, element) : -1;
    }
    return match(words, at + 1, element + 1);
  }
}
