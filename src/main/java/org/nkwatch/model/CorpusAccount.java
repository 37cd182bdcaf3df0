package org.nkwatch.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The account of one corpus in a run: every record read ended as an article, a duplicate or a reject.
 *
 * @param rejectsByReason reject counts keyed by {@link RejectReason#key()}
 * @param languages       article counts by language code
 */
public record CorpusAccount(String corpus, long records, long articles, long duplicates, long rejects,
    Map<String, Long> rejectsByReason, Map<String, Long> languages) {

  public CorpusAccount {
    rejectsByReason = Map.copyOf(new TreeMap<>(rejectsByReason));
    languages = Map.copyOf(new TreeMap<>(languages));
  }

  public boolean addsUp() {
    return records == articles + duplicates + rejects;
  }

  public String summary() {
    return String.format(java.util.Locale.ROOT, "%s: %d records read = %d articles + %d duplicates + %d rejects %s%s",
        corpus, records, articles, duplicates, rejects, new TreeMap<>(rejectsByReason),
        addsUp() ? "" : "  DOES NOT ADD UP");
  }
}
