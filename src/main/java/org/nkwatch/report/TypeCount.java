package org.nkwatch.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * A count in a two-way table: for sanction types by corpus, {@code category} is the corpus and
 * {@code series} the sanction type key; for organizations by sanction type, {@code category} is the
 * organization's display name and {@code series} the sanction type key.
 */
public record TypeCount(String category, String series, long count) {

  static final Comparator<TypeCount> CANONICAL =
      Comparator.comparing(TypeCount::category).thenComparing(TypeCount::series).thenComparingLong(TypeCount::count);

  public TypeCount {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(series, "series");
  }
}
