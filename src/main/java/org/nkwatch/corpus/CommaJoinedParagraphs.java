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
  /** Two or more commas separated only by spaces or line breaks, with the spaces around them. */
  private static final Pattern COMMA_RUN = Pattern.compile("[ \n]*,(?:[ \n]*,)+[ \n]*");
  /** A comma with a space before it: never ordinary punctuation. */
  private static final Pattern SPACED_COMMA = Pattern.compile(" +, *");
  /** Sentence end, a comma, a capital letter, quote or digit: "servicepersons., Reflecting". */
  private static final Pattern PERIOD_COMMA = Pattern.compile("([.!?][\"')]?), (?=[\\p{Lu}\"'(])");
  private static final Pattern TAIL = Pattern.compile("[ ,\n]*,[ ,\n]*$");
  private static final Pattern TAIL_RUN = Pattern.compile(",[ \n]*,[ ,\n]*$");
  private static final Pattern HEAD = Pattern.compile("^[ ,\n]*,[ ,\n]*");
  private static final Set<String> ABBREVIATIONS = Set.of("co", "ltd", "inc", "corp", "jr", "sr", "st", "mr",
      "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "no", "nos", "vol", "etc", "jan", "feb", "mar", "apr",
      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "prof", "rev", "gov", "sen", "rep", "dept",
      "univ", "ave", "approx", "art", "para", "fig", "sra", "dra", "av", "gral", "cia");

  private CommaJoinedParagraphs() {
  }

  static boolean looksCommaJoined(String text) {
    if (TAIL_RUN.matcher(text).find()) {
      return true;
    }
    Matcher runs = COMMA_RUN.matcher(text);
    int count = 0;
    while (runs.find() && count < 2) {
      count++;
    }
    boolean oneLine = text.indexOf('\n') < 0;
    return count >= 2 || oneLine && (count == 1 || text.contains(" , "));
  }

  /** Rejoins as lines: one line per restored paragraph (callers then treat lines as paragraphs). */
  static String restore(String text) {
    String s = TAIL.matcher(text).replaceFirst("");
    s = HEAD.matcher(s).replaceFirst("");
    s = replaceRuns(s);
    s = replaceSpacedCommas(s);
    s = replacePeriodCommas(s);
    return s.lines().map(String::strip).filter(l -> !l.isEmpty())
        .reduce((a, b) -> a + "\n" + b).orElse("");
  }

  private static String replaceRuns(String s) {
    Matcher m = COMMA_RUN.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    while (m.find()) {
      out.append(s, last, m.start());
      String run = m.group();
      char before = m.start() > 0 ? s.charAt(m.start() - 1) : ' ';
      char after = m.end() < s.length() ? s.charAt(m.end()) : ' ';
      if (run.startsWith(",,")) {
        out.append(',');              // the text's own comma, then the separator: "Dear Comrade,, , I"
      }
      if (Character.isLetterOrDigit(before) && Character.isLowerCase(after) && run.indexOf('\n') < 0) {
        out.append(' ');              // a break inside a sentence: keep it one paragraph
      } else {
        out.append('\n');
      }
      last = m.end();
    }
    out.append(s, last, s.length());
    return out.toString();
  }

  private static String replaceSpacedCommas(String s) {
    Matcher m = SPACED_COMMA.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    while (m.find()) {
      out.append(s, last, m.start());
      char after = m.end() < s.length() ? s.charAt(m.end()) : ' ';
      out.append(Character.isLowerCase(after) ? ", " : "\n");
      last = m.end();
    }
    out.append(s, last, s.length());
    return out.toString();
  }

  private static String replacePeriodCommas(String s) {
    Matcher m = PERIOD_COMMA.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    while (m.find()) {
      int wordStart = m.start();
      while (wordStart > 0 && !Character.isWhitespace(s.charAt(wordStart - 1))) {
        wordStart--;
      }
      String word = s.substring(wordStart, m.start());
      String end = m.group(1);
      out.append(s, last, m.end(1));
      boolean abbreviation = end.startsWith(".") && isAbbreviation(word);
      out.append(abbreviation ? ", " : "\n");
      last = m.end();
    }
    out.append(s, last, s.length());
    return out.toString();
  }

  private static boolean isAbbreviation(String word) {
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
