package org.nkwatch.report;

/**
 * The headline numbers of the brief's period, over the corpora it covers.
 *
 * @param undatedArticles the articles of those corpora left out of a dated period because they have no date
 */
public record KeyFigures(long articles, long mentions, long sanctionEvents, long distinctPeople,
    long distinctOrganizations, long distinctPlaces, long undatedArticles) {

  public static final KeyFigures NONE = new KeyFigures(0, 0, 0, 0, 0, 0, 0);
}
