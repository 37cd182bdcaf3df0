package org.nkwatch.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cue phrases of one rule (negation, hedges, foreign agents...), indexed by their first stem: asking whether
 * any of them occurs in a sentence costs one lookup per word, not one comparison per word and cue.
 */
public final class CueList {
  private static final CueList EMPTY = new CueList(List.of());

  private final List<CuePattern> cues;
  private final Map<String, List<CuePattern>> byFirst = new HashMap<>();

  public CueList(List<CuePattern> cues) {
    this.cues = List.copyOf(cues);
    for (CuePattern cue : this.cues) {
      byFirst.computeIfAbsent(cue.first(), k -> new ArrayList<>(1)).add(cue);
    }
  }

  public static CueList empty() {
    return EMPTY;
  }

  public List<CuePattern> cues() {
    return cues;
  }

  public boolean isEmpty() {
    return cues.isEmpty();
  }

  /** Whether a cue starts at a word in [from, to) of {@code words} (it may run past {@code to}). */
  public boolean anyMatch(List<String> words, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(to, words.size()); i++) {
      List<CuePattern> starting = byFirst.get(words.get(i));
      if (starting != null) {
        for (CuePattern cue : starting) {
          if (cue.matchAt(words, i) > 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether a cue occurs anywhere in {@code words}. */
  public boolean anyMatch(List<String> words) {
    return anyMatch(words, 0, words.size());
  }
}
