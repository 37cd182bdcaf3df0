package org.nkwatch.classify;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The level, number of people and stated reason of a punishment, read from its sentence:
 * "three officials, one at deputy director level, ... for protocol failures".
 */
final class EventDetails {
  private static final Pattern LEVEL = Pattern.compile(
      "\\b((?:(?:vice|deputy|senior|junior|lower|upper|high|mid|middle)[ -])*"
          + "(?:department|division|battalion|regiment|company|brigade|corps|bureau|director|section|ministry|minister"
          + "|cabinet|provincial|province|county|city|party|cadre|ministerial|general|officer|colonel|team|unit|cell"
          + "|district|secretary|chief|manager|factory|enterprise)[ -]level)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LEVEL_AT = Pattern.compile(
      "\\bat (?:the )?((?:vice |deputy |senior )?(?:department|director|minister|bureau|division) (?:director )?level)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final String PEOPLE = "(?:officials|officers|cadres|workers|people|persons|members|employees|staff"
      + "|soldiers|residents|students|executives|managers|individuals|engineers|researchers|directors|secretaries"
      + "|agents|guards|traders|smugglers|technicians|leaders|citizens|defectors|men|women)";
  private static final Pattern NUMBER = Pattern.compile(
      "\\b(\\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty"
          + "|a dozen|dozens of|scores of|hundreds of|thousands of|several|many|numerous|some|a number of|a few|few)"
          + "\\s+(?:[a-z-]+\\s+){0,3}?" + PEOPLE + "\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REASON = Pattern.compile(
      "\\b(?:due to|because of|owing to|on charges of|charged with|accused of|for the crime of|as punishment for"
          + "|for failing to|for failures? (?:in|of|to)|blamed for|held responsible for|over|for)\\s+([^.;:!?]{3,140})",
      Pattern.CASE_INSENSITIVE);
  private static final Map<String, Long> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1L), Map.entry("two", 2L),
      Map.entry("three", 3L), Map.entry("four", 4L), Map.entry("five", 5L), Map.entry("six", 6L),
      Map.entry("seven", 7L), Map.entry("eight", 8L), Map.entry("nine", 9L), Map.entry("ten", 10L),
      Map.entry("eleven", 11L), Map.entry("twelve", 12L), Map.entry("fifteen", 15L), Map.entry("twenty", 20L),
      Map.entry("thirty", 30L), Map.entry("fifty", 50L), Map.entry("a dozen", 12L));

  record Number(String text, Long count) {
  }

  private EventDetails() {
  }

  static String level(String sentence) {
    Matcher m = LEVEL.matcher(sentence);
    if (m.find()) {
      return m.group(1).toLowerCase(Locale.ROOT).replace(' ', '-');
    }
    Matcher at = LEVEL_AT.matcher(sentence);
    return at.find() ? at.group(1).toLowerCase(Locale.ROOT).replace(' ', '-') : null;
  }

  static Number number(String sentence) {
    Matcher m = NUMBER.matcher(sentence);
    if (!m.find()) {
      return null;
    }
    String quantity = m.group(1).toLowerCase(Locale.ROOT);
    Long count = quantity.matches("\\d+") ? Long.valueOf(quantity) : NUMBER_WORDS.get(quantity);
    return new Number(m.group(0), count);
  }

  /** The stated reason after the cue: "for protocol failures", "due to negligence". */
  static String reason(String sentence, int fromChar) {
    Matcher m = REASON.matcher(sentence);
    int from = Math.max(0, Math.min(fromChar, sentence.length()));
    while (m.find(from)) {
      String reason = m.group(1).trim();
      String lead = m.group(0).substring(0, m.group(0).length() - m.group(1).length()).trim().toLowerCase(Locale.ROOT);
      // a bare "for"/"over" must be followed by something that reads like a cause, not a duration or place
      if ((lead.equals("for") || lead.equals("over")) && reason.matches("(?i)(?:the |a |an )?(?:\\d|one|two|three|several|many|months?|years?|weeks?|days?|life|some time|a while|now)\\b.*")) {
        from = m.end(1) >= sentence.length() ? sentence.length() : m.start(1);
        if (from >= sentence.length()) {
          return null;
        }
        continue;
      }
      return lead + " " + trimTrailing(reason);
    }
    return null;
  }

  private static String trimTrailing(String reason) {
    String r = reason.replaceAll("[,\\s]+(?:and|but|while|as|according)\\b.*$", "");
    r = r.replaceAll("[\\s,\"')]+$", "");
    return r;
  }
}
