package org.nkwatch.classify;

import java.util.List;

/**
 * A theme or a sanction type: its key, name, one-line description and cues.
 *
 * @param scope   for sanction types "domestic" or "international"; "theme" for themes
 * @param strong  cues that alone assign a theme to a document
 * @param exclude cues that cancel this category in the sentence where they occur
 */
public record Category(String key, String name, String description, String scope, List<CuePattern> cues,
    List<CuePattern> strong, CueList exclude) {
  public Category {
    cues = List.copyOf(cues);
    strong = List.copyOf(strong);
  }

  public boolean isDomestic() {
    return "domestic".equals(scope);
  }
}
