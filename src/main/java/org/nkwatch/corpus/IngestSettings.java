package org.nkwatch.corpus;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Limits and cleaning rules for {@link CorpusFileReader}; {@link #DEFAULT} suits news corpora.
 *
 * @param maxArticleChars  an article whose text, as read, is longer than this is rejected {@code TOO_LARGE}
 * @param maxRecordChars   a record of a multi-record file (CSV row, JSON value, JSON line) longer than this
 *                         is rejected {@code TOO_LARGE}; bounds memory when a quote is never closed
 *                         (counted over the parser's 8 KiB reads, so give it well above that)
 * @param maxDocumentBytes a one-article file (text, HTML) larger than this is rejected {@code TOO_LARGE}
 *                         without being read whole (HTML carries markup, hence bytes and not characters)
 * @param furnitureLines   regular expressions for site furniture: a line that matches one of them entirely
 *                         (case-insensitive, after trimming) is removed from the text
 */
public record IngestSettings(int maxArticleChars, int maxRecordChars, long maxDocumentBytes,
    List<String> furnitureLines) implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_MAX_ARTICLE_CHARS = 2_000_000;

  /** Lines that scraped news pages carry around the story. */
  public static final List<String> DEFAULT_FURNITURE_LINES = List.of(
      "(?:back to top|top)",
      "(?:share|print|e-?mail|tweet|subscribe|comments?|like|save)(?:\\s*[|/·•,]?\\s*(?:share|print|e-?mail|tweet|subscribe|comments?|like|save))*",
      "share (?:this|on|via) .{1,40}",
      "subscribe (?:now|today|to .{1,60})",
      "(?:advertisement|sponsored(?: content)?|ad)",
      "(?:copyright|©|\\(c\\)).{0,160}all rights reserved\\.?",
      "all rights reserved\\.?",
      "-0-",
      "(?:read more|related (?:articles?|stories|news)|more stories|click here .{0,80})",
      "(?:font size|text size)\\s*:?.{0,20}");

  public static final IngestSettings DEFAULT = new IngestSettings(DEFAULT_MAX_ARTICLE_CHARS,
      4 * DEFAULT_MAX_ARTICLE_CHARS, 64L * 1024 * 1024, DEFAULT_FURNITURE_LINES);

  public IngestSettings {
    if (maxArticleChars <= 0) {
      throw new IllegalArgumentException("maxArticleChars must be positive, got " + maxArticleChars);
    }
    if (maxRecordChars < maxArticleChars) {
      throw new IllegalArgumentException("maxRecordChars (" + maxRecordChars
          + ") must be at least maxArticleChars (" + maxArticleChars + ")");
    }
    if (maxDocumentBytes <= 0) {
      throw new IllegalArgumentException("maxDocumentBytes must be positive, got " + maxDocumentBytes);
    }
    furnitureLines = List.copyOf(Objects.requireNonNull(furnitureLines, "furnitureLines"));
    for (String regex : furnitureLines) {
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("furniture line pattern '" + regex + "' is not a valid regular expression: "
            + e.getDescription(), e);
      }
    }
  }

  /** The same settings with another article limit (the record limit grows with it when needed). */
  public IngestSettings withMaxArticleChars(int chars) {
    return new IngestSettings(chars, Math.max(maxRecordChars, chars), maxDocumentBytes, furnitureLines);
  }

  public IngestSettings withMaxDocumentBytes(long bytes) {
    return new IngestSettings(maxArticleChars, maxRecordChars, bytes, furnitureLines);
  }

  public IngestSettings withFurnitureLines(List<String> regexes) {
    return new IngestSettings(maxArticleChars, maxRecordChars, maxDocumentBytes, regexes);
  }
}
