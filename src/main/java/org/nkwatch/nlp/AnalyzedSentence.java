package org.nkwatch.nlp;

/**
 * One sentence after tokenization: tokens with their character offsets in the article text, and the
 * normalised forms the matchers use. POS tags are filled only when asked for.
 *
 * @param norms matching keys per token (lowercase, no diacritics or apostrophes; see {@link NameNormalizer})
 * @param stems Snowball stems of the lowercased tokens, for taxonomy cues
 */
public record AnalyzedSentence(
    int index,
    int start,
    int end,
    String text,
    String[] tokens,
    int[] tokenStarts,
    int[] tokenEnds,
    String[] norms,
    String[] stems,
    String[] tags) {

  public int size() {
    return tokens.length;
  }

  public boolean hasTags() {
    return tags != null;
  }
}
