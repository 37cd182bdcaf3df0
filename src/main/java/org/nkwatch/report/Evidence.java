package org.nkwatch.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.nkwatch.model.MentionKind;

/**
 * A sentence from an article that supports a count or an event, with what is needed to cite it.
 *
 * @param id        a stable id (e.g. doc_id + ":" + sentence index); events refer to it
 * @param kind      what it supports: SANCTION for sanction types and events, THEME, PERSON, ...
 * @param key       the key it supports (the sanction type key for SANCTION)
 * @param sentence  the evidence sentence as written
 * @param corpus    the corpus name
 * @param publisher the publisher, "" when unknown
 * @param title     the article title, "" when unknown
 * @param published the publication date, null when the article has none
 * @param url       the article URL, null when there is none
 */
public record Evidence(String id, MentionKind kind, String key, String sentence, String corpus, String publisher,
    String title, LocalDate published, String url) {

  /** Citation order: oldest first, undated last, then corpus, title and id. */
  static final Comparator<Evidence> CITATION_ORDER = Comparator
      .comparing(Evidence::published, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Evidence::corpus).thenComparing(Evidence::title).thenComparing(Evidence::id);

  public Evidence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(corpus, "corpus");
    sentence = sentence == null ? "" : sentence;
    publisher = publisher == null ? "" : publisher;
    title = title == null ? "" : title;
    url = url == null || url.isBlank() ? null : url;
  }
}
