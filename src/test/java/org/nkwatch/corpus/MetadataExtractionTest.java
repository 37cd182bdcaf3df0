package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nkwatch.corpus.IngestFixtures.read;
import static org.nkwatch.corpus.IngestFixtures.readResource;
import static org.nkwatch.corpus.IngestFixtures.spec;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nkwatch.config.FieldMapping;
import org.nkwatch.corpus.IngestFixtures.Collected;
import org.nkwatch.model.Article;

/** Title, date, byline and publisher: from fields, from the text, from URLs and file names. */
class MetadataExtractionTest {
  private static final String BODY = "The meeting reviewed the work of the first quarter and set new tasks for "
      + "the coming months in industry and agriculture.";

  @Test
  void aDateAtTheStartOfALineIsFoundAndOneLaterInItIsNot() {
    DateParser dates = new DateParser(null);
    for (String line : List.of("March 4, 2025 10:30", "mar. 4, 2025", "4 March 2025", "2025-03-04 KST", "2025/3/4",
        "2025년 3월 4일", "Sept 4th, 2025")) {
      assertThat(dates.atStart(line)).as(line).isNotNull();
      assertThat(dates.atStart(line).date()).as(line).isEqualTo(LocalDate.of(2025, 3, 4).withMonth(
          line.startsWith("Sept") ? 9 : 3));
    }
    for (String line : List.of("Pyongyang, March 4, 2025", "Posted 2025-03-04", "(2025-03-04)", "", "Monday",
        "13/45/2025 2025-03-04")) {
      assertThat(dates.atStart(line)).as(line).isNull();
    }
    // the same answer as the search through the whole line, on lines made of dates' pieces
    java.util.Random random = new java.util.Random(5);
    String[] pieces = {"2025", "-", "03", "/", "4", "12", "31", " ", "March", "Mar.", "sept", ",", "th", "년 ", "월 ",
        "일", "x", "Pyongyang", "1", "99", "2100"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int n = random.nextInt(8); n >= 0; n--) {
        line.append(pieces[random.nextInt(pieces.length)]);
      }
      DateParser.Found anywhere = dates.find(line.toString());
      assertThat(dates.atStart(line.toString())).as(line.toString())
          .isEqualTo(anywhere != null && anywhere.start() == 0 ? anywhere : null);
    }
    // with a corpus date format, any line may start with a date in that format
    assertThat(new DateParser("dd.MM.uuuu").atStart("04.03.2025 Pyongyang").date()).isEqualTo(LocalDate.of(2025, 3, 4));
  }

  @Test
  void scrapedWireStoryGivesTitleDateBylineAndPublisher() {
    Article a = readResource(spec("auto"), "wire-story.txt").article();
    assertThat(a.title()).isEqualTo("N. Korea holds meeting on spring farming");
    assertThat(a.published()).isEqualTo(LocalDate.of(2023, 5, 12));
    assertThat(a.byline()).isEqualTo("Yonhap");
    assertThat(a.publisher()).as("closing agency, the corpus naming none").isEqualTo("Yonhap");
    assertThat(a.text()).doesNotContain("date 2023", "Back To Top", "By Yonhap", "Published", "Updated",
        "holds meeting on spring farming");
  }

  @Test
  void theCorpusPublisherWinsOverTheText() {
    Article a = readResource(spec("auto", null, "Korea Herald", null), "wire-story.txt").article();
    assertThat(a.publisher()).isEqualTo("Korea Herald");
  }

  @Test
  void defectorReportWithoutMetadataHasNoTitleNoDateNoByline() {
    Article a = readResource(spec("auto"), "defector-report.txt").article();
    assertThat(a.title()).isNull();
    assertThat(a.published()).isNull();
    assertThat(a.byline()).isNull();
    assertThat(a.publisher()).isNull();
  }

  @Test
  void labelledDatesInTheirUsualForms() {
    assertThat(date("Published: March 4, 2025\n\n" + BODY)).isEqualTo(LocalDate.of(2025, 3, 4));
    assertThat(date("Published : Mar 29, 2022 - 09:54  Updated : Mar 30, 2022 - 10:11\n" + BODY))
        .isEqualTo(LocalDate.of(2022, 3, 29));
    assertThat(date("date 2022-03-29\n" + BODY)).isEqualTo(LocalDate.of(2022, 3, 29));
    assertThat(date("Posted on 7 June 2021\n" + BODY)).isEqualTo(LocalDate.of(2021, 6, 7));
    assertThat(date("Updated: 2020/11/02\n" + BODY)).as("an update date when nothing else")
        .isEqualTo(LocalDate.of(2020, 11, 2));
    assertThat(date("2019-10-08T09:30:00+09:00\n\n" + BODY)).isEqualTo(LocalDate.of(2019, 10, 8));
    assertThat(date("2023년 3월 5일\n\n" + BODY)).isEqualTo(LocalDate.of(2023, 3, 5));
  }

  @Test
  void aDateInsideASentenceIsNotTheArticleDate() {
    assertThat(date("The war broke out on June 25, 1950, and the text goes on to tell of it at length.\n"
        + BODY)).isNull();
  }

  @Test
  void datelineWithYearGivesTheDateAndAgency() {
    Article a = read(spec("text"), "story.txt", "SEOUL, March 29, 2022 (Yonhap) -- " + BODY).article();
    assertThat(a.published()).isEqualTo(LocalDate.of(2022, 3, 29));
    assertThat(a.publisher()).isEqualTo("Yonhap");
    assertThat(a.text()).startsWith("SEOUL, March 29, 2022 (Yonhap) --");
  }

  @Test
  void datelineWithoutYearTakesTheYearFromTheFileName() {
    String text = "Pyongyang, December 24 (KCNA) -- " + BODY;
    assertThat(read(spec("text"), "data/stories/kcna_2011_17.txt", text).article().published())
        .isEqualTo(LocalDate.of(2011, 12, 24));
    assertThat(read(spec("text"), "data/stories/kcna_2011_17.txt", text).article().publisher()).isEqualTo("KCNA");
  }

  @Test
  void aFullDateInTheFileNameIsWhenTheFileWasMadeSoTheStoryIsNotLater() {
    String december = "Pyongyang, December 24 (KCNA) -- " + BODY;
    String march = "Pyongyang, March 3 (KCNA) -- " + BODY;
    assertThat(read(spec("text"), "dump_2024-11-11.txt", december).article().published())
        .isEqualTo(LocalDate.of(2023, 12, 24));
    assertThat(read(spec("text"), "dump_2024-11-11.txt", march).article().published())
        .isEqualTo(LocalDate.of(2024, 3, 3));
  }

  @Test
  void datelineWithoutAnyYearLeavesTheDateMissingButKeepsTheArticle() {
    Article a = read(spec("text"), "story.txt", "Pyongyang, December 24 (KCNA) -- " + BODY).article();
    assertThat(a.published()).isNull();
    assertThat(a.text()).contains(BODY);
  }

  @Test
  void datelineYearFromAPartialDateField() {
    String json = "[{\"date\": \"2012\", \"text\": \"Pyongyang, July 16 (KCNA) -- " + BODY + "\"}]";
    assertThat(read(spec("json"), "a.json", json).article().published()).isEqualTo(LocalDate.of(2012, 7, 16));
  }

  @Test
  void epochDatesInMillisecondsAndSecondsAreUtcDays() {
    Collected c = readResource(spec("auto"), "state-media.json");
    assertThat(c.article("#index=0").published()).isEqualTo(LocalDate.of(2023, 12, 24));
    assertThat(c.article("#index=2").published()).isEqualTo(LocalDate.of(2024, 1, 1));
  }

  @Test
  void theCorpusDateFormatIsTriedFirst() {
    String csv = "text,date\n\"" + BODY + "\",05/04/2022\n";
    assertThat(read(spec("csv", "dd/MM/yyyy", null, null), "a.csv", csv).article().published())
        .isEqualTo(LocalDate.of(2022, 4, 5));
    assertThat(read(spec("csv"), "a.csv", csv).article().published()).as("no built-in form reads it").isNull();
  }

  @Test
  void aDateInTheUrlWhenTheRecordHasNoDateField() {
    Collected c = readResource(spec("auto"), "state-media.jsonl");
    assertThat(c.article("#line=1").published()).isEqualTo(LocalDate.of(2022, 4, 5));
    assertThat(c.article("#line=1").url()).isEqualTo("http://example.org/index.php?strPageID=SF01&newsID=2022-04-05-0003");
  }

  @Test
  void bylineFieldHoldingASentenceIsNoByline() {
    Collected c = readResource(spec("auto"), "state-media.jsonl");
    assertThat(c.article("#line=1").byline()).isEqualTo("Political News Team");
    assertThat(c.article("#line=3").byline()).isNull();
  }

  @Test
  void bylineLinesNamePeople() {
    Article a = read(spec("text"), "story.txt", "Officials meet\n\nBy Kim Soo-yeon\n\n" + BODY).article();
    assertThat(a.byline()).isEqualTo("Kim Soo-yeon");
    assertThat(a.title()).isEqualTo("Officials meet");
    assertThat(a.text()).isEqualTo(BODY);
  }

  @Test
  void titleLineRules() {
    assertThat(title("Kim visits factory\n\n" + BODY)).as("followed by a blank line").isEqualTo("Kim visits factory");
    assertThat(title("Kim visits factory\nBy Yonhap\n" + BODY)).as("followed by metadata").isEqualTo("Kim visits factory");
    assertThat(title("Kim visits factory\n" + BODY)).as("followed by text").isNull();
    assertThat(title("Kim visited the factory.\n\n" + BODY)).as("ends with a period").isNull();
    assertThat(title(BODY + "\n\n" + BODY.replace("meeting", "session"))).as("a long sentence").isNull();
  }

  @Test
  void titleFieldsAreUsedAsGivenAndTheirRepeatInTheBodyDropped() {
    String json = "[{\"headline\": \"Party meeting held\", \"text\": \"Party meeting held\\n" + BODY + "\"}]";
    Article a = read(spec("json"), "a.json", json).article();
    assertThat(a.title()).isEqualTo("Party meeting held");
    assertThat(a.text()).isEqualTo(BODY);
  }

  @Test
  void fieldNamesAreCaseInsensitiveAndTriedInOrder() {
    FieldMapping fields = new FieldMapping(List.of("Body", "Story"), List.of("Headline"), List.of("When"),
        List.of("Link"), List.of("Writer"), List.of("Lang"));
    String csv = "STORY,HEADLINE,WHEN,LINK,WRITER,LANG\n\"" + BODY + "\",A headline,2020-02-02,http://e/1,Pak Chol,en\n";
    Article a = read(spec("csv", fields), "a.csv", csv).article();
    assertThat(a.text()).isEqualTo(BODY);
    assertThat(a.title()).isEqualTo("A headline");
    assertThat(a.published()).isEqualTo(LocalDate.of(2020, 2, 2));
    assertThat(a.url()).isEqualTo("http://e/1");
    assertThat(a.byline()).isEqualTo("Pak Chol");
  }

  @Test
  void nestedJsonFieldsAreReachedAsParentDotChild() {
    FieldMapping fields = new FieldMapping(List.of("body.text"), List.of("meta.title"), List.of("meta.published"),
        List.of(), List.of(), List.of());
    String jsonl = "{\"meta\": {\"title\": \"Nested\", \"published\": \"2021-09-09\"}, \"body\": {\"text\": \"" + BODY + "\"}}\n";
    Article a = read(spec("jsonl", fields), "a.jsonl", jsonl).article();
    assertThat(a.title()).isEqualTo("Nested");
    assertThat(a.published()).isEqualTo(LocalDate.of(2021, 9, 9));
  }

  @Test
  void dateParserForms() {
    DateParser p = new DateParser(null);
    assertThat(p.parseValue(1703376000000L)).isEqualTo(LocalDate.of(2023, 12, 24));
    assertThat(p.parseValue(1703376000)).isEqualTo(LocalDate.of(2023, 12, 24));
    assertThat(p.parseValue("1703376000000")).isEqualTo(LocalDate.of(2023, 12, 24));
    assertThat(p.parseValue(20220329)).as("yyyyMMdd").isEqualTo(LocalDate.of(2022, 3, 29));
    assertThat(p.parseValue("Tue, 29 Mar 2022 09:54:00 +0900")).isEqualTo(LocalDate.of(2022, 3, 29));
    assertThat(p.parseValue("Sept. 5, 2025")).isEqualTo(LocalDate.of(2025, 9, 5));
    assertThat(p.parseValue("2022.03.29")).isEqualTo(LocalDate.of(2022, 3, 29));
    assertThat(p.parseValue("2022-02-30")).as("no such day").isNull();
    assertThat(p.parseValue("1850-01-01")).as("out of range").isNull();
    assertThat(p.parseValue("yesterday")).isNull();
    assertThat(p.parseValue("")).isNull();
  }

  private static LocalDate date(String text) {
    return read(spec("text"), "story.txt", text).article().published();
  }

  private static String title(String text) {
    return read(spec("text"), "story.txt", text).article().title();
  }
}
