package org.nkwatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReappearanceTest {
  private static final LocalDate REPORTED = LocalDate.of(2024, 3, 1);

  @Test
  void aReportedExecutionIsContradictedByALaterOrdinaryAppearance() {
    assertThat(Reappearance.certaintyAfter("execution", "reported", "affirmed", "PERSON", REPORTED,
        LocalDate.of(2024, 5, 10))).isEqualTo("contradicted");
    assertThat(Reappearance.certaintyAfter("revolutionization", "rumoured", "affirmed", "PERSON", REPORTED,
        LocalDate.of(2024, 3, 2))).isEqualTo("contradicted");
  }

  @Test
  void anAppearanceOnTheSameDayOrEarlierOrNoneChangesNothing() {
    assertThat(Reappearance.certaintyAfter("execution", "reported", "affirmed", "PERSON", REPORTED, REPORTED))
        .isEqualTo("reported");
    assertThat(Reappearance.certaintyAfter("execution", "reported", "affirmed", "PERSON", REPORTED,
        LocalDate.of(2024, 1, 5))).isEqualTo("reported");
    assertThat(Reappearance.certaintyAfter("execution", "reported", "affirmed", "PERSON", REPORTED, null))
        .isEqualTo("reported");
    assertThat(Reappearance.certaintyAfter("execution", "reported", "affirmed", "PERSON", null,
        LocalDate.of(2024, 5, 10))).isEqualTo("reported");
  }

  @Test
  void onlyUncertainReportsOfPeopleLeavingPublicLifeAreReRead() {
    LocalDate later = LocalDate.of(2024, 5, 10);
    // a dismissed official may attend events in a lower post
    assertThat(Reappearance.certaintyAfter("dismissal", "reported", "affirmed", "PERSON", REPORTED, later))
        .isEqualTo("reported");
    // what state media confirmed, or what was denied, stays as it was
    assertThat(Reappearance.certaintyAfter("execution", "confirmed", "affirmed", "PERSON", REPORTED, later))
        .isEqualTo("confirmed");
    assertThat(Reappearance.certaintyAfter("execution", "denied", "negated", "PERSON", REPORTED, later))
        .isEqualTo("denied");
    // organizations do not reappear
    assertThat(Reappearance.certaintyAfter("execution", "reported", "affirmed", "ORGANIZATION", REPORTED, later))
        .isEqualTo("reported");
  }
}
