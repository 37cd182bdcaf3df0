package org.nkwatch.corpus;

import java.util.List;
import java.util.regex.Pattern;

/** Recognises lines of site furniture ("Back To Top", "Share", "Copyright ... All rights reserved"). */
final class FurnitureFilter {
  /** Furniture is short: longer lines are text without looking. */
  static final int MAX_FURNITURE_CHARS = 200;

  private final List<Pattern> patterns;

  FurnitureFilter(List<String> regexes) {
    // one alternation, one matcher per line instead of one per pattern; patterns that refer back to their own
    // groups keep a matcher each, since the alternation would renumber the groups
    boolean backReferences = regexes.stream().anyMatch(r -> r.matches("(?s).*\\\\(?:[1-9]|k<).*"));
    List<String> alternatives = backReferences || regexes.isEmpty() ? regexes
        : List.of(String.join("|", regexes.stream().map(r -> "(?:" + r + ")").toList()));
    this.patterns = alternatives.stream()
        .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
        .toList();
  }

  /** Whether the whole line (trimmed) is furniture; a blank line is not. */
  boolean isFurniture(String line) {
    String l = line.strip();
    if (l.isEmpty() || l.length() > MAX_FURNITURE_CHARS) {
      return false;
    }
    for (Pattern p : patterns) {
      if (p.matcher(l).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Runs of two or more spaces, and bars or bullets, between the items of a line of links (compiled once). */
  static final Pattern PARTS = Pattern.compile("\\s{2,}|\\s*[|·•]\\s*");

  /**
   * Whether {@link #PARTS} matches anywhere in {@code t}: a separator character, or two blanks in a row (as
   * {@code \s}). Checked by hand first: most lines have none, and splitting them cost as much as the rest.
   */
  static boolean hasPartSeparator(String t) {
    boolean previousBlank = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '|' || c == '\u00b7' || c == '\u2022') {
        return true;
      }
      boolean blank = c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
      if (blank && previousBlank) {
        return true;
      }
      previousBlank = blank;
    }
    return false;
  }

  /** Whether the line is furniture once split on runs of two or more spaces ("Share  Print"). */
  boolean isFurnitureOrEmpty(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return true;
    }
    if (t.length() > MAX_FURNITURE_CHARS) {
      return false;
    }
    if (isFurniture(t)) {
      return true;
    }
    if (!hasPartSeparator(t)) {
      return false; // the line itself, just found not to be furniture
    }
    String[] parts = PARTS.split(t);
    for (String part : parts) {
      if (!part.isBlank() && !isFurniture(part)) {
        return false;
      }
    }
    return true;
  }
}
