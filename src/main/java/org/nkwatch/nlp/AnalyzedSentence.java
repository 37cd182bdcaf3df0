package org.nkwatch.nlp;

/**
 * One sentence after tokenization: tokens with their character offsets in the article text, and the
 * normalised forms the matchers use. POS tags are asked of the analyzer where
 * needed ({@link TextAnalyzer#tag}), not kept here.
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
    String[] stems) {

  public int size() {
    return tokens.length;
  }
}
