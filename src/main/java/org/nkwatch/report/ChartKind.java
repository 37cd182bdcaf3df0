package org.nkwatch.report;

import java.util.Locale;

/** The charts a brief can hold. */
public enum ChartKind {
  TOP_PEOPLE("Most mentioned people"),
  TOP_ORGANIZATIONS("Most mentioned organizations"),
  TOP_PLACES("Most mentioned places"),
  SANCTIONS_BY_CORPUS("Sanction types by corpus"),
  THEMES_OVER_TIME("Themes over time"),
  ORGANIZATIONS_BY_SANCTION("Organizations by sanction type");

  private final String title;

  ChartKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The key used in brief definitions and in chart file names, e.g. "themes_over_time". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
