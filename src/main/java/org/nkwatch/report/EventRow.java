package org.nkwatch.report;

import java.util.Objects;

/**
 * One sanction event as the brief lists it. Parts the source does not state are "".
 *
 * @param sanctionType the sanction type key (dismissal, revolutionization, un_sanctions, ...)
 * @param targetName   who or what was sanctioned, as a display name
 * @param level        rank or level of the officials ("vice-minister", "provincial party secretaries")
 * @param numberText   how many, as the source says it ("two", "dozens of")
 * @param reason       the stated reason
 * @param certainty    a {@code org.nkwatch.model.Certainty} key: confirmed, reported, rumoured, denied, contradicted
 * @param evidenceId   the id of the {@link Evidence} that supports it
 */
public record EventRow(String sanctionType, String targetName, String level, String numberText, String reason,
    String certainty, String evidenceId) {

  public EventRow {
    Objects.requireNonNull(sanctionType, "sanctionType");
    Objects.requireNonNull(evidenceId, "evidenceId");
    targetName = orEmpty(targetName);
    level = orEmpty(level);
    numberText = orEmpty(numberText);
    reason = orEmpty(reason);
    certainty = orEmpty(certainty);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
