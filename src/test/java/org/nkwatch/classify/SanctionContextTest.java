package org.nkwatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.model.Article;
import org.nkwatch.model.Mention;
import org.nkwatch.model.MentionKind;

/**
 * The context rules with the taxonomy and gazetteer users get (conf/), on sentences the team wrote:
 * "yet" after a negation, and South Korean or foreign arrests and trials.
 */
class SanctionContextTest {
  private static DocumentAnnotator.Resources resources;

  @BeforeAll
  static void load() {
    resources = DocumentAnnotator.Resources.of(ConfigBundle.fromDirectory(Path.of("conf")));
  }

  private static List<Mention> sanctions(String text) {
    return sanctions(null, text);
  }

  private static List<Mention> sanctions(String title, String text) {
    Article article = new Article("d1", "test", null, "wire_or_newspaper", "test#1", null, title,
        LocalDate.of(2025, 10, 1), null, "en", text, 0, 0);
    return new DocumentAnnotator(resources.gazetteer(), resources.taxonomy()).annotate(article, "wire_or_newspaper")
        .mentions().stream().filter(m -> m.kind() == MentionKind.SANCTION).toList();
  }

  private static List<String> affirmed(String text) {
    return sanctions(text).stream().filter(m -> m.polarity().equals(Mention.AFFIRMED)).map(Mention::key).toList();
  }

  private static List<String> negated(String text) {
    return sanctions(text).stream().filter(m -> m.polarity().equals(Mention.NEGATED)).map(Mention::key).toList();
  }

  @Test
  void yetAfterANegationKeepsItNegated() {
    assertThat(negated("The mine manager has not yet been arrested.")).containsExactly("arrest");
    assertThat(affirmed("The mine manager has not yet been arrested.")).isEmpty();
    assertThat(negated("Officials said the two cadres were never yet detained.")).containsExactly("arrest");
  }

  @Test
  void yetToBeIsANegationToo() {
    assertThat(affirmed("The factory manager has yet to be arrested over the fire.")).isEmpty();
    assertThat(negated("The factory manager has yet to be arrested over the fire.")).containsExactly("arrest");
  }

  @Test
  void yetAsAConjunctionStillBreaksTheClause() {
    assertThat(affirmed("The director did not resist the inspection, yet he was dismissed from his post."))
        .contains("dismissal");
    assertThat(negated("The director did not resist the inspection, yet he was dismissed from his post."))
        .doesNotContain("dismissal");
  }

  @Test
  void southKoreanAndForeignArrestsAreNotNorthKoreanSanctions() {
    assertThat(affirmed("South Korean police arrested a defector-activist who had flown leaflets across the border."))
        .isEmpty();
    assertThat(affirmed("A court in Seoul sentenced the former soldier to two years in prison for espionage."))
        .isEmpty();
    assertThat(affirmed("US authorities detained two men accused of laundering money for Pyongyang.")).isEmpty();
    assertThat(affirmed("The FBI arrested a broker who had placed North Korean IT workers with US firms."))
        .doesNotContain("arrest");
  }

  @Test
  void anArticleWhoseTitlePlacesItAbroadHasNoDomesticTypes() {
    String text = "The court handed the activist a prison term on Friday. He had been arrested in May.";
    assertThat(keys(sanctions("Activist Sentenced to Prison Term in S. Korea", text))).isEmpty();
    assertThat(keys(sanctions("S. Korean Authorities Jail Peace Activist", text))).isEmpty();
    assertThat(keys(sanctions("North Korean Official Arrested, Seoul Says", text))).contains("arrest");
    assertThat(keys(sanctions("Mine Managers Punished in Hyesan", text))).contains("arrest", "imprisonment");
    // a foreign place other than South Korea, or "South Korean" alone, does not take the story abroad
    assertThat(keys(sanctions("Officials Jailed over Shells Bound for Russia", text))).contains("arrest");
    assertThat(keys(sanctions("Teenagers Jailed for Sharing South Korean Dramas", text))).contains("arrest");
  }

  @Test
  void theCourtWithoutANationalityIsTheLastCourtNamed() {
    assertThat(affirmed("A South Korean district court sentenced the activist to two years in prison. He had "
        + "praised the North online. Enraged at this, the court added penal servitude.")).isEmpty();
    assertThat(affirmed("The court sentenced the smuggler to penal servitude for life.")).contains("imprisonment");
    // a North Korean organ named in between ends the foreign court's reach
    assertThat(affirmed("A South Korean court jailed the broker. In Hyesan, the Ministry of State Security "
        + "questioned traders. The authorities then arrested three of them.")).contains("arrest");
  }

  @Test
  void aDetainedShipIsNotAnArrest() {
    assertThat(affirmed("The coast guard detained a tanker carrying coal off the port.")).doesNotContain("arrest");
  }

  @Test
  void bareSanctionsOfAStateAreUnilateralAndInternationalSanctionsAreOnlyBackground() {
    assertThat(affirmed("Washington extended its sanctions on the country for another year."))
        .containsExactly("unilateral_sanctions");
    assertThat(affirmed("The minister said the EU's sanctions on his country had failed."))
        .containsExactly("unilateral_sanctions");
    assertThat(affirmed("The campaign comes amid economic pressure from international sanctions.")).isEmpty();
  }

  private static List<String> keys(List<Mention> mentions) {
    return mentions.stream().filter(m -> m.polarity().equals(Mention.AFFIRMED)).map(Mention::key).toList();
  }

  @Test
  void aForeignSourceOfANorthKoreanPunishmentStillCounts() {
    assertThat(affirmed("South Korea's spy agency said the vice premier was executed by firing squad."))
        .contains("execution");
    assertThat(affirmed("The National Intelligence Service told lawmakers that the two officials were arrested "
        + "in Pyongyang.")).contains("arrest");
    assertThat(affirmed("Security agents arrested three traders in Hyesan for selling foreign films."))
        .contains("arrest");
  }
}
