package org.nkwatch.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Sentence detection, tokenization and (on request) POS tagging with OpenNLP. Not thread-safe: make one
 * per task or thread; the models underneath are shared.
 */
public final class TextAnalyzer {
  private final SentenceDetectorME sentenceDetector = new SentenceDetectorME(NlpModels.sentences());
  private final CachingTokenizer tokenizer = new CachingTokenizer(new TokenizerME(NlpModels.tokens()));
  private POSTaggerME tagger; // built on first use: POS is the expensive step
  /** A word's matching key and stem, remembered together: one lookup per token. */
  private record WordForms(String norm, String stem) {
    static WordForms of(String word) {
      return new WordForms(NameNormalizer.tokenKey(word), stemWord(word));
    }
  }

  /** Shared by the analyzers of a JVM (the forms depend on the word only): every task starts with it warm. */
  private static final WordCache<WordForms> FORMS = new WordCache<>();

  /**
   * A whitespace-separated piece of text as tokens: where each starts and ends within the piece, its text, key
   * and stem. Remembered per piece, like the tokenizer's split: one lookup per piece gives its tokens whole,
   * instead of one for the split and then a substring and a lookup per token.
   */
  private record PieceTokens(int[] bounds, String[] tokens, String[] norms, String[] stems) {
  }

  private static final WordCache<PieceTokens> PIECES = new WordCache<>();

  /** The sentence being tokenized, token by token; reused from sentence to sentence. */
  private String[] tokenBuffer = new String[64];
  private int[] startBuffer = new int[64];
  private int[] endBuffer = new int[64];
  private String[] normBuffer = new String[64];
  private String[] stemBuffer = new String[64];

  /** Splits and tokenizes {@code text}; offsets refer to {@code text}. */
  public List<AnalyzedSentence> analyze(String text) {
    Span[] sentenceSpans = sentenceDetector.sentPosDetect(text);
    List<AnalyzedSentence> sentences = new ArrayList<>(sentenceSpans.length);
    for (Span span : sentenceSpans) {
      for (Span piece : splitOnBlankLines(text, span)) {
        sentences.add(tokenizeSentence(text, piece, sentences.size()));
      }
    }
    return sentences;
  }

  /** Sentences and tokens of {@code text}, as {@link #analyze} splits it. */
  public record Counts(int sentences, int tokens) {
  }

  /**
   * How many sentences and tokens {@link #analyze} finds in {@code text}, without building them: no token
   * strings, offsets, norms or stems (ingest wants the counts only; building the sentences cost as much as
   * reading the files).
   */
  public Counts count(String text) {
    int sentences = 0;
    int tokens = 0;
    for (Span span : sentenceDetector.sentPosDetect(text)) {
      for (Span piece : splitOnBlankLines(text, span)) {
        sentences++;
        tokens += tokenizer.count(text.substring(piece.getStart(), piece.getEnd()));
      }
    }
    return new Counts(sentences, tokens);
  }

  /** POS tags (Universal Dependencies tags such as PROPN, NOUN) for a run of tokens; the tagger is built on first use. */
  public String[] tag(String[] tokens) {
    if (tagger == null) {
      tagger = new POSTaggerME(NlpModels.greedyPos());
    }
    return tagger.tag(tokens);
  }

  /** Stems one word the way cue phrases are stemmed; words repeat a lot, so stems are remembered. */
  public String stem(String word) {
    return FORMS.get(word, WordForms::of).stem();
  }

  private static String stemWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
    if (lower.isEmpty()) {
      return lower;
    }
    // the Snowball stemmer keeps state between calls: one per call of a cache miss is cheap next to sharing one
    return new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH).stem(lower).toString();
  }

  private AnalyzedSentence tokenizeSentence(String text, Span span, int index) {
    String sentence = text.substring(span.getStart(), span.getEnd());
    int n = 0;
    int length = sentence.length();
    // the whitespace pieces as OpenNLP's tokenizer sees them (its WhitespaceTokenizer), each split as it would be
    int pieceStart = CachingTokenizer.pieceStart(sentence, 0);
    while (pieceStart < length) {
      int pieceEnd = CachingTokenizer.pieceEnd(sentence, pieceStart);
      PieceTokens piece = PIECES.get(sentence.substring(pieceStart, pieceEnd), this::pieceTokens);
      ensureRoom(n + piece.tokens().length);
      int offset = span.getStart() + pieceStart;
      for (int t = 0; t < piece.tokens().length; t++, n++) {
        tokenBuffer[n] = piece.tokens()[t];
        startBuffer[n] = offset + piece.bounds()[2 * t];
        endBuffer[n] = offset + piece.bounds()[2 * t + 1];
        normBuffer[n] = piece.norms()[t];
        stemBuffer[n] = piece.stems()[t];
      }
      pieceStart = CachingTokenizer.pieceStart(sentence, pieceEnd);
    }
    return new AnalyzedSentence(index, span.getStart(), span.getEnd(), sentence, Arrays.copyOf(tokenBuffer, n),
        Arrays.copyOf(startBuffer, n), Arrays.copyOf(endBuffer, n), Arrays.copyOf(normBuffer, n),
        Arrays.copyOf(stemBuffer, n));
  }

  private PieceTokens pieceTokens(String piece) {
    int[] split = tokenizer.split(piece);
    int[] bounds = split == CachingTokenizer.WHOLE ? new int[] {0, piece.length()} : split;
    int n = bounds.length / 2;
    String[] tokens = new String[n];
    String[] norms = new String[n];
    String[] stems = new String[n];
    for (int t = 0; t < n; t++) {
      tokens[t] = bounds[2 * t] == 0 && bounds[2 * t + 1] == piece.length() ? piece
          : piece.substring(bounds[2 * t], bounds[2 * t + 1]);
      WordForms forms = FORMS.get(tokens[t], WordForms::of);
      norms[t] = forms.norm();
      stems[t] = forms.stem();
    }
    return new PieceTokens(bounds, tokens, norms, stems);
  }

  private void ensureRoom(int tokens) {
    if (tokens > tokenBuffer.length) {
      int size = Math.max(tokens, 2 * tokenBuffer.length);
      tokenBuffer = Arrays.copyOf(tokenBuffer, size);
      startBuffer = Arrays.copyOf(startBuffer, size);
      endBuffer = Arrays.copyOf(endBuffer, size);
      normBuffer = Arrays.copyOf(normBuffer, size);
      stemBuffer = Arrays.copyOf(stemBuffer, size);
    }
  }

  /** Headlines and captions without a final period must not run into the next paragraph. */
  private static List<Span> splitOnBlankLines(String text, Span span) {
    List<Span> pieces = new ArrayList<>(1);
    int start = span.getStart();
    int end = span.getEnd();
    int cursor = start;
    int breakAt;
    while ((breakAt = text.indexOf("\n\n", cursor)) >= 0 && breakAt < end) {
      addTrimmed(text, cursor, breakAt, pieces);
      cursor = breakAt + 2;
    }
    addTrimmed(text, cursor, end, pieces);
    return pieces;
  }

  private static void addTrimmed(String text, int start, int end, List<Span> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Span(start, end));
    }
  }
}
