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
}
