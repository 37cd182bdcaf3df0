package org.nkwatch.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * A person, organization or place and how often it was mentioned.
 *
 * @param key              the stable canonical id from the gazetteer
 * @param name             the canonical display name ("Kim Jong Un")
 * @param hangul           the Korean name ("김정은"), "" when the gazetteer has none
 * @param mentions         mentions in the brief's period
 * @param documents        articles mentioning it in the period
 * @param previousMentions mentions in the comparison period, 0 when none or when there is no comparison
 */
public record RankedEntity(String key, String name, String hangul, long mentions, long documents,
    long previousMentions) {

  /** Most mentioned first; ties by documents, then name and key so that the order never depends on input order. */
  public static final Comparator<RankedEntity> BY_RANK = Comparator
      .comparingLong(RankedEntity::mentions).reversed()
      .thenComparing(Comparator.comparingLong(RankedEntity::documents).reversed())
      .thenComparing(RankedEntity::name)
      .thenComparing(RankedEntity::key);

  public RankedEntity {
    Objects.requireNonNull(key, "key");
    name = name == null || name.isBlank() ? key : name;
    hangul = hangul == null ? "" : hangul;
  }

  public long change() {
    return mentions - previousMentions;
  }
}
