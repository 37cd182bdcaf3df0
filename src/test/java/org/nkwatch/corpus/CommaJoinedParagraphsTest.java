package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written separator matching does what the patterns it documents would. */
class CommaJoinedParagraphsTest {
  private static final String ALPHABET = " ,.,!?\"')(\naAbBcÉé1 ,  , U.S";

  @Test
  void spacedCommasAsThePatternWouldFindThem() {
    assertSameOnRandomTexts(7, CommaJoinedParagraphs::replaceSpacedCommas, CommaJoinedParagraphsTest::spacedByPattern);
  }

  @Test
  void periodCommasAsThePatternWouldFindThem() {
    assertSameOnRandomTexts(11, CommaJoinedParagraphs::replacePeriodCommas, CommaJoinedParagraphsTest::periodByPattern);
    assertThat(CommaJoinedParagraphs.replacePeriodCommas("the Republic., The message. U.S., Co. and \"yes.\", He"))
        .isEqualTo("the Republic.\nThe message. U.S., Co. and \"yes.\"\nHe");
  }

  private static void assertSameOnRandomTexts(long seed, UnaryOperator<String> byHand, UnaryOperator<String> byPattern) {
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      String s = randomText(random);
      assertThat(byHand.apply(s)).as(s).isEqualTo(byPattern.apply(s));
    }
  }

  private static String randomText(Random random) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(30);
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  private static String spacedByPattern(String s) {
    Matcher m = Pattern.compile(CommaJoinedParagraphs.SPACED_COMMA).matcher(s);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(s, last, m.start());
      char after = m.end() < s.length() ? s.charAt(m.end()) : ' ';
      out.append(Character.isLowerCase(after) ? ", " : "\n");
      last = m.end();
    }
    return out.append(s, last, s.length()).toString();
  }

  private static String periodByPattern(String s) {
    Matcher m = Pattern.compile(CommaJoinedParagraphs.PERIOD_COMMA).matcher(s);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      int wordStart = m.start();
      while (wordStart > 0 && !Character.isWhitespace(s.charAt(wordStart - 1))) {
        wordStart--;
      }
      String word = s.substring(wordStart, m.start());
      out.append(s, last, m.end(1));
      boolean abbreviation = m.group(1).startsWith(".") && CommaJoinedParagraphs.isAbbreviation(word);
      out.append(abbreviation ? ", " : "\n");
      last = m.end();
    }
    return out.append(s, last, s.length()).toString();
  }
}
