package org.nkwatch.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Which days a brief covers: either the {@code last} N periods of the grain, or fixed {@code from}/{@code to}
 * dates. Exactly one of the two forms is set: {@code last > 0} with null dates, or {@code last == 0} with
 * both dates.
 */
public record PeriodSpec(Grain grain, int last, LocalDate from, LocalDate to) {

  public PeriodSpec {
    Objects.requireNonNull(grain, "grain");
    boolean fixed = from != null || to != null;
    if (fixed && (from == null || to == null)) {
      throw new IllegalArgumentException("give both 'from' and 'to', got from=" + from + ", to=" + to);
    }
    if (fixed && last != 0) {
      throw new IllegalArgumentException("give either 'last' or 'from'/'to', not both");
    }
    if (!fixed && last <= 0) {
      throw new IllegalArgumentException("'last' must be a positive number of periods, got " + last);
    }
    if (fixed && to.isBefore(from)) {
      throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
    }
  }

  public static PeriodSpec last(Grain grain, int periods) {
    return new PeriodSpec(grain, periods, null, null);
  }

  public static PeriodSpec between(Grain grain, LocalDate from, LocalDate to) {
    return new PeriodSpec(grain, 0, from, to);
  }

  /**
   * The days covered: the {@code last} periods up to and including the one that contains {@code asOf}, or
   * the fixed dates. To cover only complete periods, pass the last day of the last complete period.
   */
  public DateWindow window(LocalDate asOf) {
    if (from != null) {
      return new DateWindow(from, to);
    }
    LocalDate currentStart = grain.start(asOf);
    LocalDate start = grain.plus(currentStart, -(last - 1L));
    return new DateWindow(start, grain.plus(currentStart, 1).minusDays(1));
  }

  /** The comparison window of the same length just before {@link #window(LocalDate)}. */
  public DateWindow previousWindow(LocalDate asOf) {
    DateWindow w = window(asOf);
    if (from != null) {
      long days = ChronoUnit.DAYS.between(from, to) + 1;
      return new DateWindow(from.minusDays(days), from.minusDays(1));
    }
    return new DateWindow(grain.plus(w.start(), -last), w.start().minusDays(1));
  }
}
