package org.nkwatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * Which input field holds which article attribute. Each attribute lists candidate field names, tried
 * in order; the first present and non-blank one wins. Names are matched case-insensitively.
 */
public record FieldMapping(
    List<String> text,
    List<String> title,
    List<String> date,
    List<String> url,
    List<String> byline,
    List<String> language) implements Serializable {

  /** Covers the common shapes: KCNA CSV (story, index.link), JSON dumps (story_text, headline, link), scrapes (content, url). */
  public static final FieldMapping DEFAULT = new FieldMapping(
      List.of("text", "story", "story_text", "content", "body", "article", "paragraphs"),
      List.of("title", "headline", "heading"),
      List.of("date", "published", "pubdate", "publication_date", "date_str", "datetime"),
      List.of("url", "link", "index.link", "href", "source_url"),
      List.of("byline", "author", "authors"),
      List.of("language", "lang"));

  public FieldMapping {
    text = List.copyOf(text);
    title = List.copyOf(title);
    date = List.copyOf(date);
    url = List.copyOf(url);
    byline = List.copyOf(byline);
    language = List.copyOf(language);
  }
}
