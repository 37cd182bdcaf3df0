package org.nkwatch.nlp;

import org.nkwatch.model.MentionKind;

/**
 * An entity found in a sentence. {@code listed} is false for names the recogniser found that the
 * gazetteer does not know; their keys start with "unlisted-".
 */
public record FoundEntity(
    MentionKind kind,
    String key,
    String name,
    String surface,
    int sentenceIndex,
    int start,
    int end,
    boolean listed) {
}
