package org.nkwatch.classify;

import java.util.ArrayList;
import java.util.List;
import org.nkwatch.nlp.AnalyzedSentence;

/**
 * The words of a sentence (punctuation and possessive markers left out), as stems for cues and as lowercased
 * words for the context vocabularies, and where each came from.
 */
record SentenceWords(AnalyzedSentence sentence, List<String> stems, List<String> words, int[] tokenIndex) {

  static SentenceWords of(AnalyzedSentence s) {
    List<String> stems = new ArrayList<>(s.size());
    List<String> words = new ArrayList<>(s.size());
    int[] index = new int[s.size()];
    for (int t = 0; t < s.size(); t++) {
      String token = s.tokens()[t];
      if (!hasLetterOrDigit(token) || token.equals("'s") || token.equals("’s")) {
        continue;
      }
      index[stems.size()] = t;
      stems.add(s.stems()[t]);
      // a final full stop and a possessive go, as in the vocabularies' phrases: "U.S." and "N." meet "U.S"
      // and "N", and "EU's" (one token where the tokenizer does not split it) meets "EU"
      words.add(contextWord(token));
    }
    return new SentenceWords(s, stems, words, index);
  }

  /**
   * The token lowercased, without a final possessive ("'s", "’s"), apostrophes, or final full stops. By hand,
   * not with regular expressions: two matchers per token were a seventh of the annotator's time.
   */
  static String contextWord(String token) {
    String lower = token.toLowerCase(java.util.Locale.ROOT);
    int end = lower.length();
    if (end >= 2 && lower.charAt(end - 1) == 's' && isApostrophe(lower.charAt(end - 2))) {
      end -= 2;
    }
    StringBuilder word = null;
    for (int i = 0; i < end; i++) {
      if (isApostrophe(lower.charAt(i))) {
        if (word == null) {
          word = new StringBuilder(end).append(lower, 0, i);
        }
      } else if (word != null) {
        word.append(lower.charAt(i));
      }
    }
    CharSequence kept = word != null ? word : lower.subSequence(0, end);
    int keep = kept.length();
    while (keep > 0 && kept.charAt(keep - 1) == '.') {
      keep--;
    }
    return kept.subSequence(0, keep).toString();
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }

  int charStart(int word) {
    return sentence.tokenStarts()[tokenIndex[word]];
  }

  int charEnd(int wordExclusive) {
    return sentence.tokenEnds()[tokenIndex[wordExclusive - 1]];
  }

  private static boolean hasLetterOrDigit(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (Character.isLetterOrDigit(token.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
