package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sanitising and wrapping, with a fake font that has Latin letters only and measures 500 units a character. */
class TextLayoutTest {
  private final TextSanitizer latinOnly = new TextSanitizer(cp -> cp < 0x250);
  private final LineWrapper wrapper = new LineWrapper(s -> 500.0 * s.codePointCount(0, s.length()));

  @Test
  void controlAndFormatCharactersAreRemovedAndWhitespaceBecomesSpace() {
    assertThat(latinOnly.clean("a\u0000b\u0007c\u001bd\u200fe\u202ef\u00ad\ufeffg")).isEqualTo("abcdefg");
    assertThat(latinOnly.clean("a\tb\nc\r\nd\u00a0e")).isEqualTo("a b c  d e");
    assertThat(latinOnly.cleanLine("  a \t\n b  ")).isEqualTo("a b");
  }

  @Test
  void charactersTheFontLacksBecomeQuestionMarks() {
    assertThat(latinOnly.clean("김정은")).isEqualTo("???");
    assertThat(latinOnly.clean("rocket \ud83d\ude80 heart \u2764\ufe0f")).isEqualTo("rocket ? heart ?");
    assertThat(latinOnly.clean("x\uffffy\ufffez")).isEqualTo("x?y?z");
    assertThat(latinOnly.clean("lone \ud800 high, lone \udc00 low")).isEqualTo("lone ? high, lone ? low");
    assertThat(latinOnly.clean("private \ue000 use")).isEqualTo("private ? use");
  }

  @Test
  void aFontThatThrowsCountsAsMissingTheGlyph() {
    TextSanitizer throwing = new TextSanitizer(cp -> {
      throw new IllegalStateException("could not find the glyphId");
    });
    assertThat(throwing.clean("ab")).isEqualTo("??");
  }

  @Test
  void decomposedHangulIsComposed() {
    TextSanitizer hangul = new TextSanitizer(cp -> cp >= 0xAC00 && cp <= 0xD7A3);
    assertThat(hangul.clean("\u1100\u1175\u11B7")).isEqualTo("김");
  }

  @Test
  void wrapsAtSpacesWithinTheWidth() {
    List<String> lines = wrapper.wrap("aa bb cc dd ee", 5 * 500);
    assertThat(lines).containsExactly("aa bb", "cc dd", "ee");
  }

  @Test
  void aTenThousandCharacterTokenIsCutIntoLinesThatFit() {
    String token = "x".repeat(10_000);
    List<String> lines = wrapper.wrap("before " + token + " after", 80 * 500);
    assertThat(lines).allMatch(l -> wrapper.width(l) <= 80 * 500);
    assertThat(String.join("", lines).replace(" ", "")).isEqualTo("before" + token + "after");
    assertThat(lines).hasSizeGreaterThan(120);
  }

  @Test
  void aCharacterWiderThanTheLineStillProgresses() {
    assertThat(wrapper.wrap("abc", 100)).containsExactly("a", "b", "c");
    assertThat(wrapper.wrap("", 100)).isEmpty();
    assertThat(wrapper.wrap("   ", 100)).isEmpty();
  }

  @Test
  void surrogatePairsAreNeverSplit() {
    List<String> lines = wrapper.wrap("\ud83d\ude80".repeat(10), 3 * 500);
    assertThat(lines).allMatch(l -> l.codePointCount(0, l.length()) <= 3 && !Character.isHighSurrogate(l.charAt(l.length() - 1)));
  }
}
