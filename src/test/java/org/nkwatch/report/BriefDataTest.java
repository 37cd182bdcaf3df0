package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BriefDataTest {
  @Test
  void listsAreCanonicalWhateverTheInputOrder() {
    List<RankedEntity> people = new ArrayList<>(SampleBriefs.people());
    List<Evidence> evidence = new ArrayList<>(SampleBriefs.evidence());
    List<EventRow> events = new ArrayList<>(SampleBriefs.events());
    List<TypeCount> counts = new ArrayList<>(SampleBriefs.sanctionsByCorpus());
    Collections.reverse(people);
    Collections.reverse(evidence);
    Collections.reverse(events);
    Collections.shuffle(counts, new java.util.Random(7));
    BriefData shuffled = SampleBriefs.base().topPeople(people).evidence(evidence).sanctionEvents(events)
        .sanctionTypesByCorpus(counts).build();
    assertThat(shuffled).isEqualTo(SampleBriefs.full());
    assertThat(shuffled.topPeople().get(0).name()).isEqualTo("Kim Jong Un");
    assertThat(shuffled.evidence().get(0).published()).isEqualTo(LocalDate.of(2025, 1, 23));
    assertThat(shuffled.sanctionEvents().get(0).evidenceId()).isEqualTo("kcna-0123:7");
  }

  @Test
  void listsAreImmutable() {
    BriefData d = SampleBriefs.full();
    assertThatThrownBy(() -> d.topPeople().add(SampleBriefs.people().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEventMustCiteEvidenceThatIsThere() {
    assertThatThrownBy(() -> SampleBriefs.base().evidence(List.of()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dnk-0211:4");
  }

  @Test
  void evidenceIdsAreUnique() {
    Evidence e = SampleBriefs.evidence().get(0);
    assertThatThrownBy(() -> SampleBriefs.base().sanctionEvents(List.of()).evidence(List.of(e, e)).build())
        .hasMessageContaining("given twice");
  }

  @Test
  void aPeriodHasBothEndsOrNone() {
    assertThatThrownBy(() -> SampleBriefs.base().period(LocalDate.of(2025, 1, 1), null).build())
        .hasMessageContaining("both");
    assertThatThrownBy(() -> SampleBriefs.base().period(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)).build())
        .hasMessageContaining("before");
    assertThat(SampleBriefs.undated().period()).isEmpty();
    assertThat(SampleBriefs.undated().hasComparison()).isFalse();
  }

  @Test
  void missingStringsBecomeEmpty() {
    RankedEntity e = new RankedEntity("k", null, null, 1, 1, 0);
    assertThat(e.name()).isEqualTo("k");
    assertThat(e.hangul()).isEmpty();
    EventRow row = new EventRow("arrest", null, null, null, null, null, "e");
    assertThat(row.reason()).isEmpty();
  }
}
