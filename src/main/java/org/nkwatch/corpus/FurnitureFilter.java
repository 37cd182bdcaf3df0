package org.nkwatch.corpus;

import java.util.List;
import java.util.regex.Pattern;

/** Recognises lines of site furniture ("Back To Top", "Share", "Copyright ... All rights reserved"). */
final class FurnitureFilter {
  /** Furniture is short: longer lines are text without looking. */
  static final int MAX_FURNITURE_CHARS = 200;

  private final List<Pattern> patterns;

  FurnitureFilter(List<String> regexes) {
    this.patterns = regexes.stream()
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
  private static final Pattern PARTS = Pattern.compile("\\s{2,}|\\s*[|·•]\\s*");

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
    for (String part : PARTS.split(t)) {
      if (!part.isBlank() && !isFurniture(part)) {
        return false;
      }
    }
    return true;
  }
}
