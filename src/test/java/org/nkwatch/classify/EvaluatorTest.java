package org.nkwatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nkwatch.model.Mention;
import org.nkwatch.model.MentionKind;

class EvaluatorTest {
  private static final String GOLD = String.join("\n",
      "corpus\tlocator_suffix\tkind\tkeys",
      "# a comment",
      "c\ta.csv#row=1\tPERSON\tkim-jong-un;choe-ryong-hae",
      "c\ta.csv#row=1\tORGANIZATION\twpk",
      "c\ta.csv#row=1\tSANCTION\tdismissal",
      "c\ta.csv#row=2\tPERSON\t-",
      "c\ta.csv#row=2\tPLACE\tpyongyang;unlisted-foo-county",
      "c\ta.csv#row=2\tTHEME\tmilitary",
      "");

  private static Map<MentionKind, Set<String>> keys(Object... kindAndKeys) {
    Map<MentionKind, Set<String>> out = new EnumMap<>(MentionKind.class);
    for (int i = 0; i < kindAndKeys.length; i += 2) {
      out.put((MentionKind) kindAndKeys[i], (Set<String>) kindAndKeys[i + 1]);
    }
    return out;
  }

  @Test
  void parsesGoldMergingRowsOfOneDocument() {
    List<Evaluator.GoldDoc> gold = Evaluator.parseGold(GOLD, "test");
    assertEquals(2, gold.size());
    assertEquals(Set.of("kim-jong-un", "choe-ryong-hae"), gold.get(0).keys(MentionKind.PERSON));
    assertEquals(Set.of(), gold.get(1).keys(MentionKind.PERSON));
    assertTrue(gold.get(1).scores(MentionKind.THEME));
    assertTrue(!gold.get(0).scores(MentionKind.THEME));
    assertTrue(gold.get(0).matches("c", "/data/x/a.csv#row=1"));
    assertTrue(!gold.get(0).matches("c", "/data/x/a.csv#row=11"));
    assertThrows(IllegalArgumentException.class, () -> Evaluator.parseGold("c\tx\tNOPE\ta", "t"));
  }

  @Test
  void microAveragesOverDocumentKeyPairs() {
    List<Evaluator.GoldDoc> gold = Evaluator.parseGold(GOLD, "test");
    Map<String, Map<MentionKind, Set<String>>> system = Map.of(
        "c:a.csv#row=1", keys(MentionKind.PERSON, Set.of("kim-jong-un", "unlisted-ri-chol"),
            MentionKind.ORGANIZATION, Set.of("wpk"), MentionKind.SANCTION, Set.of()),
        "c:a.csv#row=2", keys(MentionKind.PERSON, Set.of("kim-jong-un"),
            MentionKind.PLACE, Set.of("pyongyang", "unlisted-foo-county"), MentionKind.THEME, Set.of("economy")));
    Evaluator.Result r = Evaluator.evaluate(gold, system);
    Evaluator.Score person = r.score(MentionKind.PERSON);
    // tp kim (doc1); fp unlisted-ri-chol (doc1), kim (doc2); fn choe (doc1)
    assertEquals(1, person.truePositives());
    assertEquals(2, person.falsePositives());
    assertEquals(1, person.falseNegatives());
    assertEquals(1.0 / 3, person.precision(), 1e-9);
    assertEquals(0.5, person.recall(), 1e-9);
    assertEquals(0.4, person.f1(), 1e-9);
    assertEquals(1.0, r.score(MentionKind.ORGANIZATION).f1(), 1e-9);
    // an unlisted key that gold names counts as a hit
    assertEquals(2, r.score(MentionKind.PLACE).truePositives());
    assertEquals(0.0, r.score(MentionKind.SANCTION).recall(), 1e-9);
    // THEME scored only where gold has a THEME row
    assertEquals(1, r.score(MentionKind.THEME).docs());
    assertEquals(0.0, r.score(MentionKind.THEME).f1(), 1e-9);
    assertTrue(r.misses().contains(new Evaluator.Error("c:a.csv#row=1", MentionKind.PERSON, "choe-ryong-hae")));
    assertTrue(r.falseHits().contains(new Evaluator.Error("c:a.csv#row=1", MentionKind.PERSON, "unlisted-ri-chol")));
    assertTrue(r.report().contains("F1"));
  }

