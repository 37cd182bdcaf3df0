package org.nkwatch.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * A count for one series in one period, e.g. mentions of a theme per week.
 *
 * @param period     the first day of the period
 * @param series     the series key (a theme key)
 * @param seriesName its display name; the key when blank
 * @param count      mentions in that period
 */
public record PeriodCount(LocalDate period, String series, String seriesName, long count) {

  static final Comparator<PeriodCount> CANONICAL = Comparator.comparing(PeriodCount::period)
      .thenComparing(PeriodCount::series).thenComparingLong(PeriodCount::count);

  public PeriodCount {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(series, "series");
    seriesName = seriesName == null || seriesName.isBlank() ? series : seriesName;
  }
}
