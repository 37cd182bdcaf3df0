package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** MinHash over word 5-shingles, LSH bands and the Jaccard estimate. */
class NearDuplicateSignatureTest {
  private static final String STORY = "Pyongyang, March 3 (KCNA) -- A meeting of the cabinet was held in Pyongyang on"
      + " Monday to review the implementation of the national economic plan for the first quarter. The premier"
      + " made a report on the work done in the metal, chemical and power industries and in agriculture, and"
      + " pointed to shortcomings in the supply of raw materials to factories and enterprises. He stressed the"
      + " need to increase the production of fertilizer and farm machines before the spring sowing, and to"
      + " improve the transport of coal by rail. Vice-premiers and ministers attended the meeting. The meeting"
      + " adopted measures to fulfil the plan for the year and to improve the living standards of the people in"
      + " the cities and the countryside.";
  private final NearDuplicateSignature minHash = new NearDuplicateSignature();

  @Test
  void signatureIsDeterministicAcrossInstances() {
    long[] a = minHash.signature(STORY);
    long[] b = new NearDuplicateSignature().signature(STORY);
    assertThat(a).hasSize(NearDuplicateSignature.DEFAULT_HASHES).isEqualTo(b);
    assertThat(minHash.bands(a)).hasSize(NearDuplicateSignature.DEFAULT_BANDS).isEqualTo(minHash.bands(b));
    assertThat(minHash.bands(a)).doesNotHaveDuplicates();
  }

  /**
   * The signature as defined, from word strings: each shingle is FNV-1a over its words, each followed by a
   * space, and each of the signature's values is the least of a salted mix of the shingles' hashes. The class
   * hashes from one reused buffer instead; the values must be the same, or a rerun would sign stored articles
   * differently. Texts of other scripts, letters outside the BMP, digits and fewer words than a shingle
   * included; one instance signs them all in turn, as a task does.
   */
  @Test
  void signatureIsTheDefinitionsForAnyText() {
    List<String> texts = List.of(STORY, "Short text.", "", " -- ... ", "Kim Jong Un 김정은 visited Pyongyang 평양 in 2012",
        "\uD835\uDC00\uD835\uDC01 BIG \uD801\uDC00LETTER words \uD83D\uDE00 and İstanbul ΣΊΣΥΦΟΣ straße", STORY.substring(0, 300),
        "one two three four five", "one two three four five six");
    for (String text : texts) {
      assertThat(minHash.signature(text)).as(text).isEqualTo(definedSignature(text));
    }
  }

  /** Words as the signature defines them: runs of letters and digits (code points), lower-cased. */
  private static List<String> words(String text) {
    List<String> words = new java.util.ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        word.appendCodePoint(Character.toLowerCase(c));
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private long[] definedSignature(String text) {
    long[] salts = new long[NearDuplicateSignature.DEFAULT_HASHES];
    long state = 0x6E6B7761746368L;
    for (int i = 0; i < salts.length; i++) {
      state += 0x9E3779B97F4A7C15L;
      salts[i] = NearDuplicateSignature.mix(state);
    }
    long[] signature = new long[salts.length];
    java.util.Arrays.fill(signature, Long.MAX_VALUE);
    List<String> words = words(text);
    int size = NearDuplicateSignature.DEFAULT_SHINGLE_WORDS;
    for (int s = 0; s < Math.max(1, words.size() - size + 1) && !words.isEmpty(); s++) {
      long h = 0xcbf29ce484222325L;
      for (String word : words.subList(s, Math.min(words.size(), s + size))) {
        for (char c : (word + " ").toCharArray()) {
          h = (h ^ c) * 0x100000001b3L;
        }
      }
      for (int i = 0; i < salts.length; i++) {
        signature[i] = Math.min(signature[i], NearDuplicateSignature.mix(h ^ salts[i]));
      }
    }
    return signature;
  }

  @Test
  void identicalTextsAreOne() {
    assertThat(minHash.jaccardEstimate(minHash.signature(STORY), minHash.signature(STORY))).isEqualTo(1.0);
  }

  @Test
  void caseAndPunctuationDoNotMatter() {
    String shouted = STORY.toUpperCase(java.util.Locale.ROOT).replace(",", "").replace(".", " ;");
    assertThat(minHash.signature(shouted)).isEqualTo(minHash.signature(STORY));
  }

  @Test
  void aRepublishedStoryWithSmallChangesIsACandidateAndScoresHigh() {
    String edited = STORY.replace("Pyongyang, March 3 (KCNA) -- ", "")
        .replace("Vice-premiers and ministers attended the meeting.", "Officials of ministries were present.");
    long[] a = minHash.signature(STORY);
    long[] b = minHash.signature(edited);
    assertThat(minHash.jaccardEstimate(a, b)).isGreaterThan(0.6);
    assertThat(sharedBands(a, b)).isNotEmpty();
  }

  @Test
  void unrelatedStoriesScoreLowAndShareNoBand() {
    String other = "Seoul, May 9 (Yonhap) -- South Korea's central bank kept its policy rate unchanged on Thursday,"
        + " citing slowing inflation and uncertainty over exports, as analysts had widely expected. The governor"
        + " told reporters that the board would watch household debt and the housing market closely in the months"
        + " ahead, and that a cut was not on the table for now.";
    long[] a = minHash.signature(STORY);
    long[] b = minHash.signature(other);
    assertThat(minHash.jaccardEstimate(a, b)).isLessThan(0.1);
    assertThat(sharedBands(a, b)).isEmpty();
  }

  @Test
  void estimateTracksTheTrueJaccardOfShingleSets() {
    List<String> words = words(STORY);
    String firstPart = String.join(" ", words.subList(0, 80));
    String secondPart = String.join(" ", words.subList(40, words.size()));
    double truth = trueJaccard(firstPart, secondPart);
    double estimate = minHash.jaccardEstimate(minHash.signature(firstPart), minHash.signature(secondPart));
    assertThat(estimate).isCloseTo(truth, org.assertj.core.data.Offset.offset(0.15));
  }

  @Test
  void shortAndEmptyTexts() {
    assertThat(minHash.bands(minHash.signature("Short text."))).hasSize(NearDuplicateSignature.DEFAULT_BANDS);
    assertThat(minHash.bands(minHash.signature(" -- ... "))).isEmpty();
  }

  @Test
  void invalidSettingsAndSignaturesAreRefused() {
    assertThatThrownBy(() -> new NearDuplicateSignature(64, 15, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must divide");
    assertThatThrownBy(() -> minHash.jaccardEstimate(new long[3], new long[64]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 64");
  }

  private Set<Long> sharedBands(long[] a, long[] b) {
    Set<Long> shared = new HashSet<>();
    for (long key : minHash.bands(a)) {
      shared.add(key);
    }
    Set<Long> ofB = new HashSet<>();
    for (long key : minHash.bands(b)) {
      ofB.add(key);
    }
    shared.retainAll(ofB);
    return shared;
  }

  private static double trueJaccard(String a, String b) {
    Set<String> sa = shingles(a);
    Set<String> sb = shingles(b);
    Set<String> union = new HashSet<>(sa);
    union.addAll(sb);
    sa.retainAll(sb);
    return sa.size() / (double) union.size();
  }

  private static Set<String> shingles(String text) {
    List<String> w = words(text);
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 5 <= w.size(); i++) {
      out.add(String.join(" ", w.subList(i, i + 5)));
    }
    return out;
  }
}
