package org.nkwatch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.ConfigException;

/**
 * Every mapping of the taxonomy files accepts only its own keys: a misspelt key ("negaton") would otherwise
 * drop its cues without a word and change the results.
 */
class TaxonomyKeysTest {
  /** Stems as the tests need: the key checks do not depend on stemming. */
  private static final UnaryOperator<String> LOWER = String::toLowerCase;

  private static String conf(String name) throws IOException {
    return Files.readString(Path.of("conf").resolve(name));
  }

  private static Taxonomy load(String file, String text) {
    return Taxonomy.load(ConfigBundle.of(Map.of(file, text)), LOWER);
  }

  /** The line (from 1) where {@code needle} first occurs in {@code text}. */
  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    assertThat(at).as("'%s' in the test's text", needle).isNotNegative();
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void thePackagedTaxonomyUsesOnlyAllowedKeysAndLoadsEveryVocabulary() {
    Taxonomy taxonomy = Taxonomy.load(ConfigBundle.fromDirectory(Path.of("conf")), LOWER);
    assertThat(taxonomy.negation().isEmpty()).isFalse();
    for (String level : Taxonomy.HEDGE_LEVELS) {
      assertThat(taxonomy.hedges(level).isEmpty()).as("hedges.%s", level).isFalse();
    }
    assertThat(taxonomy.sanctionTypes()).anyMatch(t -> !t.exclude().isEmpty());
    assertThat(taxonomy.themes()).anyMatch(t -> !t.strong().isEmpty());
  }

  @Test
  void aMisspeltTopLevelKeyOfSanctionsIsNamedWithItsLine() throws IOException {
    String text = conf(ConfigBundle.SANCTIONS).replace("\nnegation:", "\nnegaton:");
    assertThatThrownBy(() -> load(ConfigBundle.SANCTIONS, text))
        .isInstanceOf(ConfigException.class)
        .hasMessage("taxonomy/sanctions.yaml:" + (lineOf(text, "\nnegaton:") + 1)
            + ": unknown key 'negaton' (expected one of " + Taxonomy.SANCTIONS_KEYS + ")");
  }

  @Test
  void aMisspeltKeyOfASanctionTypeIsNamedWithItsLine() throws IOException {
    String text = conf(ConfigBundle.SANCTIONS).replaceFirst("\n    exclude:", "\n    exlude:");
    assertThatThrownBy(() -> load(ConfigBundle.SANCTIONS, text))
        .hasMessage("taxonomy/sanctions.yaml:" + (lineOf(text, "\n    exlude:") + 1)
            + ": unknown key 'exlude' (expected one of [key, name, scope, description, cues, exclude])");
  }

  @Test
  void aThemeKeyInASanctionTypeIsRejected() {
    // 'strong' is read for themes only: in a sanction type it would do nothing
    String text = "version: t\ntypes:\n  - {key: arrest, cues: [arrested], strong: [arrested]}\n";
    assertThatThrownBy(() -> load(ConfigBundle.SANCTIONS, text))
        .hasMessageStartingWith("taxonomy/sanctions.yaml:3: unknown key 'strong' (expected one of [key, name, scope,");
  }

  @Test
  void aMisspeltHedgeLevelIsNamedWithItsLine() throws IOException {
    String text = conf(ConfigBundle.SANCTIONS).replace("\n  rumoured:", "\n  rumored:");
    assertThatThrownBy(() -> load(ConfigBundle.SANCTIONS, text))
        .hasMessage("taxonomy/sanctions.yaml:" + (lineOf(text, "\n  rumored:") + 1)
            + ": unknown key 'rumored' (expected one of [reported, rumoured, denied, contradicted])");
  }

  @Test
  void hedgesThatAreNotAMappingAreAnError() throws IOException {
    String text = conf(ConfigBundle.SANCTIONS) + "\n";
    String broken = text.substring(0, text.indexOf("\nhedges:")) + "\nhedges: [reportedly]\n";
    assertThatThrownBy(() -> load(ConfigBundle.SANCTIONS, broken))
        .hasMessageStartingWith("taxonomy/sanctions.yaml: 'hedges' must be a mapping");
  }

  @Test
  void misspeltKeysOfThemesAreNamedWithTheirLines() throws IOException {
    String top = conf(ConfigBundle.THEMES).replace("\nversion:", "\nversoin:");
    assertThatThrownBy(() -> load(ConfigBundle.THEMES, top))
        .hasMessage("taxonomy/themes.yaml:" + (lineOf(top, "\nversoin:") + 1)
            + ": unknown key 'versoin' (expected one of [version, themes])");

    String item = conf(ConfigBundle.THEMES).replaceFirst("\n    strong:", "\n    strog:");
    assertThatThrownBy(() -> load(ConfigBundle.THEMES, item))
        .hasMessage("taxonomy/themes.yaml:" + (lineOf(item, "\n    strog:") + 1)
            + ": unknown key 'strog' (expected one of [key, name, description, cues, strong])");

    // 'exclude' is read for sanction types only: in a theme it would do nothing
    String flow = "version: t\nthemes:\n  - {key: a, cues: [x]}\n  - {key: b, cues: [y],\n     exclude: [z]}\n";
    assertThatThrownBy(() -> load(ConfigBundle.THEMES, flow))
        .hasMessageStartingWith("taxonomy/themes.yaml:5: unknown key 'exclude' (expected one of [key, name,");
  }
}
