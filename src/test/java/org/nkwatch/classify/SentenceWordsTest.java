package org.nkwatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SentenceWordsTest {
  /** The rule as the vocabularies were written against it, in regular expressions. */
  private static String byRegex(String token) {
    return token.toLowerCase(Locale.ROOT).replaceAll("['’]s$", "").replace("'", "").replace("’", "")
        .replaceAll("\\.+$", "");
  }

  @Test
  void contextWordsDropPossessivesApostrophesAndFinalStops() {
    assertEquals("u.s", SentenceWords.contextWord("U.S."));
    assertEquals("eu", SentenceWords.contextWord("EU's"));
    assertEquals("koreas", SentenceWords.contextWord("Koreas’"));
    assertEquals("dont", SentenceWords.contextWord("don't"));
    assertEquals("n", SentenceWords.contextWord("N..."));
    assertEquals("", SentenceWords.contextWord("..."));
  }

  @Test
  void contextWordsMatchTheRegularExpressionRule() {
    for (String token : List.of("U.S.'s", "Kim's", "KIM’S", "s", "'s", "'", "’’", "a.b.c..", "Jong-un's.", "Choe",
        "1990s", "it's'", "Ma'am", "Sinp'o", "D.P.R.K.", "o'clock's", "’s.", "x's's")) {
      assertEquals(byRegex(token), SentenceWords.contextWord(token), token);
    }
  }
}
