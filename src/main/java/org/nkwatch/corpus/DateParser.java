package org.nkwatch.corpus;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as news sources write them: the corpus' own pattern first (when given), then ISO
 * ({@code 2022-03-29}, with or without a time), {@code 2022/03/29}, {@code 2022.03.29},
 * {@code Mar 29, 2022}, {@code March 4, 2025}, {@code 29 March 2022}, {@code 2022년 3월 29일}, and for field
 * values {@code 20220329} and epoch numbers (milliseconds from 10^11, seconds from 10^8, taken in UTC;
 * a smaller number such as {@code 2012} is no date).
 * A date outside 1900-2100 is no date. Nothing is guessed: what does not parse is {@code null}.
 */
final class DateParser {
  static final String MONTHS = "(January|February|March|April|May|June|July|August|September|October|November|December"
      + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
  private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12));

  private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
  private static final Pattern SLASHED = Pattern.compile("(?<![\\d.])(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})(?![\\d])");
  private static final Pattern MONTH_FIRST = Pattern.compile(
      "(?i)\\b" + MONTHS + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");
  private static final Pattern DAY_FIRST = Pattern.compile(
      "(?i)(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTHS + "\\.?,?\\s+(\\d{4})(?!\\d)");
  private static final Pattern KOREAN = Pattern.compile("(\\d{4})\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일");
  private static final Pattern DIGITS = Pattern.compile("-?\\d{1,13}(?:\\.\\d+)?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

  /** A date found in a string, with where it was found. */
  record Found(LocalDate date, int start, int end) {
  }

  private final DateTimeFormatter custom;

  /** @param pattern the corpus' {@code date_format} ({@link DateTimeFormatter} syntax), or null */
  DateParser(String pattern) {
    this.custom = pattern == null ? null : new DateTimeFormatterBuilder()
        .parseCaseInsensitive().parseLenient().appendPattern(pattern).toFormatter(Locale.ENGLISH);
  }

  /** A field value: a string (any supported form, the whole value or its start) or a number (epoch). */
  LocalDate parseValue(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return fromNumber(n.doubleValue(), Long.toString(n.longValue()));
    }
    String s = value.toString().strip();
    if (s.isEmpty()) {
      return null;
    }
    LocalDate withPattern = parseCustom(s, 0);
    if (withPattern != null) {
      return withPattern;
    }
    if (DIGITS.matcher(s).matches()) {
      return fromNumber(Double.parseDouble(s), s);
    }
    Found found = find(s);
    return found == null ? null : found.date();
  }

  /** The earliest date written anywhere in {@code text} (the corpus pattern is tried at the start only). */
  Found find(String text) {
    LocalDate withPattern = parseCustom(text, 0);
    if (withPattern != null) {
      return new Found(withPattern, 0, Math.min(text.length(), 10));
    }
    Found best = null;
    best = earlier(best, numeric(ISO.matcher(text)));
    best = earlier(best, numeric(SLASHED.matcher(text)));
    best = earlier(best, numeric(KOREAN.matcher(text)));
    best = earlier(best, named(MONTH_FIRST.matcher(text), 1, 2, 3));
    best = earlier(best, named(DAY_FIRST.matcher(text), 2, 1, 3));
    return best;
  }

  /**
   * The date {@code text} starts with, or null: what {@link #find} gives when it finds a date at 0. Header
   * lines are checked one by one, and five searches through each were a tenth of reading a corpus; here
   * each form is tried at the start only, and not at all when the first characters cannot start one.
   */
  Found atStart(String text) {
    LocalDate withPattern = parseCustom(text, 0);
    if (withPattern != null) {
      return new Found(withPattern, 0, Math.min(text.length(), 10));
    }
    if (text.isEmpty()) {
      return null;
    }
    if (text.charAt(0) >= '0' && text.charAt(0) <= '9') {
      Found found = numericAtStart(ISO.matcher(text));
      found = found != null ? found : numericAtStart(SLASHED.matcher(text));
      found = found != null ? found : numericAtStart(KOREAN.matcher(text));
      return found != null ? found : namedAtStart(DAY_FIRST.matcher(text), 2, 1, 3);
    }
    return startsWithMonth(text) ? namedAtStart(MONTH_FIRST.matcher(text), 1, 2, 3) : null;
  }

  private static boolean startsWithMonth(String text) {
    return text.length() >= 3 && MONTH_NUMBERS.containsKey(text.substring(0, 3).toLowerCase(Locale.ROOT));
  }

  private static Found numericAtStart(Matcher m) {
    return m.lookingAt() ? found(date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3))), m) : null;
  }

  private static Found namedAtStart(Matcher m, int monthGroup, int dayGroup, int yearGroup) {
    return m.lookingAt() ? found(date(Integer.parseInt(m.group(yearGroup)), monthNumber(m.group(monthGroup)),
        Integer.parseInt(m.group(dayGroup))), m) : null;
  }

  private static Found found(LocalDate date, Matcher m) {
    return date == null ? null : new Found(date, m.start(), m.end());
  }

  /** A four-digit year 1900-2099 in a file name, URL or value, or 0. */
  static int year(String text) {
    Matcher m = YEAR.matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  static int monthNumber(String name) {
    return MONTH_NUMBERS.getOrDefault(name.substring(0, 3).toLowerCase(Locale.ROOT), 0);
  }

  static LocalDate date(int year, int month, int day) {
    if (year < 1900 || year > 2100) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private LocalDate parseCustom(String text, int from) {
    if (custom == null) {
      return null;
    }
    try {
      TemporalAccessor parsed = custom.parse(text, new java.text.ParsePosition(from));
      if (parsed.isSupported(ChronoField.EPOCH_DAY)) {
        return check(LocalDate.ofEpochDay(parsed.getLong(ChronoField.EPOCH_DAY)));
      }
      if (parsed.isSupported(ChronoField.YEAR) && parsed.isSupported(ChronoField.MONTH_OF_YEAR)
          && parsed.isSupported(ChronoField.DAY_OF_MONTH)) {
        return date(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
            parsed.get(ChronoField.DAY_OF_MONTH));
      }
      return null;
    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private static LocalDate fromNumber(double number, String digits) {
    Matcher compact = COMPACT.matcher(digits);
    if (compact.matches()) {
      LocalDate d = date(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
          Integer.parseInt(compact.group(3)));
      if (d != null) {
        return d;
      }
    }
    if (Double.isNaN(number) || number < 1e8 || number > 9.9e15) {
      return null;
    }
    long millis = number >= 1e11 ? (long) number : (long) (number * 1000);
    return check(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate());
  }

  private static LocalDate check(LocalDate d) {
    return d.getYear() < 1900 || d.getYear() > 2100 ? null : d;
  }

  private static Found numeric(Matcher m) {
    while (m.find()) {
      LocalDate d = date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      if (d != null) {
        return new Found(d, m.start(), m.end());
      }
    }
    return null;
  }

  private static Found named(Matcher m, int monthGroup, int dayGroup, int yearGroup) {
    while (m.find()) {
      LocalDate d = date(Integer.parseInt(m.group(yearGroup)), monthNumber(m.group(monthGroup)),
          Integer.parseInt(m.group(dayGroup)));
      if (d != null) {
        return new Found(d, m.start(), m.end());
      }
    }
    return null;
  }

  private static Found earlier(Found a, Found b) {
    if (a == null) {
      return b;
    }
    return b == null || a.start() <= b.start() ? a : b;
  }
}
