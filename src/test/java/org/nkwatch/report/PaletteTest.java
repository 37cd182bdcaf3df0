package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaletteTest {
  @Test
  void fixedVocabularyKeepsItsColoursWhateverElseIsPresent() {
    Palette a = Palette.forKeys(List.of());
    Palette b = Palette.forKeys(List.of("zz_theme", "aa_theme", "dismissal", "food_security"));
    for (String key : Palette.FIXED_KEYS) {
      assertThat(b.colourOf(key)).as(key).isEqualTo(a.colourOf(key));
    }
  }

  @Test
  void fixedColoursAreDistinct() {
    Palette p = Palette.forKeys(List.of());
    Set<Color> colours = new HashSet<>();
    Palette.FIXED_KEYS.forEach(k -> colours.add(p.colourOf(k)));
    assertThat(colours).hasSize(15);
  }

  @Test
  void otherKeysTakeFallbackColoursInSortedOrder() {
    Palette p1 = Palette.forKeys(List.of("russia_ties", "food_security", "border_control"));
    Palette p2 = Palette.forKeys(List.of("border_control", "food_security", "russia_ties", "border_control"));
    for (String k : List.of("russia_ties", "food_security", "border_control")) {
      assertThat(p1.colourOf(k)).isEqualTo(p2.colourOf(k));
    }
    assertThat(p1.colourOf("border_control")).isNotEqualTo(p1.colourOf("food_security"));
    assertThat(p1.colourOf("never_seen")).isEqualTo(Palette.UNLISTED);
  }

  @Test
  void manyKeysStayDistinct() {
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      keys.add("theme_" + (char) ('a' + i));
    }
    Palette p = Palette.forKeys(keys);
    Set<Color> colours = new HashSet<>();
    keys.forEach(k -> colours.add(p.colourOf(k)));
    assertThat(colours).hasSize(25);
  }
}
