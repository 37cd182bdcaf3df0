package org.nkwatch.model;

/**
 * The cross-tabulations written to {@code counts} next to the mention kinds. A cross-tab row's {@code kind}
 * is one of these names and its {@code key} joins the row key and the column key with {@link #SEPARATOR}
 * ({@code dismissal|defector_network}), so {@code counts} keeps flat columns.
 */
public enum CrossTab {
  /**
   * Sanction types by the source type of the article (state_media, defector_network, wire_or_newspaper,
   * government, unknown). Key: sanction type | source type; mentions are sanction mentions.
   */
  SANCTION_BY_SOURCE_TYPE;

  public static final String SEPARATOR = "|";

  public String key(String rowKey, String columnKey) {
    return rowKey + SEPARATOR + columnKey;
  }
}
