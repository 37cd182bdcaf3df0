package org.nkwatch.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates, numbers and changes read in briefs and charts: English month names, UTC times, grouped digits. */
final class BriefText {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private BriefText() {
  }

  static String date(LocalDate d) {
    return d == null ? "undated" : DAY.format(d);
  }

  /** ISO date for citations, "undated" when the article has none. */
  static String isoDate(LocalDate d) {
    return d == null ? "undated" : d.toString();
  }

  static String period(DateWindow w) {
    return w.start().equals(w.end()) ? date(w.start()) : date(w.start()) + " \u2013 " + date(w.end());
  }

  static String time(Instant t) {
    return TIME.format(t);
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String corporaSummary(BriefData data) {
    int n = data.corpora().size();
    if (n == 0) {
      return "no corpora";
    }
    return n + (n == 1 ? " corpus: " : " corpora: ")
        + String.join(", ", data.corpora().stream().map(CorpusInfo::name).toList());
  }

  /** "+12 (+67%)", "-3 (-20%)", "new", "0" or "n/a" when the brief compares with nothing. */
  static String change(RankedEntity e, boolean compared) {
    if (!compared) {
      return "n/a";
    }
    if (e.previousMentions() == 0) {
      return e.mentions() > 0 ? "new" : "0";
    }
    if (e.change() == 0) {
      return "no change";
    }
    long pct = Math.round(e.change() * 100.0 / e.previousMentions());
    return String.format(Locale.ROOT, "%+,d (%+d%%)", e.change(), pct);
  }
}
