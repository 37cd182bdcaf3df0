package org.nkwatch.model;

/** What a mention is of. */
public enum MentionKind {
  PERSON, ORGANIZATION, PLACE, THEME, SANCTION;

  public boolean isEntity() {
    return this == PERSON || this == ORGANIZATION || this == PLACE;
  }
}
