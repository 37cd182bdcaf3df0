package org.nkwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods and date ranges, without Spark. */
class PublicationWindowTest {
  /** A Wednesday. */
  private static final LocalDate TODAY = LocalDate.of(2024, 5, 15);

  private static PublicationWindow period(String text) {
    return PublicationWindow.period(text, TODAY);
  }

  @Test
  void namedPeriods() {
    assertThat(period("2024")).extracting("since", "until").containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
    assertThat(period("2024-02")).extracting("since", "until").containsExactly(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
    assertThat(period("2024-W19")).extracting("since", "until").containsExactly(LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 12));
    // ISO week 1 of 2021 starts on 4 January; 2020 has a week 53 that ends in 2021
    assertThat(period("2021-W01").since()).isEqualTo(LocalDate.of(2021, 1, 4));
    assertThat(period("2020-W53").until()).isEqualTo(LocalDate.of(2021, 1, 3));
    assertThat(period("2024-05-06")).extracting("since", "until").containsExactly(LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 6));
  }

  @Test
  void relativePeriodsResolveAgainstTheRunsDay() {
    assertThat(period("yesterday")).extracting("since", "until").containsExactly(LocalDate.of(2024, 5, 14), LocalDate.of(2024, 5, 14));
    assertThat(period("last-week")).extracting("since", "until").containsExactly(LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 12));
    assertThat(period("last-month")).extracting("since", "until").containsExactly(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30));
    // on a Monday, last week is the one that ended yesterday; in January, last month is December
    assertThat(PublicationWindow.period("last-week", LocalDate.of(2024, 5, 13)).since()).isEqualTo(LocalDate.of(2024, 5, 6));
    assertThat(PublicationWindow.period("last-month", LocalDate.of(2024, 1, 10)).since()).isEqualTo(LocalDate.of(2023, 12, 1));
  }

  @Test
  void badPeriodsNameTheValue() {
    for (String bad : new String[] {"2024-13", "2024-W54", "2023-W53", "2024-02-30", "last-year", "", "24"}) {
      assertThatThrownBy(() -> period(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("'" + bad + "' is not a period (expected YYYY, YYYY-MM, YYYY-Www");
    }
    assertThatThrownBy(() -> PublicationWindow.date("2024/05/01")).hasMessage("'2024/05/01' is not a date (expected YYYY-MM-DD)");
  }

  @Test
  void undatedArticlesAreOnlyInTheWholeRun() {
    assertThat(PublicationWindow.ALL.contains(null)).isTrue();
    assertThat(period("2024").contains(null)).isFalse();
    PublicationWindow since = PublicationWindow.between(LocalDate.of(2024, 5, 1), null);
    assertThat(since.contains(LocalDate.of(2099, 1, 1))).isTrue();
    assertThat(since.contains(LocalDate.of(2024, 4, 30))).isFalse();
    assertThat(period("2024-05").contains(LocalDate.of(2024, 5, 31))).isTrue();
    assertThat(period("2024-05").contains(LocalDate.of(2024, 6, 1))).isFalse();
    assertThat(PublicationWindow.between(null, null)).isSameAs(PublicationWindow.ALL);
  }
}
