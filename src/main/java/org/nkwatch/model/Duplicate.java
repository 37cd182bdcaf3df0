package org.nkwatch.model;

/**
 * An input record whose story is already an article: kept as a row (nothing silently disappears) and
 * counted once, under {@code duplicateOf}.
 */
public record Duplicate(String corpus, String locator, String docId, String duplicateOf, String kind,
    double similarity) {
  public static final String EXACT = "exact";
  public static final String NEAR = "near";
}
