package org.nkwatch.model;

import java.util.Locale;

/** How sure the source is of a reported sanction. */
public enum Certainty {
  /** stated as fact by the source, or by state media about its own measures */
  CONFIRMED,
  /** attributed to sources, "reportedly", "according to" */
  REPORTED,
  /** rumoured, unconfirmed, speculation */
  RUMOURED,
  /** denied by the party it concerns */
  DENIED,
  /** reported earlier, later contradicted (the official reappeared) */
  CONTRADICTED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
