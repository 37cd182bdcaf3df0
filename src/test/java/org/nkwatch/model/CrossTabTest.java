package org.nkwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules of the cross-tabs in {@code counts} (README, counts), without Spark. */
class CrossTabTest {
  private static final String ORG = MentionKind.ORGANIZATION.name();

  @Test
  void keysAndNamesJoinRowAndColumn() {
    assertThat(CrossTab.ORGANIZATION_BY_SANCTION.key("mfa", "dismissal")).isEqualTo("mfa|dismissal");
    assertThat(CrossTab.ORGANIZATION_BY_SANCTION.name("Ministry of Foreign Affairs", "Dismissal"))
        .isEqualTo("Ministry of Foreign Affairs | Dismissal");
    assertThat(CrossTab.SANCTION_BY_SOURCE_TYPE.key("dismissal", "defector_network"))
        .isEqualTo("dismissal|defector_network");
  }

  @Test
  void affirmedEventsTargetingAnOrganizationCountWhateverTheSourceSaysOfTheirCertainty() {
    for (String certainty : new String[] {"confirmed", "reported", "rumoured", null}) {
      assertThat(CrossTab.countsSanctionEvent(ORG, "mfa", "dismissal", "affirmed", certainty)).as(certainty).isTrue();
    }
    // no polarity is affirmed, as for mentions
    assertThat(CrossTab.countsSanctionEvent(ORG, "mfa", "dismissal", null, "reported")).isTrue();
  }

  @Test
  void negatedDeniedAndContradictedEventsDoNotCount() {
    assertThat(CrossTab.countsSanctionEvent(ORG, "mfa", "dismissal", "negated", "reported")).isFalse();
    assertThat(CrossTab.countsSanctionEvent(ORG, "mfa", "dismissal", "affirmed", "denied")).isFalse();
    assertThat(CrossTab.countsSanctionEvent(ORG, "mfa", "dismissal", "affirmed", "contradicted")).isFalse();
    assertThat(CrossTab.UNCOUNTED_CERTAINTIES).containsExactly(Certainty.DENIED.key(), Certainty.CONTRADICTED.key());
  }

  @Test
  void onlyEventsWithAnOrganizationAndATypeCount() {
    assertThat(CrossTab.countsSanctionEvent(MentionKind.PERSON.name(), "ri-yong-ho", "dismissal", "affirmed", "confirmed"))
        .isFalse();
    assertThat(CrossTab.countsSanctionEvent(null, null, "dismissal", "affirmed", "reported")).isFalse();
    assertThat(CrossTab.countsSanctionEvent(ORG, null, "dismissal", "affirmed", "reported")).isFalse();
    assertThat(CrossTab.countsSanctionEvent(ORG, " ", "dismissal", "affirmed", "reported")).isFalse();
    assertThat(CrossTab.countsSanctionEvent(ORG, "mfa", null, "affirmed", "reported")).isFalse();
  }
}
