package org.nkwatch.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cues indexed by their first stem, so a sentence is scanned once whatever the number of cues. */
final class CueIndex {
  /** One cue found: which category, which cue, and the words it covers [start, end). */
  record Hit(Category category, CuePattern cue, int start, int end) {
  }

  private record Entry(Category category, CuePattern cue) {
  }

  private final Map<String, List<Entry>> byFirstStem = new HashMap<>();

  CueIndex(List<Category> categories) {
    for (Category category : categories) {
      for (CuePattern cue : category.cues()) {
        byFirstStem.computeIfAbsent(cue.first(), k -> new ArrayList<>()).add(new Entry(category, cue));
      }
    }
  }

  /** All hits, keeping for each category only the longest of overlapping hits. */
  List<Hit> find(List<String> stems) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < stems.size(); i++) {
      List<Entry> entries = byFirstStem.get(stems.get(i));
      if (entries == null) {
        continue;
      }
      for (Entry entry : entries) {
        int end = entry.cue().matchAt(stems, i);
        if (end > 0) {
          addKeepingLongest(hits, new Hit(entry.category(), entry.cue(), i, end));
        }
      }
    }
    return hits;
  }

  private static void addKeepingLongest(List<Hit> hits, Hit hit) {
    for (int i = 0; i < hits.size(); i++) {
      Hit other = hits.get(i);
      boolean overlap = other.start() < hit.end() && hit.start() < other.end();
      if (overlap && other.category().key().equals(hit.category().key())) {
        if (hit.end() - hit.start() > other.end() - other.start()) {
          hits.set(i, hit);
        }
        return;
      }
    }
    hits.add(hit);
  }
}
