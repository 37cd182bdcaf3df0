package org.nkwatch.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits words that the KCNA web pages run together around a highlighted leader's name:
 * "ComradeKim Jong Uninspected" becomes "Comrade", "Kim", "Jong", "Un", "inspected". Two cases:
 * a lower-case letter followed by a capital inside one token ("toKim", "SungUniversity"), and a name's last
 * syllable glued to the next word ("Sungguided"), which is cut only where the cut completes a gazetteer name.
 */
final class GluedTokens {
  private static final int MAX_NAME_PIECES_BEFORE = 3;

  private GluedTokens() {
  }

  /** The sentence with glued tokens split, or the same sentence when nothing is glued. */
  static AnalyzedSentence split(AnalyzedSentence s, Gazetteer gazetteer) {
    List<String> tokens = null;
    List<int[]> spans = null;
    List<String> stems = null;
    for (int t = 0; t < s.size(); t++) {
      List<int[]> pieces = pieces(s, t, tokens, gazetteer);
      if (pieces == null) {
        if (tokens == null) {
          continue;
        }
        pieces = List.of(new int[] {0, s.tokens()[t].length()});
      }
      if (pieces.size() > 1 && tokens == null) {
        tokens = new ArrayList<>(s.size() + 4);
        spans = new ArrayList<>(s.size() + 4);
        stems = new ArrayList<>(s.size() + 4);
        for (int u = 0; u < t; u++) {
          tokens.add(s.tokens()[u]);
          spans.add(new int[] {s.tokenStarts()[u], s.tokenEnds()[u]});
          stems.add(s.stems()[u]);
        }
      }
      if (tokens != null) {
        String token = s.tokens()[t];
        for (int[] piece : pieces) {
          String text = token.substring(piece[0], piece[1]);
          tokens.add(text);
          spans.add(new int[] {s.tokenStarts()[t] + piece[0], s.tokenStarts()[t] + piece[1]});
          stems.add(pieces.size() == 1 ? s.stems()[t] : text.toLowerCase(Locale.ROOT));
        }
      }
    }
    if (tokens == null) {
      return s;
    }
    int n = tokens.size();
    int[] starts = new int[n];
    int[] ends = new int[n];
    String[] norms = new String[n];
    for (int i = 0; i < n; i++) {
      starts[i] = spans.get(i)[0];
      ends[i] = spans.get(i)[1];
      norms[i] = NameNormalizer.tokenKey(tokens.get(i));
    }
    return new AnalyzedSentence(s.index(), s.start(), s.end(), s.text(), tokens.toArray(String[]::new), starts, ends,
        norms, stems.toArray(String[]::new));
  }

  /** Character ranges of the pieces of token t (one range when it is not glued), or null when it plainly is not. */
  private static List<int[]> pieces(AnalyzedSentence s, int t, List<String> splitSoFar, Gazetteer gazetteer) {
    String token = s.tokens()[t];
    if (!hasInnerCapital(token) && !mayEndAName(token, 0, token.length(), t > 0 && capitalised(s.tokens()[t - 1]))) {
      return null; // most tokens: no list, no ranges
    }
    List<int[]> pieces = new ArrayList<>(2);
    int from = 0;
    for (int i = 1; i < token.length(); i++) {
      boolean capitalStartsWord = Character.isUpperCase(token.charAt(i)) && i + 1 < token.length()
          && Character.isLowerCase(token.charAt(i + 1));
      if (!capitalStartsWord) {
        continue; // the common case, without cutting the piece on its left (a string per character)
      }
      String left = token.substring(from, i);
      if (Character.isLowerCase(token.charAt(i - 1)) && gluedOnTheLeft(left)
          || isAcronym(left)) { // "toKim", "ComradeKim", "HEKim"
        pieces.add(new int[] {from, i});
        from = i;
      }
    }
    pieces.add(new int[] {from, token.length()});
    int[] last = pieces.get(pieces.size() - 1);
    if (!mayEndAName(token, last[0], last[1], pieces.size() > 1 || t > 0 && capitalised(s.tokens()[t - 1]))) {
      return pieces; // the common case, decided without building the name before it
    }
    List<String> before = namePiecesBefore(s, t, splitSoFar, pieces);
    int cut = nameTailCut(token.substring(last[0], last[1]), before, gazetteer);
    if (cut > 0) {
      pieces.set(pieces.size() - 1, new int[] {last[0], last[0] + cut});
      pieces.add(new int[] {last[0] + cut, last[1]});
    }
    return pieces;
  }

  /** "to", "including", "President" glue to a name; "Mc" of McCune and "De" of DeGaulle are parts of names. */
  private static boolean gluedOnTheLeft(String left) {
    return left.length() >= 4 || left.equals(left.toLowerCase(Locale.ROOT));
  }

  private static boolean isAcronym(String left) {
    return left.length() >= 2 && left.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }

  /** Keys of up to three capitalised pieces just before the last piece of token t. */
  private static List<String> namePiecesBefore(AnalyzedSentence s, int t, List<String> splitSoFar, List<int[]> pieces) {
    List<String> before = new ArrayList<>(MAX_NAME_PIECES_BEFORE);
    String token = s.tokens()[t];
    for (int i = pieces.size() - 2; i >= 0 && before.size() < MAX_NAME_PIECES_BEFORE; i--) {
      before.add(0, token.substring(pieces.get(i)[0], pieces.get(i)[1]));
    }
    List<String> earlier = splitSoFar != null ? splitSoFar : Arrays.asList(s.tokens()).subList(0, t);
    for (int i = earlier.size() - 1; i >= 0 && before.size() < MAX_NAME_PIECES_BEFORE; i--) {
      before.add(0, earlier.get(i));
    }
    List<String> keys = new ArrayList<>(before.size());
    for (String piece : before) {
      keys.add(Character.isUpperCase(piece.charAt(0)) ? NameNormalizer.tokenKey(piece) : "");
    }
    return keys;
  }

  /**
   * Where a name's last syllable ends inside {@code piece} ("Sungguided" after "Kim Il" -> 4), or 0. The cut
   * must leave a lower-case word of two letters or more and complete a gazetteer name with the pieces before.
   */
  private static int nameTailCut(String piece, List<String> before, Gazetteer gazetteer) {
    if (piece.length() < 4 || !Character.isUpperCase(piece.charAt(0)) || before.isEmpty()
        || before.get(before.size() - 1).isEmpty()) {
      return 0;
    }
    String lower = piece.toLowerCase(Locale.ROOT);
    for (int cut = Math.min(5, piece.length() - 2); cut >= 2; cut--) {
      if (!isLowerWord(piece.substring(cut))) {
        continue;
      }
      for (int n = 1; n <= before.size(); n++) {
        List<String> keys = new ArrayList<>(before.subList(before.size() - n, before.size()));
        if (keys.contains("")) {
          break;
        }
        keys.add(NameNormalizer.key(lower.substring(0, cut)));
        AliasTrie.Match match = gazetteer.trie().longest(keys, 0);
        if (match != null && match.length() == keys.size()) {
          return cut;
        }
      }
    }
    return 0;
  }

  /** A capitalised piece of four letters or more, after a capitalised word, ending in lower case. */
  private static boolean mayEndAName(String token, int from, int to, boolean afterCapitalised) {
    return afterCapitalised && to - from >= 4 && Character.isUpperCase(token.charAt(from))
        && Character.isLowerCase(token.charAt(to - 1));
  }

  private static boolean hasInnerCapital(String token) {
    for (int i = 1; i < token.length(); i++) {
      if (Character.isUpperCase(token.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean capitalised(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.charAt(0));
  }

  private static boolean isLowerWord(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
