package org.nkwatch.nlp;

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

  Span[] tokenizePos(String sentence) {
    Span[] pieces = WhitespaceTokenizer.INSTANCE.tokenizePos(sentence);
    java.util.ArrayList<Span> tokens = new java.util.ArrayList<>(pieces.length + 8);
    for (Span piece : pieces) {
      int offset = piece.getStart();
      int[] split = split(sentence.substring(offset, piece.getEnd()));
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

  /** How many tokens {@link #tokenizePos} gives for {@code sentence}, without making them. */
  int count(String sentence) {
    int tokens = 0;
    for (Span piece : WhitespaceTokenizer.INSTANCE.tokenizePos(sentence)) {
      int[] split = piece.length() < 2 ? WHOLE : split(sentence.substring(piece.getStart(), piece.getEnd()));
      tokens += split == WHOLE ? 1 : split.length / 2;
    }
    return tokens;
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
