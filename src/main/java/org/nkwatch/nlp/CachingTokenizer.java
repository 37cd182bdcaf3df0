package org.nkwatch.nlp;

import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

/**
 * OpenNLP's maxent tokenizer with its answers remembered. {@link TokenizerME} splits a sentence at
 * whitespace and then asks its model, for each position inside each whitespace-separated piece, whether to
 * split there; the features it asks with come from that piece alone. So the split of a piece is a function
 * of the piece, and news text repeats its pieces ("the", "Korea,", "Kim", "DPRK"): remembering the answer
 * per piece gives the same tokens as the tokenizer, several times faster (equal tokens on the sample and
 * real articles: CachingTokenizerTest). The tokenizer itself is not thread-safe: one per task, as before.
 */
final class CachingTokenizer {
  /** Bounded like the stem cache: cleared when full, the frequent pieces return at once. */
  private static final int CACHE_SIZE = 100_000;
  private static final int[] WHOLE = new int[0];

  private final TokenizerME tokenizer;
  /**
   * piece -> its split as offsets within it (start, end, start, end, ...); {@link #WHOLE} when unsplit.
   * One per JVM, shared by every task's tokenizer (there is one tokenizer model): a task's first articles
   * then find the cache warm, and annotate finds it warm from ingest.
   */
  private static final ConcurrentHashMap<String, int[]> SPLITS = new ConcurrentHashMap<>(1 << 16);

  CachingTokenizer(TokenizerME tokenizer) {
    this.tokenizer = tokenizer;
  }

  Span[] tokenizePos(String sentence) {
    Span[] pieces = WhitespaceTokenizer.INSTANCE.tokenizePos(sentence);
    java.util.ArrayList<Span> tokens = new java.util.ArrayList<>(pieces.length + 8);
    for (Span piece : pieces) {
      int offset = piece.getStart();
      int[] split = piece.length() < 2 ? WHOLE : split(sentence.substring(offset, piece.getEnd()));
      if (split == WHOLE) {
        tokens.add(piece);
      } else {
        for (int i = 0; i < split.length; i += 2) {
          tokens.add(new Span(offset + split[i], offset + split[i + 1]));
        }
      }
    }
    return tokens.toArray(new Span[0]);
  }

  private int[] split(String piece) {
    int[] known = SPLITS.get(piece);
    if (known == null) {
      Span[] spans = tokenizer.tokenizePos(piece);
      if (spans.length == 1 && spans[0].getStart() == 0 && spans[0].getEnd() == piece.length()) {
        known = WHOLE;
      } else {
        known = new int[spans.length * 2];
        for (int i = 0; i < spans.length; i++) {
          known[2 * i] = spans[i].getStart();
          known[2 * i + 1] = spans[i].getEnd();
        }
      }
      if (SPLITS.size() >= CACHE_SIZE) {
        SPLITS.clear();
      }
      SPLITS.put(piece, known);
    }
    return known;
  }
}
