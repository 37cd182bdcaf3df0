package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nkwatch.corpus.IngestFixtures.read;
import static org.nkwatch.corpus.IngestFixtures.readResource;
import static org.nkwatch.corpus.IngestFixtures.spec;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nkwatch.corpus.IngestFixtures.Collected;
import org.nkwatch.model.Article;

/** The normalised text: characters, lines, paragraphs, furniture, repeats, comma-joined paragraphs. */
class TextCleaningTest {

  @Test
  void normalisationOfCharacters() {
    assertThat(TextNormalizer.normalize("Kim\u2019s \u201Cletter\u201D \u2018quoted\u2019")).isEqualTo("Kim's \"letter\" 'quoted'");
    assertThat(TextNormalizer.normalize("\uFF2B\uFF29\uFF2D \uFB01ve\u00A0days\u2026")).as("NFKC").isEqualTo("KIM five days...");
    assertThat(TextNormalizer.normalize("1950\u20131953 \u2014 the war")).as("dashes kept").isEqualTo("1950\u20131953 \u2014 the war");
    assertThat(TextNormalizer.normalize("zero\u200Bwidth\u200D soft\u00ADhyphen\uFEFF")).isEqualTo("zerowidth softhyphen");
    assertThat(TextNormalizer.normalize("bell\u0007 and\ttab  and   spaces ")).isEqualTo("bell and tab and spaces");
    assertThat(TextNormalizer.normalize("one\r\ntwo\rthree\n\n  four  ")).isEqualTo("one\ntwo\nthree\n\nfour");
  }

  @Test
  void scrapedStoryIsCleanParagraphsSeparatedByOneBlankLine() {
    Article a = readResource(spec("auto"), "wire-story.txt").article();
    List<String> paragraphs = List.of(a.text().split("\n\n"));
    assertThat(paragraphs).containsExactly(
        "Farmers transplant rice seedlings at a cooperative farm near Pyongyang on Thursday, in this photo released"
            + " by the North's state news agency. (KCNA)",
        "North Korea convened a meeting of agricultural officials to discuss ways to raise grain output this year,"
            + " state media reported Friday.",
        "The officials reviewed progress in spring planting and vowed to \"fulfil the grain production plan without"
            + " fail,\" the report said.",
        "The meeting comes as the country struggles with chronic food shortages made worse by border closures. (Yonhap)");
    assertThat(a.text()).doesNotContain("\n\n\n", "Share", "\u00A0", "  ").doesNotEndWith("\n");
  }

  @Test
  void oneParagraphPerLineAndCurlyQuotesStraightened() {
    Article a = readResource(spec("auto"), "defector-report.txt").article();
    assertThat(a.text().split("\n\n")).hasSize(5);
    assertThat(a.text()).contains("\"Everyone is afraid to speak,\" the source said. \"The inspectors' reports")
        .contains("\n\nInspection teams widen\n\n")
        .doesNotContain("\u201C", "\u2019")
        .doesNotEndWith("\n");
  }

  @Test
  void commaJoinedParagraphsAreRestored() {
    Collected c = readResource(spec("auto"), "state-media.csv");
    assertThat(c.article("#row=1").text()).isEqualTo(
        "The Premier inspected the Sunchon Fertilizer Complex on Tuesday.\n\n"
            + "He looked round the production lines and said: \"Output must rise.\"\n\n"
            + "He praised the workers for their efforts.");
    assertThat(c.article("#row=5").text()).as("separators with carriage returns")
        .isEqualTo("The Central Committee met in Pyongyang.\n\nThe meeting discussed the economic tasks of the year.");
    assertThat(c.article("#row=4").text()).as("abbreviation before a comma")
        .contains("the U.S., Japan and other countries");
  }

  @Test
  void commaJoinRepairRules() {
    assertThat(CommaJoinedParagraphs.restore("First one., , Second one., , ,")).isEqualTo("First one.\nSecond one.");
    assertThat(CommaJoinedParagraphs.restore("He said. , Then he left. , , ,")).isEqualTo("He said.\nThen he left.");
    assertThat(CommaJoinedParagraphs.restore("Dear Comrade,, ,  I send greetings.")).isEqualTo("Dear Comrade,\nI send greetings.");
    assertThat(CommaJoinedParagraphs.restore("Talks with Co., Ltd. and the U.S., Japan., Next paragraph. , ,"))
        .isEqualTo("Talks with Co., Ltd. and the U.S., Japan.\nNext paragraph.");
    assertThat(CommaJoinedParagraphs.restore("the army of the north , according to reports. , ,"))
        .isEqualTo("the army of the north, according to reports.");
    assertThat(CommaJoinedParagraphs.looksCommaJoined("An ordinary sentence, with commas, and more."))
        .isFalse();
    assertThat(CommaJoinedParagraphs.looksCommaJoined("One line.\nA stray space , in a second line.")).isFalse();
  }

