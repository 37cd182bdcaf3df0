package org.nkwatch.model;

import java.time.LocalDate;

/** One aggregated count: how often {@code key} of {@code kind} was mentioned in a corpus and period. */
public record CountRow(
    String corpus,
    String grain,
    LocalDate period,
    String kind,
    String key,
    String name,
    long mentions,
    long documents) {
}
