package org.nkwatch.nlp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers remembered per word, shared by the tasks of a JVM: news text repeats its words, so a function of
 * the word alone (its stem, its key, its tokenizer split) is worth computing once. Bounded: when full it is
 * cleared, and the frequent words come back at once. Sized to hold the vocabulary of a large corpus (KCNA
 * 2011-2012 has 120,000 distinct whitespace pieces).
 */
final class WordCache<V> {
  private static final int SIZE = 250_000;
  private final ConcurrentHashMap<String, V> answers = new ConcurrentHashMap<>(1 << 16);
  /** The answer for {@code word}, from {@code compute} the first time (it may run twice for a word in a race). */
  V get(String word, Function<String, V> compute) {
    V known = answers.get(word);
    if (known == null) {
      known = compute.apply(word);
      if (answers.size() >= SIZE) {
        answers.clear();
      }
      answers.put(word, known);
    }
    return known;
  }
}
