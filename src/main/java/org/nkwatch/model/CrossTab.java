package org.nkwatch.model;

import java.util.List;

/**
 * The cross-tabulations written to {@code counts} next to the mention kinds. A cross-tab row's {@code kind}
 * is one of these names and its {@code key} joins the row key and the column key with {@link #SEPARATOR}
 * ({@code mfa|dismissal}, {@code dismissal|defector_network}), so {@code counts} keeps flat columns; its
 * {@code name} joins the two names with {@link #NAME_SEPARATOR} ({@code Ministry of Foreign Affairs | Dismissal}).
 */
public enum CrossTab {
  /**
   * Organizations by sanction type, "who is being punished how": sanction events whose target is an
   * organization. Key: organization key | sanction type; mentions are events, documents their articles. Which
   * events count: {@link #countsSanctionEvent}.
   */
  ORGANIZATION_BY_SANCTION,
  /**
   * Sanction types by the source type of the article (state_media, defector_network, wire_or_newspaper,
   * government, unknown). Key: sanction type | source type; mentions are sanction mentions.
   */
  SANCTION_BY_SOURCE_TYPE;

  public static final String SEPARATOR = "|";
  public static final String NAME_SEPARATOR = " " + SEPARATOR + " ";

  /**
   * Certainties of a sanction event that {@link #ORGANIZATION_BY_SANCTION} leaves out: a punishment the party
   * it concerns denies, or that later reporting contradicted, did not (as far as the corpus knows) happen.
   * Rumoured ones stay in, as the source's own words say how sure they are: counts do not grade certainty.
   */
  public static final List<String> UNCOUNTED_CERTAINTIES = List.of(Certainty.DENIED.key(), Certainty.CONTRADICTED.key());

  public String key(String rowKey, String columnKey) {
    return rowKey + SEPARATOR + columnKey;
  }

  public String name(String rowName, String columnName) {
    return rowName + NAME_SEPARATOR + columnName;
  }

  /**
   * Whether a row of {@code sanction_events} is counted in {@link #ORGANIZATION_BY_SANCTION}: its target is an
   * organization, it has a sanction type, it is affirmed (a negated one, "was not dismissed", is not a
   * punishment; no polarity counts as affirmed, as for mentions) and its certainty is not one of
   * {@link #UNCOUNTED_CERTAINTIES} (no certainty counts).
   */
  public static boolean countsSanctionEvent(String targetKind, String targetKey, String sanctionType, String polarity,
      String certainty) {
    return MentionKind.ORGANIZATION.name().equals(targetKind)
        && targetKey != null && !targetKey.isBlank()
        && sanctionType != null && !sanctionType.isBlank()
        && (polarity == null || Mention.AFFIRMED.equals(polarity))
        && (certainty == null || !UNCOUNTED_CERTAINTIES.contains(certainty));
  }
}
