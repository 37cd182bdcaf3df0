package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FurnitureFilterTest {
  @Test
  void theDefaultLinesAreFurnitureAndProseIsNot() {
    FurnitureFilter filter = new FurnitureFilter(IngestSettings.DEFAULT_FURNITURE_LINES);
    assertThat(List.of("Back to Top", "SHARE", "Share | Print | E-mail", "Share  Print", "Copyright 2024 Yonhap. "
        + "All rights reserved.", "-0-", "Read more", "Font size: A A")).allMatch(filter::isFurnitureOrEmpty);
    assertThat(List.of("Kim Jong Un inspected a farm.", "Top officials met", "Share prices fell | Seoul",
        "Print media in the DPRK")).noneMatch(filter::isFurnitureOrEmpty);
    assertThat(filter.isFurniture("   ")).isFalse();
    assertThat(filter.isFurnitureOrEmpty("   ")).isTrue();
  }

  @Test
  void aPatternWithABackReferenceKeepsItsGroups() {
    FurnitureFilter filter = new FurnitureFilter(List.of("(\\w+) \\1", "advert"));
    assertThat(filter.isFurniture("top top")).isTrue();
    assertThat(filter.isFurniture("top bottom")).isFalse();
    assertThat(filter.isFurniture("Advert")).isTrue();
  }

  @Test
  void theHandCheckForSeparatorsAgreesWithTheSplittingPattern() {
    List<String> lines = new java.util.ArrayList<>(List.of("Share  Print", "Share | Print", "a\u00b7b", "a \u2022 b",
        "one space only", "tab\tthen space \tx", "a\u000b\fb", "\r\n", "plain", "", "x  ", "a\u00a0\u00a0b"));
    // random lines over the characters that matter, and some that do not (no-break space is not \s)
    String alphabet = "ab |\t\n\u000b\f\r\u00b7\u2022\u00a0.";
    java.util.Random random = new java.util.Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      lines.add(line.toString());
    }
    int separated = 0;
    for (String line : lines) {
      boolean expected = FurnitureFilter.PARTS.matcher(line).find();
      assertThat(FurnitureFilter.hasPartSeparator(line)).as("[%s]", line).isEqualTo(expected);
      separated += expected ? 1 : 0;
    }
    assertThat(separated).isBetween(1_000, lines.size() - 1_000);
  }
}
