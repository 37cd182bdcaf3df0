package org.nkwatch.report;

import java.util.Objects;

/**
 * One corpus that fed the brief, and what became of its input records: every record is an article, a
 * duplicate or a reject ({@code records == articles + duplicates + rejects} when the run is complete).
 *
 * @param name       the corpus name (the {@code corpus} column)
 * @param publisher  who publishes it ("Daily NK", "KCNA"); "" when unknown
 * @param sourceType one of {@code org.nkwatch.config.CorpusSpec.SOURCE_TYPES} (state_media, defector_network, ...)
 * @param records    input records read
 * @param articles   articles kept in the brief's period
 * @param duplicates records counted as duplicates of an article
 * @param rejects    records rejected (see the {@code rejects} table)
 */
public record CorpusInfo(String name, String publisher, String sourceType, long records, long articles,
    long duplicates, long rejects) {

  public CorpusInfo {
    Objects.requireNonNull(name, "name");
    publisher = publisher == null ? "" : publisher;
    sourceType = sourceType == null || sourceType.isBlank() ? "unknown" : sourceType;
  }
}
