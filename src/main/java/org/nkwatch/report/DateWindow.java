package org.nkwatch.report;

import java.time.LocalDate;
import java.util.Objects;

/** An inclusive range of days, such as the period a brief covers. */
public record DateWindow(LocalDate start, LocalDate end) {

  public DateWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("window ends (" + end + ") before it starts (" + start + ")");
    }
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  @Override
  public String toString() {
    return start + "_" + end;
  }
}
