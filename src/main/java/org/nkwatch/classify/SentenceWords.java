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
      words.add(TRAILING_STOPS.matcher(POSSESSIVE.matcher(token.toLowerCase(java.util.Locale.ROOT)).replaceAll("")
          .replace("'", "").replace("’", "")).replaceAll(""));
    }
    return new SentenceWords(s, stems, words, index);
  }

  // compiled once: per token, String.replaceAll compiled each pattern anew (a tenth of annotate's time)
  private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("['’]s$");
  private static final java.util.regex.Pattern TRAILING_STOPS = java.util.regex.Pattern.compile("\\.+$");

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
