package org.nkwatch.report;

import java.util.ArrayList;
import java.util.List;

/** The entry point the Spark side calls: renders one brief (charts, PDF) and records it in the manifest. */
public final class Reporter {
  private Reporter() {
  }

  /** One palette per brief, built from every series key in it, so each key has one colour in all its charts. */
  static Palette paletteFor(BriefData data) {
    List<String> keys = new ArrayList<>();
    data.sanctionTypesByCorpus().forEach(t -> keys.add(t.series()));
    data.organizationsBySanctionType().forEach(t -> keys.add(t.series()));
    data.sanctionEvents().forEach(e -> keys.add(e.sanctionType()));
    data.themesOverTime().forEach(p -> keys.add(p.series()));
    return Palette.forKeys(keys);
  }
}
