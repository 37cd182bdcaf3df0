package org.nkwatch.corpus;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores paragraph breaks in text whose paragraphs were joined with commas, as in the KCNA 2011-2012
 * CSV export ({@code "...the Republic., ,  The message said:, ,  I extend..."}, {@code "...Kim Jong Il. ,
 * He was..."}, {@code "...servicepersons., Reflecting..."}, and a tail of {@code ", , , ,"}).
 *
 * <p>Applied only to text that shows the tell-tale separators: two commas with nothing but spaces or line
 * breaks between them (twice, or as the trailing tail), or, in text without line breaks, a space before
 * a comma. Early 2011 rows put carriage returns inside the separators ({@code ". , \r, \r,"}). A
 * period followed by {@code ", "} and a capital letter is a break unless the word before it is an
 * abbreviation ({@code U.S., Co., C.C.}).
 */
final class CommaJoinedParagraphs {
  /**
   * Two or more commas separated only by spaces or line breaks (widened in code to the blanks around
   * them). Written without a repeated group, whose matching recurses once per repetition (a line of
   * 10,000 ", " overflowed the stack), and without leading blanks, which a search rescans from every
   * position of a long blank run (10,000 blank lines took seconds).
   */
  private static final Pattern COMMA_RUN = Pattern.compile(",[ \n,]*,");
  /** A comma with a space before it, never ordinary punctuation: " +, *" (matched by hand). */
  static final String SPACED_COMMA = " +, *";
  /**
   * Sentence end, a comma, a capital letter, quote or bracket: "servicepersons., Reflecting" (matched by hand).
   */
  static final String PERIOD_COMMA = "([.!?][\"')]?), (?=[\\p{Lu}\"'(])";
  private static final Pattern HEAD = Pattern.compile("^[ ,\n]*,[ ,\n]*");
  private static final Set<String> ABBREVIATIONS = Set.of("co", "ltd", "inc", "corp", "jr", "sr", "st", "mr",
      "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "no", "nos", "vol", "etc", "jan", "feb", "mar", "apr",
      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "prof", "rev", "gov", "sen", "rep", "dept",
      "univ", "ave", "approx", "art", "para", "fig", "sra", "dra", "av", "gral", "cia");

  private CommaJoinedParagraphs() {
  }

  static boolean looksCommaJoined(String text) {
    if (commas(text, tailStart(text)) >= 2) {
      return true;                    // a tail of two or more commas: ", , , ,"
    }
    int count = commaRuns(text, 2).size();
    boolean oneLine = text.indexOf('\n') < 0;
    return count >= 2 || oneLine && (count == 1 || text.contains(" , "));
  }

  /** Rejoins as lines: one line per restored paragraph (callers then treat lines as paragraphs). */
  static String restore(String text) {
    int tail = tailStart(text);
    String s = commas(text, tail) > 0 ? text.substring(0, tail) : text;
    s = HEAD.matcher(s).replaceFirst("");
    s = replaceRuns(s);
    s = replaceSpacedCommas(s);
    s = replacePeriodCommas(s);
    return s.lines().map(String::strip).filter(l -> !l.isEmpty())
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  private static String replaceRuns(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    for (int[] run : commaRuns(s, Integer.MAX_VALUE)) {
      int start = run[0];
      int end = run[1];
      out.append(s, last, start);
      char before = start > 0 ? s.charAt(start - 1) : ' ';
      char after = end < s.length() ? s.charAt(end) : ' ';
      if (s.startsWith(",,", start)) {
        out.append(',');              // the text's own comma, then the separator: "Dear Comrade,, , I"
      }
      int newline = s.indexOf('\n', start);
      if (Character.isLetterOrDigit(before) && Character.isLowerCase(after) && (newline < 0 || newline >= end)) {
        out.append(' ');              // a break inside a sentence: keep it one paragraph
      } else {
        out.append('\n');
      }
      last = end;
    }
    out.append(s, last, s.length());
    return out.toString();
  }

  /** Up to {@code max} runs of {@link #COMMA_RUN}, each widened to the spaces and line breaks around it. */
  private static java.util.List<int[]> commaRuns(String s, int max) {
    java.util.List<int[]> runs = new java.util.ArrayList<>();
    Matcher m = COMMA_RUN.matcher(s);
    int from = 0;
    while (runs.size() < max && from <= s.length() && m.find(from)) {
      int start = m.start();
      while (start > from && blank(s.charAt(start - 1))) {
        start--;
      }
      int end = m.end();
      while (end < s.length() && blank(s.charAt(end))) {
        end++;
      }
      runs.add(new int[] {start, end});
      from = end;
    }
    return runs;
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\n';
  }

  /** Where the text's trailing run of spaces, commas and line breaks begins. */
  private static int tailStart(String s) {
    int i = s.length();
    while (i > 0 && (blank(s.charAt(i - 1)) || s.charAt(i - 1) == ',')) {
      i--;
    }
    return i;
  }

  private static int commas(String s, int from) {
    int n = 0;
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == ',') {
        n++;
      }
    }
    return n;
  }

  /** Replaces each {@link #SPACED_COMMA}: a comma within a sentence stays one, any other becomes a break. */
  static String replaceSpacedCommas(String s) {
    // by hand, not with the pattern: a search for " +, *" tries every space in the text
    StringBuilder out = null;
    int last = 0;
    for (int at = s.indexOf(" ,"); at >= 0; at = s.indexOf(" ,", last)) {
      int start = at;
      while (start > last && s.charAt(start - 1) == ' ') {
        start--;
      }
      int end = at + 2;
      while (end < s.length() && s.charAt(end) == ' ') {
        end++;
      }
      out = out != null ? out : new StringBuilder(s.length());
      out.append(s, last, start);
      char after = end < s.length() ? s.charAt(end) : ' ';
      out.append(Character.isLowerCase(after) ? ", " : "\n");
      last = end;
    }
    return out == null ? s : out.append(s, last, s.length()).toString();
  }

  /** Replaces each {@link #PERIOD_COMMA} with a break, unless the word before the full stop is an abbreviation. */
  static String replacePeriodCommas(String s) {
    // by hand, not with the pattern: a search for it tries every character of the text, and most texts have
    // few ", " after a sentence end
    StringBuilder out = null;
    int last = 0;
    for (int comma = s.indexOf(", "); comma >= 0; comma = s.indexOf(", ", comma + 1)) {
      if (comma + 2 >= s.length() || !startsParagraph(s.charAt(comma + 2))) {
        continue;
      }
      int start;      // of the sentence end: [.!?] and an optional closing quote or bracket
      if (comma - 2 >= last && isClosing(s.charAt(comma - 1)) && isSentenceEnd(s.charAt(comma - 2))) {
        start = comma - 2;
      } else if (comma - 1 >= last && isSentenceEnd(s.charAt(comma - 1))) {
        start = comma - 1;
      } else {
        continue;
      }
      int wordStart = start;
      while (wordStart > 0 && !Character.isWhitespace(s.charAt(wordStart - 1))) {
        wordStart--;
      }
      out = out != null ? out : new StringBuilder(s.length());
      out.append(s, last, comma);
      boolean abbreviation = s.charAt(start) == '.' && isAbbreviation(s.substring(wordStart, start));
      out.append(abbreviation ? ", " : "\n");
      last = comma + 2;
    }
    return out == null ? s : out.append(s, last, s.length()).toString();
  }

  private static boolean startsParagraph(char c) {
    return Character.getType(c) == Character.UPPERCASE_LETTER || c == '"' || c == '\'' || c == '(';
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '\'' || c == ')';
  }

  private static boolean isSentenceEnd(char c) {
    return c == '.' || c == '!' || c == '?';
  }

  static boolean isAbbreviation(String word) {
    String w = word.replaceAll("^[\"'(\\[]+", "");
    if (w.isEmpty()) {
      return false;
    }
    if (w.indexOf('.') >= 0) {
      return true;                    // U.S, C.C, EE.UU, S.A
    }
    if (w.length() == 1 && Character.isUpperCase(w.charAt(0))) {
      return true;                    // an initial
    }
    return ABBREVIATIONS.contains(w.toLowerCase(java.util.Locale.ROOT));
  }
}
