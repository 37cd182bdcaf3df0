package org.nkwatch.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The length of one reporting period. Weeks are ISO weeks (Monday to Sunday). */
public enum Grain {
  WEEK, MONTH;

  /** The key used in brief definitions and in the {@code counts} table: "week" or "month". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "week" or "month" (any case); the message names the value it got. */
  public static Grain fromKey(String key) {
    for (Grain g : values()) {
      if (g.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
        return g;
      }
    }
    throw new IllegalArgumentException("grain must be 'week' or 'month', got '" + key + "'");
  }

  /** The first day of the period that contains {@code day}. */
  public LocalDate start(LocalDate day) {
    return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
  }

  /** How many periods a trend chart shows, the one that contains its end included. */
  public static final int TREND_PERIODS = 12;

  /** What a trend chart ending on {@code end} spans: the {@link #TREND_PERIODS} periods up to {@code end}. */
  public DateWindow trendWindow(LocalDate end) {
    return new DateWindow(plus(start(end), -(TREND_PERIODS - 1L)), end);
  }

  /** The first day of the period {@code n} periods after the one starting on {@code periodStart}. */
  public LocalDate plus(LocalDate periodStart, long n) {
    return this == WEEK ? periodStart.plusWeeks(n) : periodStart.plusMonths(n);
  }
}
