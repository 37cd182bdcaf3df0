package org.nkwatch.model;

import java.time.LocalDate;

/**
 * Who was punished (or sanctioned) how, at what level, how many, why, and how sure the source is.
 * Optional parts are {@code null} when the sentence does not say them.
 */
public record SanctionEvent(
    String docId,
    String corpus,
    LocalDate published,
    String sanctionType,
    String targetKey,
    String targetName,
    String targetKind,
    String level,
    String numberText,
    Long numberOfPeople,
    String reason,
    String certainty,
    String polarity,
    int sentenceIndex,
    String evidence) {
}
