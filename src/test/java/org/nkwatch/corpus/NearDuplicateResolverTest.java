package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nkwatch.corpus.NearDuplicateResolver.Doc;
import org.nkwatch.corpus.NearDuplicateResolver.Pair;

class NearDuplicateResolverTest {
  @Test
  void theEarliestCopyStaysTheArticle() {
    Map<String, NearDuplicateResolver.Resolution> r = new NearDuplicateResolver().resolve(
        List.of(new Doc("late", "2024-05-02|wire|a"), new Doc("early", "2024-05-01|wire|b")),
        List.of(new Pair("late", "early", 0.93)));
    assertThat(r).containsOnlyKeys("late");
    assertThat(r.get("late").duplicateOf()).isEqualTo("early");
    assertThat(r.get("late").similarity()).isEqualTo(0.93);
  }

  @Test
  void chainsPointAtTheGroupsFirstArticleNotAtAnotherCopy() {
    Map<String, NearDuplicateResolver.Resolution> r = new NearDuplicateResolver().resolve(
        List.of(new Doc("c", "3"), new Doc("b", "2"), new Doc("a", "1"), new Doc("alone", "0")),
        List.of(new Pair("c", "b", 0.9), new Pair("b", "a", 0.95)));
    assertThat(r).containsOnlyKeys("b", "c");
    assertThat(r.values()).allMatch(x -> x.duplicateOf().equals("a"));
  }

  @Test
  void noPairsNoDuplicates() {
    assertThat(new NearDuplicateResolver().resolve(List.of(new Doc("a", "1"), new Doc("b", "2")), List.of())).isEmpty();
  }
}
