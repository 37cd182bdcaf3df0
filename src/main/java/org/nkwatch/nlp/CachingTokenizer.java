package org.nkwatch.nlp;

import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringUtil;

/**
 * OpenNLP's maxent tokenizer with its answers remembered. {@link TokenizerME} splits a sentence at
 * whitespace and then asks its model, for each position inside each whitespace-separated piece, whether to
 * split there; the features it asks with come from that piece alone. So the split of a piece is a function
 * of the piece, and news text repeats its pieces ("the", "Korea,", "Kim", "DPRK"): remembering the answer
 * per piece gives the same tokens as the tokenizer, several times faster (equal tokens on the sample and
 * real articles: CachingTokenizerTest). The tokenizer itself is not thread-safe: one per task, as before.
 */
final class CachingTokenizer {
  /** The split of a piece the tokenizer leaves whole. */
  static final int[] WHOLE = new int[0];

  private final TokenizerME tokenizer;
  /**
   * piece -> its split as offsets within it (start, end, start, end, ...); {@link #WHOLE} when unsplit.
   * One per JVM, shared by every task's tokenizer (there is one tokenizer model): a task's first articles
   * then find the cache warm, and annotate finds it warm from ingest.
   */
  private static final WordCache<int[]> SPLITS = new WordCache<>();

  CachingTokenizer(TokenizerME tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** How many tokens {@code sentence} has, without making them. */
  int count(String sentence) {
    int tokens = 0;
    int start = pieceStart(sentence, 0);
    while (start < sentence.length()) {
      int end = pieceEnd(sentence, start);
      int[] split = end - start < 2 ? WHOLE : split(sentence.substring(start, end));
      tokens += split == WHOLE ? 1 : split.length / 2;
      start = pieceStart(sentence, end);
    }
    return tokens;
  }

  /**
   * Where the next whitespace-free piece of {@code s} starts from {@code i} on ({@code s.length()} when none):
   * whitespace as OpenNLP's tokenizer sees it ({@link StringUtil#isWhitespace}, as its WhitespaceTokenizer).
   */
  static int pieceStart(String s, int i) {
    while (i < s.length() && StringUtil.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Where the piece starting at {@code i} ends. */
  static int pieceEnd(String s, int i) {
    while (i < s.length() && !StringUtil.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The split of a whitespace-free piece: offsets within it (start, end, start, end, ...), or {@link #WHOLE}. */
  int[] split(String piece) {
    if (piece.length() < 2) {
      return WHOLE;
    }
    return SPLITS.get(piece, this::askModel);
  }

  private int[] askModel(String piece) {
    Span[] spans = tokenizer.tokenizePos(piece);
    if (spans.length == 1 && spans[0].getStart() == 0 && spans[0].getEnd() == piece.length()) {
      return WHOLE;
    }
    int[] offsets = new int[spans.length * 2];
    for (int i = 0; i < spans.length; i++) {
      offsets[2 * i] = spans[i].getStart();
      offsets[2 * i + 1] = spans[i].getEnd();
    }
    return offsets;
  }
}
