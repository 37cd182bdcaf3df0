package org.nkwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account line a run prints per corpus. */
class CorpusAccountTest {
  @Test
  void theLineNamesRejectReasonsOnlyWhenThereAreRejects() {
    assertThat(new CorpusAccount("wire", 10, 10, 0, 0, Map.of(), Map.of("en", 10L), 0).summary())
        .isEqualTo("wire: 10 records read = 10 articles + 0 duplicates + 0 rejects");
    assertThat(new CorpusAccount("kcna", 12, 8, 1, 3, Map.of("no_text", 2L, "binary", 1L), Map.of("en", 8L), 0).summary())
        .isEqualTo("kcna: 12 records read = 8 articles + 1 duplicates + 3 rejects {binary=1, no_text=2}");
    assertThat(new CorpusAccount("kcna", 12, 8, 1, 0, Map.of(), Map.of(), 2).summary())
        .isEqualTo("kcna: 12 records read = 8 articles + 1 duplicates + 0 rejects + 2 outside the window  DOES NOT ADD UP");
  }
}
