package org.nkwatch.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.CorpusRegistry;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.model.MentionKind;
import org.nkwatch.testing.RealData;

/**
 * Sanction types and themes per document on their development gold set
 * (src/test/resources/org/nkwatch/eval/gold-dev-themes.tsv, 44 articles of all five corpora) and on the
 * held-out set (gold-test-themes.tsv, 12 articles annotated before the theme rule and cues were tuned on the
 * development set): fails when document-level F1 drops below the level last measured. Skips without the
 * real data. Same figures as {@code ./nkwatch eval --gold src/test/resources/org/nkwatch/eval/gold-dev-themes.tsv}
 * (and {@code gold-test-themes.tsv}).
 */
class DevGoldThemesTest {
  // measured 2026-11-23 on 44 documents: SANCTION 0.939, THEME 0.910 (thresholds a little under; THEME was
  // 0.769 before the strong-cue rule and the cue fixes)
  static final double MIN_SANCTION_F1 = 0.92;
  static final double MIN_THEME_F1 = 0.88;
  // measured 2026-11-23 on the 12 held-out documents: SANCTION 0.500 (1 of 2 found, 1 false hit), THEME 0.632
  // (0.476 before tuning); never tuned against
  static final double MIN_HELD_OUT_SANCTION_F1 = 0.45;
  static final double MIN_HELD_OUT_THEME_F1 = 0.60;

  @Test
  void sanctionTypeAndThemeF1HoldOnTheDevelopmentGoldSet() throws Exception {
    check("gold-dev-themes.tsv", MIN_SANCTION_F1, MIN_THEME_F1);
  }

  @Test
  void sanctionTypeAndThemeF1HoldOnTheHeldOutGoldSet() throws Exception {
    check("gold-test-themes.tsv", MIN_HELD_OUT_SANCTION_F1, MIN_HELD_OUT_THEME_F1);
  }

  private static void check(String file, double minSanction, double minTheme) throws Exception {
    Optional<Path> root = RealData.root();
    Assumptions.assumeTrue(root.isPresent(), RealData.missingMessage());
    List<Evaluator.GoldDoc> gold = Evaluator.readGold(
        Path.of(DevGoldThemesTest.class.getResource("/org/nkwatch/eval/" + file).toURI()));
    List<CorpusSpec> corpora = CorpusRegistry.load(Path.of("conf/corpora.yaml"), root.get().toString());
    Evaluator.Result result = GoldEvaluation.run(gold, corpora,
        DocumentAnnotator.fromConfig(ConfigBundle.fromDirectory(Path.of("conf"))));
    System.out.println("DevGoldThemesTest, " + file + ", " + gold.size() + " documents:\n" + result.report());
    assertTrue(result.unmatched().isEmpty(), "gold documents not found in the data: " + result.unmatched());
    double sanction = result.score(MentionKind.SANCTION).f1();
    double theme = result.score(MentionKind.THEME).f1();
    assertTrue(sanction >= minSanction, file + ": sanction-type F1 " + sanction + " < " + minSanction + "\n"
        + result.table());
    assertTrue(theme >= minTheme, file + ": theme F1 " + theme + " < " + minTheme + "\n" + result.table());
  }
}
