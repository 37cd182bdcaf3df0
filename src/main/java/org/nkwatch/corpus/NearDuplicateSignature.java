package org.nkwatch.corpus;

import java.io.Serializable;
import java.util.Arrays;

/**
 * MinHash signatures over word shingles of an article's normalised text, for finding near duplicates
 * (the same story republished with a changed line, a different dateline, scrape junk) without comparing
 * every pair: articles that share a {@linkplain #bands band} are candidates, and {@link #jaccardEstimate}
 * estimates how much of their word 5-grams they share. Spark-free and deterministic: the same text gives
 * the same signature in every JVM. Not thread-safe (it reuses its buffers from text to text): one per task.
 *
 * <p>With the defaults (64 hashes, 16 bands of 4 rows) a pair with Jaccard similarity s becomes a
 * candidate with probability 1 - (1 - s^4)^16: about 0.99 at s = 0.7, 0.64 at s = 0.5, 0.03 at s = 0.2.
 */
public final class NearDuplicateSignature implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_HASHES = 64;
  public static final int DEFAULT_BANDS = 16;
  public static final int DEFAULT_SHINGLE_WORDS = 5;
  private static final long SEED = 0x6E6B7761746368L; // "nkwatch"

  private final int hashes;
  private final int bands;
  private final int shingleWords;
  private final long[] salts;
  /**
   * The last text's words, lower-cased, each followed by a space; word w starts at {@code wordStarts[w]}.
   * Made on first use, and again after deserialization (a task's copy).
   */
  private transient char[] letters;
  private transient int[] wordStarts;

  public NearDuplicateSignature() {
    this(DEFAULT_HASHES, DEFAULT_BANDS, DEFAULT_SHINGLE_WORDS);
  }

  /**
   * @param hashes       signature length
   * @param bands        LSH bands; must divide {@code hashes}
   * @param shingleWords words per shingle
   */
  public NearDuplicateSignature(int hashes, int bands, int shingleWords) {
    if (hashes <= 0 || bands <= 0 || hashes % bands != 0) {
      throw new IllegalArgumentException("bands (" + bands + ") must divide hashes (" + hashes + "), both positive");
    }
    if (shingleWords <= 0) {
      throw new IllegalArgumentException("shingleWords must be positive, got " + shingleWords);
    }
    this.hashes = hashes;
    this.bands = bands;
    this.shingleWords = shingleWords;
    this.salts = new long[hashes];
    long state = SEED;
    for (int i = 0; i < hashes; i++) {
      state += 0x9E3779B97F4A7C15L;
      salts[i] = mix(state);
    }
  }

  /**
   * The MinHash signature of the text's word shingles (words: runs of letters and digits, lower-cased).
   * A text with fewer words than a shingle is one shingle; a text without words gives a signature of
   * {@link Long#MAX_VALUE}, which has no {@linkplain #bands bands}.
   *
   * <p>A shingle's hash is FNV-1a over its words, each followed by a space. The words are lower-cased into
   * one reused buffer and hashed from there, not made into strings: ingest signs every article it reads.
   */
  public long[] signature(String text) {
    long[] signature = new long[hashes];
    Arrays.fill(signature, Long.MAX_VALUE);
    int words = splitWords(text);
    if (words == 0) {
      return signature;
    }
    int shingles = Math.max(1, words - shingleWords + 1);
    for (int s = 0; s < shingles; s++) {
      long h = FNV_OFFSET;
      int last = Math.min(words, s + shingleWords);
      for (int c = wordStarts[s]; c < wordStarts[last]; c++) {
        h = (h ^ letters[c]) * FNV_PRIME;
      }
      for (int i = 0; i < hashes; i++) {
        long v = mix(h ^ salts[i]);
        if (v < signature[i]) {
          signature[i] = v;
        }
      }
    }
    return signature;
  }

  /** Fills {@link #letters} and {@link #wordStarts} with the words of {@code text}; returns how many. */
  private int splitWords(String text) {
    if (letters == null || letters.length < 2 * text.length() + 1) {
      letters = new char[2 * text.length() + 1]; // a lower-cased code point may take two chars; a space per word
    }
    if (wordStarts == null || wordStarts.length < text.length() / 2 + 2) {
      wordStarts = new int[text.length() / 2 + 2]; // a word and its separator take at least two chars
    }
    int length = 0;
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (!inWord) {
          wordStarts[words++] = length;
          inWord = true;
        }
        length += Character.toChars(Character.toLowerCase(c), letters, length);
      } else if (inWord) {
        letters[length++] = ' ';
        inWord = false;
      }
    }
    if (inWord) {
      letters[length++] = ' ';
    }
    wordStarts[words] = length;
    return words;
  }

  /**
   * LSH band keys: one per band, a hash of the band's index and rows; two articles sharing any key are
   * near-duplicate candidates. Empty for a text without words.
   */
  public long[] bands(long[] signature) {
    checkLength(signature);
    if (Arrays.stream(signature).allMatch(v -> v == Long.MAX_VALUE)) {
      return new long[0];
    }
    long[] keys = new long[bands];
    int rows = hashes / bands;
    for (int b = 0; b < bands; b++) {
      long h = FNV_OFFSET ^ b;
      for (int r = b * rows; r < (b + 1) * rows; r++) {
        h = mix(h ^ signature[r]) * FNV_PRIME;
      }
      keys[b] = h;
    }
    return keys;
  }

  /** The share of equal signature positions: an estimate of the Jaccard similarity of the shingle sets. */
  public double jaccardEstimate(long[] a, long[] b) {
    checkLength(a);
    checkLength(b);
    int equal = 0;
    for (int i = 0; i < hashes; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return equal / (double) hashes;
  }

  private void checkLength(long[] signature) {
    if (signature.length != hashes) {
      throw new IllegalArgumentException("signature has " + signature.length + " values, expected " + hashes);
    }
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** SplitMix64's finaliser: a bijective, well-mixed 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
