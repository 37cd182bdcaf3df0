package org.nkwatch.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {
  @Test
  void caseHyphensAndSpacesMeet() {
    assertThat(NameNormalizer.keys("Kim Jong-un")).containsExactly("kim", "jong", "un");
    assertThat(NameNormalizer.keys("KIM JONG UN")).containsExactly("kim", "jong", "un");
    assertThat(NameNormalizer.keys("Kim Jong-Un")).containsExactly("kim", "jong", "un");
  }

  @Test
  void mccuneReischauerApostrophesAndBrevesAreDropped() {
    assertThat(NameNormalizer.keys("Ch'oe Ryong-hae")).containsExactly("choe", "ryong", "hae");
    assertThat(NameNormalizer.keys("Hwang Pyŏng-so")).containsExactly("hwang", "pyong", "so");
  }

  @Test
  void surnameAlternatesMapToOneForm() {
    assertThat(NameNormalizer.key("Lee")).isEqualTo(NameNormalizer.key("Ri"));
    assertThat(NameNormalizer.key("Rhee")).isEqualTo("ri");
    assertThat(NameNormalizer.key("Yi")).isEqualTo("ri");
    assertThat(NameNormalizer.key("Choi")).isEqualTo("choe");
    assertThat(NameNormalizer.key("Park")).isEqualTo("pak");
    assertThat(NameNormalizer.key("Cho")).isEqualTo("jo");
    assertThat(NameNormalizer.key("Oh")).isEqualTo("o");
    assertThat(NameNormalizer.key("Yu")).isEqualTo("ryu");
  }

  @Test
  void possessivesAreDropped() {
    assertThat(NameNormalizer.key("Kim's")).isEqualTo("kim");
    assertThat(NameNormalizer.key("Workers'")).isEqualTo("workers");
    assertThat(NameNormalizer.key("'s")).isEmpty();
  }

  @Test
  void acronymsAreRecognised() {
    assertThat(NameNormalizer.isAcronym("KPA")).isTrue();
    assertThat(NameNormalizer.isAcronym("U.S.")).isTrue();
    assertThat(NameNormalizer.isAcronym("Kim")).isFalse();
    assertThat(NameNormalizer.isAcronym("Korean People's Army")).isFalse();
  }

  @Test
  void commasInANameBecomeKeysOfTheirOwn() {
    org.assertj.core.api.Assertions.assertThat(NameNormalizer.keysWithCommas("C.C., WPK"))
        .containsExactly("cc", ",", "wpk");
  }
}
