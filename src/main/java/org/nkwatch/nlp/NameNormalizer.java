package org.nkwatch.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns names as written into matching keys that survive romanization: case, hyphens and spaces
 * (Kim Jong-un = KIM JONG UN), McCune-Reischauer apostrophes and breves (Ch'oe = Choe, Pyŏng = Pyong),
 * possessives (Kim's = Kim) and the common alternate spellings of surnames (Lee/Rhee/Yi = Ri).
 * The same function is applied to gazetteer aliases and to text, so they meet in the middle.
 */
public final class NameNormalizer {
  private NameNormalizer() {
  }

  /** Alternate romanizations mapped to the KCNA form the gazetteer uses. */
  private static final Map<String, String> SURNAME_ALTERNATES = Map.ofEntries(
      Map.entry("lee", "ri"), Map.entry("rhee", "ri"), Map.entry("yi", "ri"), Map.entry("rhie", "ri"),
      Map.entry("choi", "choe"), Map.entry("chwe", "choe"),
      Map.entry("park", "pak"), Map.entry("bak", "pak"),
      Map.entry("cho", "jo"),
      Map.entry("oh", "o"),
      Map.entry("yu", "ryu"), Map.entry("yoo", "ryu"),
      Map.entry("rho", "ro"), Map.entry("roh", "ro"),
      Map.entry("chung", "jong"), Map.entry("jung", "jong"),
      Map.entry("hyun", "hyon"),
      Map.entry("yang", "ryang"),
      Map.entry("tae", "thae"));

  /** The matching key of one word-like piece, or "" when nothing of it is left (punctuation, "'s"). */
  public static String key(String piece) {
    if (isPlainAsciiWord(piece)) {
      // the common case, kept cheap: no decomposition or possessive handling needed
      String key = piece.toLowerCase(Locale.ROOT);
      return SURNAME_ALTERNATES.getOrDefault(key, key);
    }
    String s = piece;
    // possessive: Kim's, Kims' (not Ch'oe: the apostrophe there is inside the word)
    if (s.endsWith("'s") || s.endsWith("’s") || s.endsWith("'S")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.length() > 2 && (s.endsWith("s'") || s.endsWith("s’"))) {
      s = s.substring(0, s.length() - 1);
    }
    s = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      } else if (c == '&') {
        out.append("and");
      }
      // combining marks (breves), apostrophes, dots of U.S. and other punctuation are dropped
    }
    String key = out.toString();
    return SURNAME_ALTERNATES.getOrDefault(key, key);
  }

  private static boolean isPlainAsciiWord(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** The keys of one token, joined by spaces when a hyphen splits it ("Jong-un" -> "jong un"). */
  public static String tokenKey(String token) {
    if (isPlainAsciiWord(token)) {
      return key(token);
    }
    return String.join(" ", keys(token));
  }

  /** A name split on spaces and hyphens into keys, empty pieces dropped: "Kim Jong-un's" -> [kim, jong, un]. */
  public static List<String> keys(String name) {
    List<String> keys = new ArrayList<>();
    for (String piece : name.trim().split("[\\s\\-‐‑–]+")) {
      String key = key(piece);
      if (!key.isEmpty()) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** The key a comma gets, so that aliases written with one ("C.C., WPK") can match across it. */
  public static final String COMMA = ",";

  /** Like {@link #keys} but with a {@link #COMMA} key where the name has a comma. */
  public static List<String> keysWithCommas(String name) {
    List<String> keys = new ArrayList<>();
    String[] parts = name.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        keys.add(COMMA);
      }
      keys.addAll(keys(parts[i]));
    }
    return keys;
  }

  /** True for acronyms such as KPA, OGD, U.S.: matched only in capitals, so "us" is not the United States. */
  public static boolean isAcronym(String alias) {
    String letters = alias.replace(".", "").replace("'", "");
    if (letters.length() < 2 || letters.length() > 6 || letters.contains(" ")) {
      return false;
    }
    return letters.equals(letters.toUpperCase(Locale.ROOT)) && letters.chars().anyMatch(Character::isLetter);
  }
}
