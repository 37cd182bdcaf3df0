package org.nkwatch.report;

import java.util.Locale;

/** The sections a brief can hold, in the order a definition lists them (the cover always comes first). */
public enum Section {
  KEY_FIGURES("Key figures"),
  KEY_FINDINGS("Key findings"),
  CHARTS("Charts"),
  TOP_PEOPLE("Top people"),
  TOP_ORGANIZATIONS("Top organizations"),
  TOP_PLACES("Top places"),
  SANCTIONS("Sanctions and punishments"),
  EVIDENCE_BY_TYPE("Evidence by sanction type"),
  EVIDENCE_INDEX("Evidence index"),
  APPENDIX("Appendix");

  private final String title;

  Section(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The key used in brief definitions, e.g. "top_people". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
