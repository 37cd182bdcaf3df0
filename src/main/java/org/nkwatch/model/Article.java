package org.nkwatch.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One ingested article, cleaned and ready for annotation.
 *
 * <p>Optional values (title, published, url, byline, ...) are {@code null} when the source does not give
 * them: a missing date is recorded as missing, never guessed. {@code text} is the normalised text that
 * annotation runs on and that evidence offsets refer to.
 */
public record Article(
    String docId,
    String corpus,
    String publisher,
    String sourceType,
    String locator,
    String url,
    String title,
    LocalDate published,
    String byline,
    String language,
    String text,
    int nSentences,
    int nTokens) {

  public Article {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(locator, "locator");
    Objects.requireNonNull(text, "text");
  }

  public Article withCounts(int sentences, int tokens) {
    return new Article(docId, corpus, publisher, sourceType, locator, url, title, published, byline,
        language, text, sentences, tokens);
  }
}