  @Test
  void aKindsDeclarationScoresExactlyTheDeclaredKinds() {
    List<Evaluator.GoldDoc> gold = Evaluator.parseGold(String.join("\n",
        "# kinds: SANCTION THEME",
        "c\ta.csv#row=1\tSANCTION\tdismissal",
        "c\ta.csv#row=2\tTHEME\tmilitary"), "t");
    assertTrue(gold.get(0).scores(MentionKind.THEME));
    assertTrue(gold.get(1).scores(MentionKind.SANCTION));
    assertTrue(!gold.get(0).scores(MentionKind.PERSON));
    Evaluator.Result r = Evaluator.evaluate(gold, Map.of(
        "c:a.csv#row=1", keys(MentionKind.PERSON, Set.of("kim-jong-un"), MentionKind.SANCTION, Set.of("dismissal")),
        "c:a.csv#row=2", keys(MentionKind.SANCTION, Set.of("arrest"), MentionKind.THEME, Set.of("military"))));
    assertTrue(r.score(MentionKind.PERSON) == null);
    assertEquals(1, r.score(MentionKind.SANCTION).falsePositives());
    assertEquals(1.0, r.score(MentionKind.THEME).f1(), 1e-9);
    assertThrows(IllegalArgumentException.class,
        () -> Evaluator.parseGold("# kinds: THEME\nc\tx\tPERSON\tkim-jong-un", "t"));
  }

  @Test
  void mergedFilesScoreTheKindsOfBothAndTheLaterKeysWin() {
    List<Evaluator.GoldDoc> entities = Evaluator.parseGold(GOLD, "entities");
    List<Evaluator.GoldDoc> themes = Evaluator.parseGold(String.join("\n", "# kinds: SANCTION THEME",
        "c\ta.csv#row=1\tSANCTION\treprimand", "c\tb.csv\tTHEME\t-"), "themes");
    List<Evaluator.GoldDoc> merged = Evaluator.merge(List.of(entities, themes));
    assertEquals(3, merged.size());
    assertEquals(Set.of("reprimand"), merged.get(0).keys(MentionKind.SANCTION));
    assertTrue(merged.get(0).scores(MentionKind.PERSON) && merged.get(0).scores(MentionKind.THEME));
    assertTrue(!merged.get(2).scores(MentionKind.PERSON));
  }

  @Test
  void unmatchedGoldDocumentsAreListedNotScored() {
    Evaluator.Result r = Evaluator.evaluate(Evaluator.parseGold(GOLD, "t"), Map.of());
    assertEquals(2, r.unmatched().size());
    assertTrue(r.scores().isEmpty());
  }

  @Test
  void systemKeysKeepAffirmedSanctionsOnly() {
    Mention affirmed = new Mention("d", "c", null, MentionKind.SANCTION, "dismissal", "dismissal", "dismissed",
        0, 0, 1, "e", Mention.AFFIRMED, "confirmed", true);
    Mention negated = new Mention("d", "c", null, MentionKind.SANCTION, "execution", "execution", "executed",
        0, 0, 1, "e", Mention.NEGATED, "confirmed", true);
    Mention person = new Mention("d", "c", null, MentionKind.PERSON, "kim-jong-un", "Kim Jong Un", "Kim",
        0, 0, 1, "e", null, null, true);
    Map<MentionKind, Set<String>> k = Evaluator.systemKeys(List.of(affirmed, negated, person));
    assertEquals(Set.of("dismissal"), k.get(MentionKind.SANCTION));
    assertEquals(Set.of("kim-jong-un"), k.get(MentionKind.PERSON));
  }
}
