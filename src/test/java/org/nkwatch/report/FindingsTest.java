package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTest {
  @Test
  void fullBriefFindingsAreTheseSentencesInThisOrder() {
    assertThat(Findings.of(SampleBriefs.full())).containsExactly(
        "Mentions of Kim Jong Un rose from 380 to 412 (+8%) against the previous period.",
        "Mentions of Workers' Party of Korea rose from 190 to 220 (+16%) against the previous period.",
        "Mentions of Organization and Guidance Department rose from 12 to 38 (+217%) against the previous period.",
        "Mentions of Kim Yo Jong fell from 61 to 44 (-28%) against the previous period.",
        "Mentions of Korean People's Army fell from 110 to 95 (-14%) against the previous period.",
        "Mentions of Pak Jong Chon fell from 25 to 18 (-28%) against the previous period.",
        "Jo Yong Won appears for the first time: 15 mentions in 12 articles, none in the previous period.",
        "Foreign Trade Bank appears for the first time: 14 mentions in 9 articles, none in the previous period.",
        "Nampo appears for the first time: 11 mentions in 8 articles, none in the previous period.",
        "The sanction types with the most events were dismissal (2 events), arrest (1) and revolutionization (1), of 5 events in all.",
        "Defector-network sources mention revolutionization (9 mentions); state media do not.",
        "Defector-network sources mention investigation (8 mentions); state media do not.",
        "Defector-network sources mention arrest (6 mentions); state media do not.",
        "State media mention UN sanctions (18 mentions); defector-network sources do not.",
        "State media mention unilateral sanctions (12 mentions); defector-network sources do not.",
        "State media mention reprimand (11 mentions); defector-network sources do not.");
  }

  @Test
  void withoutAComparisonThereAreNoRisesFallsOrFirstAppearances() {
    List<String> f = Findings.of(SampleBriefs.base().previousPeriod(null, null).build());
    assertThat(f).noneMatch(s -> s.contains("previous period"));
    assertThat(f).anyMatch(s -> s.startsWith("The sanction types with the most events"));
  }

  /** An undated article's events are listed in a dated brief but make no finding about its period. */
  @Test
  void eventsOfUndatedArticlesAreNotCountedInFindings() {
    java.util.List<Evidence> evidence = new java.util.ArrayList<>(SampleBriefs.evidence());
    evidence.add(new Evidence("seed:1", org.nkwatch.model.MentionKind.SANCTION, "arrest", "An undated sentence.", "seeds",
        "", "", null, null));
    java.util.List<EventRow> events = new java.util.ArrayList<>(SampleBriefs.events());
    for (int i = 0; i < 3; i++) {
      events.add(new EventRow("arrest", "someone", "", "", "", "reported", "seed:1"));
    }
    BriefData data = SampleBriefs.base().evidence(evidence).sanctionEvents(events).build();
    assertThat(data.periodSanctionEvents()).hasSize(5);
    assertThat(Findings.of(data)).contains("The sanction types with the most events were dismissal (2 events), arrest "
        + "(1) and revolutionization (1), of 5 events in all.");
  }

  @Test
  void singleEventReadsInTheSingular() {
    assertThat(Findings.of(SampleBriefs.singleArticle()))
        .containsExactly("The sanction type with the most events was dismissal (1 event), of 1 event in all.");
  }

  @Test
  void disagreementsNeedBothKindsOfSource() {
    BriefData onlyDefector = SampleBriefs.base()
        .corpora(List.of(SampleBriefs.corpora().get(0))).build();
    assertThat(Findings.of(onlyDefector)).noneMatch(s -> s.contains("state media"));
  }

  @Test
  void nothingToSayIsSaidOnce() {
    BriefData empty = BriefData.builder().title("Empty").generatedAt(SampleBriefs.GENERATED).build();
    assertThat(Findings.of(empty)).containsExactly(Findings.NOTHING);
  }

  @Test
  void sameDataSameWords() {
    assertThat(Findings.of(SampleBriefs.full())).isEqualTo(Findings.of(SampleBriefs.full()));
  }
}
