package org.nkwatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.model.Article;
import org.nkwatch.model.Mention;
import org.nkwatch.model.MentionKind;
import org.nkwatch.model.SanctionEvent;
import org.nkwatch.testing.FixtureConfig;

class DocumentAnnotatorTest {
  private static DocumentAnnotator.Resources resources;

  @BeforeAll
  static void load() {
    resources = DocumentAnnotator.Resources.of(FixtureConfig.bundle());
  }

  private static Annotation annotate(String text, String sourceType) {
    Article article = new Article("d1", "test", null, sourceType, "test#1", null, null, LocalDate.of(2025, 10, 1),
        null, "en", text, 0, 0);
    return new DocumentAnnotator(resources.gazetteer(), resources.taxonomy()).annotate(article, sourceType);
  }

  private static List<Mention> sanctions(Annotation a) {
    return a.mentions().stream().filter(m -> m.kind() == MentionKind.SANCTION).toList();
  }

  @Test
  void aStatedDismissalIsAffirmedWithItsEvent() {
    Annotation a = annotate("Three officials of the foreign ministry, one at deputy director level, were dismissed "
        + "for protocol failures.", "defector_network");
    assertThat(sanctions(a)).singleElement().satisfies(m -> {
      assertThat(m.key()).isEqualTo("dismissal");
      assertThat(m.polarity()).isEqualTo(Mention.AFFIRMED);
      assertThat(m.certainty()).isEqualTo("reported");
      assertThat(m.surface()).isEqualTo("dismissed");
    });
    SanctionEvent e = a.events().get(0);
    assertThat(e.sanctionType()).isEqualTo("dismissal");
    assertThat(e.targetKey()).isEqualTo("mofa");
    assertThat(e.numberOfPeople()).isEqualTo(3L);
    assertThat(e.level()).isEqualTo("deputy-director-level");
    assertThat(e.reason()).isEqualTo("for protocol failures");
  }

  @Test
  void negationMakesTheMentionNegatedAndNoEvent() {
    Annotation a = annotate("The commander was not dismissed but reprimanded.", "defector_network");
    assertThat(sanctions(a)).extracting(Mention::key, Mention::polarity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dismissal", Mention.NEGATED),
            org.assertj.core.groups.Tuple.tuple("reprimand", Mention.AFFIRMED));
    assertThat(a.events()).extracting(SanctionEvent::sanctionType).containsExactly("reprimand");
  }

  @Test
  void aCueWrittenWithItsAuxiliaryReadsThroughTheNegation() {
    Annotation a = annotate("The regiment commander was not sacked, a source said.", "defector_network");
    assertThat(sanctions(a)).extracting(Mention::key, Mention::polarity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dismissal", Mention.NEGATED));
    assertThat(a.events()).isEmpty();
  }

  @Test
  void deniedReportsAreNotCountedAsPunishments() {
    Annotation a = annotate("State media denied reports that officials had been executed.", "wire_or_newspaper");
    assertThat(sanctions(a)).singleElement().satisfies(m -> {
      assertThat(m.certainty()).isEqualTo("denied");
      assertThat(m.polarity()).isEqualTo(Mention.NEGATED);
    });
    assertThat(a.events()).isEmpty();
  }

  @Test
  void hedgesAndSourceTypeSetCertainty() {
    assertThat(sanctions(annotate("He was reportedly executed.", "state_media")).get(0).certainty()).isEqualTo("reported");
    assertThat(sanctions(annotate("He was executed.", "state_media")).get(0).certainty()).isEqualTo("confirmed");
    assertThat(sanctions(annotate("He was executed.", "defector_network")).get(0).certainty()).isEqualTo("reported");
    assertThat(sanctions(annotate("It is rumoured that he was executed.", "wire_or_newspaper")).get(0).certainty())
        .isEqualTo("rumoured");
  }

  @Test
  void bareSanctionsNeedAnInternationalContext() {
    assertThat(sanctions(annotate("The UN Security Council tightened sanctions on Pyongyang.", "wire_or_newspaper")))
        .extracting(Mention::key).containsExactly("un_sanctions");
    assertThat(sanctions(annotate("The plant manager faced sanctions from his superiors.", "wire_or_newspaper")))
        .isEmpty();
  }

  @Test
  void exclusionsCancelACue() {
    assertThat(sanctions(annotate("Pyongyang dismissed the claim as a fabrication.", "state_media"))).isEmpty();
  }

  @Test
  void gappedCuesMatchAcrossWords() {
    assertThat(sanctions(annotate("The officials were sent with their families to a farm.", "defector_network")))
        .extracting(Mention::key).containsExactly("revolutionization");
  }

  @Test
  void themesNeedThreeCuesOrAStrongOne() {
    assertThat(themes(annotate("Trade with China grew. Beijing welcomed it.", "wire_or_newspaper"))).isEmpty();
    assertThat(themes(annotate("Trade with China grew. Beijing welcomed it. Chinese firms did too.",
        "wire_or_newspaper"))).containsOnly("relations_china");
    assertThat(themes(annotate("A purge swept the ministry.", "wire_or_newspaper"))).containsOnly("purges_discipline");
  }

  @Test
  void countsSentencesAndTokens() {
    Annotation a = annotate("Kim Jong Un met Xi Jinping. They talked.", "state_media");
    assertThat(a.sentences()).isEqualTo(2);
    assertThat(a.tokens()).isEqualTo(10); // 7 + 3, full stops included
  }

  private static List<String> themes(Annotation a) {
    return a.mentions().stream().filter(m -> m.kind() == MentionKind.THEME).map(Mention::key).distinct().toList();
  }
}
