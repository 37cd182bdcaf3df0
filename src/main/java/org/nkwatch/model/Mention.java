package org.nkwatch.model;

import java.time.LocalDate;

/**
 * One occurrence of an entity, theme or sanction type in an article, with its evidence sentence.
 *
 * <p>{@code start}/{@code end} are character offsets into the article's normalised text. For SANCTION
 * (and THEME) mentions {@code polarity} is "affirmed" or "negated" and {@code certainty} one of
 * {@link Certainty}'s keys; for entities both are {@code null}. {@code listed} is false for entities
 * found by the recogniser that the gazetteer does not know.
 */
public record Mention(
    String docId,
    String corpus,
    LocalDate published,
    MentionKind kind,
    String key,
    String name,
    String surface,
    int sentenceIndex,
    int start,
    int end,
    String evidence,
    String polarity,
    String certainty,
    boolean listed) {

  public static final String AFFIRMED = "affirmed";
  public static final String NEGATED = "negated";
}