  @Test
  void kcnaEndMarkIsDropped() {
    Collected c = readResource(spec("auto"), "state-media.json");
    assertThat(c.article("#index=0").text()).endsWith("with a ceremony on the factory grounds.");
  }

  @Test
  void repeatedLongParagraphsAreKeptOnceAndRepeatedSalutationsKept() {
    Collected c = readResource(spec("auto"), "state-media.jsonl");
    assertThat(c.article("#line=3").text().split("\n\n")).containsExactly("Comrades,",
        "Today we gather to mark a proud anniversary of our revolution and of the founding of our army.",
        "Comrades,", "We must work harder in every field of socialist construction this year.", "Let us all go forward!");
    String repeated = "The same sentence of more than eight words appears twice here in the story.";
    Article a = read(spec("text"), "r.txt", repeated + "\n" + "Something else is said in between these two.\n"
        + repeated).article();
    assertThat(a.text()).isEqualTo(repeated + "\n\nSomething else is said in between these two.");
  }

  @Test
  void hardWrappedProseIsJoinedIntoParagraphs() {
    String text = "The delegation arrived in Pyongyang on Monday and was met\n"
        + "at the airport by officials of the foreign ministry and\n"
        + "members of the friendship association of the country.\n"
        + "\n"
        + "It will stay for a week.\n";
    assertThat(read(spec("text"), "w.txt", text).article().text()).isEqualTo(
        "The delegation arrived in Pyongyang on Monday and was met at the airport by officials of the foreign"
            + " ministry and members of the friendship association of the country.\n\nIt will stay for a week.");
  }

  @Test
  void furnitureLinesAreRemovedAndTheListIsConfigurable() {
    String text = "Advertisement\nThe council adopted a decision on forestry work across the country.\n"
        + "Share  Print\nCopyright (c) 2024 Example News. All rights reserved.\nSponsored: buy rice here\n";
    Article defaults = read(spec("text"), "f.txt", text).article();
    assertThat(defaults.text()).isEqualTo("The council adopted a decision on forestry work across the country.\n\n"
        + "Sponsored: buy rice here");
    IngestSettings custom = IngestSettings.DEFAULT.withFurnitureLines(
        List.of("advertisement", "share\\s+print", "copyright.*", "sponsored:.*"));
    Article configured = IngestFixtures.read(new CorpusFileReader(spec("text"), custom), "f.txt",
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).article();
    assertThat(configured.text()).isEqualTo("The council adopted a decision on forestry work across the country.");
  }

  @Test
  void docIdIsTheContentHashOfTheNormalisedText() {
    Article a = read(spec("text"), "a.txt", "Kim\u2019s  letter was read out.").article();
    Article b = read(spec("text"), "elsewhere/b.txt", "\uFEFFKim's letter was read out.\n\n\n").article();
    assertThat(a.docId()).hasSize(16).matches("[0-9a-f]{16}").isEqualTo(b.docId())
        .isEqualTo(DocIds.contentHash("Kim's letter was read out."));
    assertThat(read(spec("text"), "c.txt", "Kim's letter was read aloud.").article().docId()).isNotEqualTo(a.docId());
    assertThat(DocIds.contentHash("")).isEqualTo("e3b0c44298fc1c14");
  }

  @Test
  @org.junit.jupiter.api.Timeout(20)
  void longRunsOfCommasAndBlankLinesNeitherOverflowTheStackNorTakeQuadraticTime() {
    String commas = "First one." + ", ".repeat(100_000) + "Second one.";
    assertThat(CommaJoinedParagraphs.looksCommaJoined(commas)).isTrue();
    assertThat(CommaJoinedParagraphs.restore(commas)).isEqualTo("First one.\nSecond one.");
    String blankLines = "First one.\n" + "\n".repeat(400_000) + "Second one, , third.";
    assertThat(CommaJoinedParagraphs.looksCommaJoined(blankLines)).isFalse();
    assertThat(CommaJoinedParagraphs.restore("A., , , B\n\n, , C, ,\n, ")).isEqualTo("A.\nB\nC");
    Collected c = read(spec("text"), "commas.txt", "The committee met on coal supply.\n" + ", ".repeat(10_000)
        + "\nIt ordered more trains for the northern provinces.");
    assertThat(c.articles).hasSize(1);
  }
}
