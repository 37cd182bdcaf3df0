package org.nkwatch.corpus;

/**
 * One record as a parser found it, before cleaning: raw values of the article's attributes, any of
 * which may be {@code null}.
 *
 * @param locator       the file locator plus the record's place ("#row=3"), as articles and rejects carry it
 * @param text          the article text as read (paragraphs of a list already joined by blank lines)
 * @param title         the title field, or null
 * @param date          the date field: a String or a Number (epoch), or null
 * @param url           the URL field, or null
 * @param byline        the byline field, or null
 * @param language      the language field, or null
 * @param titleFromText whether the first line of the text may be the title (plain text files)
 * @param emptyRecord   whether the record held no values at all (a row of empty fields)
 */
record SourceRecord(String locator, String text, String title, Object date, String url, String byline,
    String language, boolean titleFromText, boolean emptyRecord) {

  static SourceRecord document(String locator, String text) {
    return new SourceRecord(locator, text, null, null, null, null, null, true, false);
  }
}
