package org.nkwatch.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Citation numbers for evidence, [1] to [n] in citation order (oldest first), and how a citation reads. */
final class Citations {
  private final Map<String, Integer> numbers = new HashMap<>();

  Citations(List<Evidence> evidence) {
    for (Evidence e : evidence) {
      numbers.put(e.id(), numbers.size() + 1);
    }
  }

  int number(Evidence e) {
    return numbers.get(e.id());
  }

  String marker(Evidence e) {
    return "[" + number(e) + "]";
  }

  /** "[3] Daily NK (dailynk), “Senior official removed”, 2025-02-11". */
  static String source(Evidence e) {
    String who = e.publisher().isBlank() ? e.corpus()
        : e.publisher().equalsIgnoreCase(e.corpus()) ? e.publisher() : e.publisher() + " (" + e.corpus() + ")";
    String title = e.title().isBlank() ? "untitled" : "\u201c" + e.title() + "\u201d";
    return who + ", " + title + ", " + BriefText.isoDate(e.published());
  }

  String full(Evidence e) {
    return marker(e) + " " + source(e);
  }
}
