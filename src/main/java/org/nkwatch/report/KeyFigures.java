package org.nkwatch.report;

/** The headline numbers of the brief's period, over the corpora it covers. */
public record KeyFigures(long articles, long mentions, long sanctionEvents, long distinctPeople,
    long distinctOrganizations, long distinctPlaces) {

  public static final KeyFigures NONE = new KeyFigures(0, 0, 0, 0, 0, 0);
}
