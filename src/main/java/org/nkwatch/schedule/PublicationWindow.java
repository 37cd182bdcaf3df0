package org.nkwatch.schedule;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publication dates a run covers, inclusive at both ends. {@link #ALL} (no window) covers every
 * article, undated ones too; a bounded window covers only dated articles inside it, so an undated article
 * is always outside a bounded window (its date is unknown, never guessed). Either end may be open
 * ({@code --since} alone).
 *
 * @param since first day covered, or null for no lower bound
 * @param until last day covered, or null for no upper bound
 * @param label how the user named it ("2024-05", "2024-05-01..2024-05-31", "all")
 */
public record PublicationWindow(LocalDate since, LocalDate until, String label) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Every article, dated or not: a run without a window. */
  public static final PublicationWindow ALL = new PublicationWindow(null, null, "all");

  static final String PERIOD_FORMS = "YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD, yesterday, last-week or last-month";

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  public PublicationWindow {
    if (since != null && until != null && until.isBefore(since)) {
      throw new IllegalArgumentException("'" + until + "' is before '" + since + "': the window would be empty");
    }
  }

  public boolean isAll() {
    return since == null && until == null;
  }

  /** Whether an article published on {@code day} (null: undated) is in the window. */
  public boolean contains(LocalDate day) {
    if (day == null) {
      return isAll();
    }
    return (since == null || !day.isBefore(since)) && (until == null || !day.isAfter(until));
  }

  /**
   * A named period: a year ({@code 2024}), a month ({@code 2024-05}), an ISO week ({@code 2024-W19},
   * Monday to Sunday), a day ({@code 2024-05-06}), or one relative to {@code today} ({@code yesterday},
   * {@code last-week}: the ISO week before today's, {@code last-month}). Relative periods take
   * {@code today} from the run's clock, so SOURCE_DATE_EPOCH makes them reproducible.
   */
  public static PublicationWindow period(String text, LocalDate today) {
    String p = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    try {
      switch (p) {
        case "yesterday" -> {
          LocalDate day = today.minusDays(1);
          return new PublicationWindow(day, day, text.trim());
        }
        case "last-week" -> {
          LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
          return new PublicationWindow(monday, monday.plusDays(6), text.trim());
        }
        case "last-month" -> {
          YearMonth month = YearMonth.from(today).minusMonths(1);
          return new PublicationWindow(month.atDay(1), month.atEndOfMonth(), text.trim());
        }
        default -> {
          return fixedPeriod(p, text);
        }
      }
    } catch (DateTimeException e) {
      throw notAPeriod(text);
    }
  }

  private static PublicationWindow fixedPeriod(String p, String text) {
    Matcher m;
    if ((m = YEAR.matcher(p)).matches()) {
      Year year = Year.of(Integer.parseInt(m.group(1)));
      return new PublicationWindow(year.atDay(1), year.atMonth(12).atEndOfMonth(), p);
    }
    if ((m = MONTH.matcher(p)).matches()) {
      YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return new PublicationWindow(month.atDay(1), month.atEndOfMonth(), p);
    }
    if ((m = WEEK.matcher(text.trim())).matches()) {
      int year = Integer.parseInt(m.group(1));
      int week = Integer.parseInt(m.group(2));
      // the 4th of January is always in ISO week 1; a week number the year does not have is an error
      LocalDate inWeekOne = LocalDate.of(year, 1, 4);
      if (week < 1 || week > inWeekOne.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
        throw notAPeriod(text);
      }
      LocalDate monday = inWeekOne.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
      return new PublicationWindow(monday, monday.plusDays(6), text.trim());
    }
    if (DAY.matcher(p).matches()) {
      LocalDate day = LocalDate.parse(p);
      return new PublicationWindow(day, day, p);
    }
    throw notAPeriod(text);
  }

  /** Days from {@code since} to {@code until}, inclusive; either may be null for an open end (both: {@link #ALL}). */
  public static PublicationWindow between(LocalDate since, LocalDate until) {
    if (since == null && until == null) {
      return ALL;
    }
    String label = (since == null ? "" : since.toString()) + ".." + (until == null ? "" : until.toString());
    return new PublicationWindow(since, until, label);
  }

  /** An ISO date ({@code 2024-05-06}); the message names the value. */
  public static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a date (expected YYYY-MM-DD)");
    }
  }

  private static IllegalArgumentException notAPeriod(String text) {
    return new IllegalArgumentException("'" + text + "' is not a period (expected " + PERIOD_FORMS + ")");
  }

  @Override
  public String toString() {
    return label;
  }
}
