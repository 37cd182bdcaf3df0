package org.nkwatch.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The account of one corpus in a run: every record read ended as an article, a duplicate or a reject, or
 * (in a run over a window of publication dates) was outside the window, undated records included.
 *
 * @param rejectsByReason reject counts keyed by {@link RejectReason#key()}
 * @param languages       article counts by language code
 * @param outside         records published outside the run's window, or undated (always 0 without a window)
 */
public record CorpusAccount(String corpus, long records, long articles, long duplicates, long rejects,
    Map<String, Long> rejectsByReason, Map<String, Long> languages, long outside) {

  public CorpusAccount {
    rejectsByReason = Map.copyOf(new TreeMap<>(rejectsByReason));
    languages = Map.copyOf(new TreeMap<>(languages));
  }

  public boolean addsUp() {
    return records == articles + duplicates + rejects + outside;
  }

  public String summary() {
    return String.format(java.util.Locale.ROOT, "%s: %d records read = %d articles + %d duplicates + %d rejects%s%s%s",
        corpus, records, articles, duplicates, rejects, outside == 0 ? "" : " + " + outside + " outside the window",
        rejectsByReason.isEmpty() ? "" : " " + new TreeMap<>(rejectsByReason), addsUp() ? "" : "  DOES NOT ADD UP");
  }
}
