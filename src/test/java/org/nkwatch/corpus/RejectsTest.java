package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.nkwatch.corpus.IngestFixtures.read;
import static org.nkwatch.corpus.IngestFixtures.readResource;
import static org.nkwatch.corpus.IngestFixtures.spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nkwatch.corpus.IngestFixtures.Collected;
import org.nkwatch.model.Article;
import org.nkwatch.model.Reject;
import org.nkwatch.model.RejectReason;

/** Every record ends as one article or one reject, with a reason from the fixed vocabulary. */
class RejectsTest {
  private static final String STORY = "The committee discussed measures to improve the supply of coal to power stations.";

  @Test
  void everyRecordIsExactlyOneCall() {
    assertThat(readResource(spec("auto"), "state-media.csv").order).hasSize(5);
    assertThat(readResource(spec("auto"), "state-media.json").order).hasSize(3);
    assertThat(readResource(spec("auto"), "state-media.jsonl").order).hasSize(5);
  }

  @Test
  void missingValueMarkerAndEmptyTextAreNoText() {
    Reject na = readResource(spec("auto"), "state-media.csv").rejects.get(0);
    assertThat(na.reason()).isEqualTo(RejectReason.NO_TEXT);
    assertThat(na.locator()).isEqualTo("fixtures/state-media.csv#row=2");
    assertThat(na.corpus()).isEqualTo("test");

    Reject empty = readResource(spec("auto"), "state-media.json").rejects.get(0);
    assertThat(empty.reason()).isEqualTo(RejectReason.NO_TEXT);
    assertThat(empty.detail()).contains("Photos of the Ceremony");

    Reject emptyList = readResource(spec("auto"), "state-media.jsonl").rejects.get(2);
    assertThat(emptyList.locator()).endsWith("#line=6");
    assertThat(emptyList.reason()).isEqualTo(RejectReason.NO_TEXT);
  }

  @Test
  void textThatIsOnlyFurnitureIsNoText() {
    assertThat(read(spec("text"), "f.txt", "Back To Top\nShare\nAdvertisement\n").reject().reason())
        .isEqualTo(RejectReason.NO_TEXT);
  }

  @Test
  void aRowOfEmptyFieldsIsEmpty() {
    Collected c = read(spec("csv"), "e.csv", "text,title\n\"" + STORY + "\",T\n,\n");
    assertThat(c.reasons()).containsExactly(RejectReason.EMPTY);
    assertThat(c.rejects.get(0).locator()).isEqualTo("e.csv#row=2");
  }

  @Test
  void anArticleOverTheLimitIsTooLargeAndTheOthersAreKept() {
    IngestSettings small = IngestSettings.DEFAULT.withMaxArticleChars(100);
    String csv = "text\n\"" + STORY + "\"\n\"" + STORY.repeat(3) + "\"\n";
    Collected c = IngestFixtures.read(new CorpusFileReader(spec("csv"), small), "big.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(c.articles).hasSize(1);
    assertThat(c.reasons()).containsExactly(RejectReason.TOO_LARGE);
    assertThat(c.rejects.get(0).locator()).isEqualTo("big.csv#row=2");
    assertThat(c.rejects.get(0).size()).isEqualTo(STORY.length() * 3L);
    assertThat(IngestSettings.DEFAULT.maxArticleChars()).isEqualTo(2_000_000);
  }

  @Test
  void aOneArticleFileOverTheByteLimitIsTooLargeWithoutBeingReadWhole() {
    IngestSettings small = IngestSettings.DEFAULT.withMaxDocumentBytes(200_000);
    byte[] text = STORY.repeat(5_000).getBytes(StandardCharsets.UTF_8);
    Collected c = IngestFixtures.read(new CorpusFileReader(spec("text"), small), "huge.txt", text);
    assertThat(c.reject().reason()).isEqualTo(RejectReason.TOO_LARGE);
  }

  @Test
  void anUnclosedQuoteRejectsTheRestOfTheCsvAndKeepsTheRowsBefore() {
    String csv = "text,title\n\"" + STORY + "\",One\n\"" + STORY + "\",Two\n\"" + STORY + ",Three\nmore,rows\n";
    Collected c = read(spec("csv"), "q.csv", csv);
    assertThat(c.articles).extracting(a -> a.title()).containsExactly("One", "Two");
    assertThat(c.reasons()).containsExactly(RejectReason.UNPARSEABLE);
    assertThat(c.rejects.get(0).locator()).isEqualTo("q.csv#row=3");
    assertThat(c.rejects.get(0).detail()).contains("data row 3 and the rest of the file");
  }

  @Test
  void aCsvRowWithMoreFieldsThanTheHeaderIsRejectedAndTheRowsAroundItAreRead() {
    // an unquoted comma in the text of row 3 splits it into 5 fields under a 3-column header
    String csv = "title,date,text\nOne,2024-05-01,\"" + STORY + "\"\nTwo,2024-05-02,\"" + STORY + "\n\nA second"
        + " paragraph.\"\nThree,2024-05-03,a meeting,extra,fields\nFour,2024-05-04,\"" + STORY + "\"\n";
    Collected c = read(spec("csv"), "x.csv", csv);
    assertThat(c.articles).extracting(a -> a.title()).containsExactly("One", "Two", "Four");
    assertThat(c.reasons()).containsExactly(RejectReason.WRONG_FIELD_COUNT);
    assertThat(c.order).hasSize(4);
    Reject r = c.rejects.get(0);
    assertThat(r.locator()).isEqualTo("x.csv#row=3");
    // row 2 spans lines 3 to 5, so row 3 is on line 6
    assertThat(r.detail())
        .isEqualTo("data row 3 (line 6) has 5 fields where the header has 3; beyond them: extra,fields");
    assertThat(r.size()).isEqualTo("Three,2024-05-03,a meeting,extra,fields".length());
    assertThat(RejectReason.WRONG_FIELD_COUNT.key()).isEqualTo("wrong_field_count");
  }

  @Test
  void aRejectedRowSpanningLinesIsNamedByItsFirstLine() {
    // row 2 starts on line 3 and ends on line 6: line breaks inside its quoted values, one of them after
    // the extra field's semicolon
    String csv = "title;text\r\nOne;\"" + STORY + "\"\r\nTwo;\"" + STORY + "\r\n\r\nmore\";\"extra;\r\nfield\""
        + "\r\nThree;\"" + STORY + "\"\r\n";
    Collected c = read(spec("csv"), "s.csv", csv);
    assertThat(c.articles).extracting(a -> a.title()).containsExactly("One", "Three");
    assertThat(c.rejects).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.WRONG_FIELD_COUNT);
      assertThat(r.locator()).isEqualTo("s.csv#row=2");
      assertThat(r.detail())
          .isEqualTo("data row 2 (line 3) has 3 fields where the header has 2; beyond them: extra; field");
    });
  }

  @Test
  void aQuotedCommaIsNotAnExtraField() {
    String csv = "title,date,text\nThree,2024-05-03,\"a meeting, then a vote. " + STORY + "\"\n";
    Article a = read(spec("csv"), "q.csv", csv).article();
    assertThat(a.title()).isEqualTo("Three");
    assertThat(a.text()).startsWith("a meeting, then a vote.");
  }

  @Test
  void emptyFieldsBeyondTheHeaderLoseNothingAndTheRowIsRead() {
    String csv = "title,date,text\nOne,2024-05-01,\"" + STORY + "\",\nTwo,2024-05-02,\"" + STORY + " Again.\",,\n";
    Collected c = read(spec("csv"), "t.csv", csv);
    assertThat(c.rejects).isEmpty();
    assertThat(c.articles).extracting(a -> a.title()).containsExactly("One", "Two");
  }

  @Test
  void aCsvRowWithFewerFieldsThanTheHeaderIsReadWithTheMissingFieldsAbsent() {
    String csv = "text,title,date\n\"" + STORY + "\",Short\n\"" + STORY + " Again.\",Full,2024-05-01\n";
    Collected c = read(spec("csv"), "f.csv", csv);
    assertThat(c.rejects).isEmpty();
    assertThat(c.articles).extracting(a -> a.title(), a -> String.valueOf(a.published()))
        .containsExactly(tuple("Short", "null"), tuple("Full", "2024-05-01"));
  }

  @Test
  void aRunawayCsvRecordStopsAtTheRecordLimit() {
    // the record limit is counted in the reads of the CSV parser, 8 KiB at a time
    IngestSettings small = new IngestSettings(1_000, 20_000, 1_000_000, IngestSettings.DEFAULT_FURNITURE_LINES);
    String csv = "text,title\n\"" + STORY + "\",One\n\"" + (STORY + "\n").repeat(500) + "\n";
    Collected c = IngestFixtures.read(new CorpusFileReader(spec("csv"), small), "r.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(c.articles).hasSize(1);
    assertThat(c.reasons()).containsExactly(RejectReason.TOO_LARGE);
    assertThat(c.rejects.get(0).locator()).isEqualTo("r.csv#row=2");
  }

  @Test
  void brokenJsonArrayKeepsTheElementsBefore() {
    String json = "[{\"text\": \"" + STORY + "\"}, {\"text\": \"" + STORY + "\" \"oops\": 1}, {\"text\": \"x\"}]";
    Collected c = read(spec("auto"), "b.json", json);
    assertThat(c.articles).hasSize(1);
    assertThat(c.reasons()).containsExactly(RejectReason.UNPARSEABLE);
    assertThat(c.rejects.get(0).locator()).isEqualTo("b.json#index=1");
  }

  @Test
  void aJsonArrayElementThatIsNotAnObjectIsRejectedAlone() {
    Collected c = read(spec("json"), "m.json", "[\"just a string\", null, {\"text\": \"" + STORY + "\"}]");
    assertThat(c.reasons()).containsExactly(RejectReason.UNPARSEABLE, RejectReason.EMPTY);
    assertThat(c.articles).hasSize(1);
  }

  @Test
  void aJsonDocumentThatIsAScalarIsUnparseable() {
    Collected c = read(spec("json"), "s.json", "\"a string\"");
    assertThat(c.reject().reason()).isEqualTo(RejectReason.UNPARSEABLE);
  }

  @Test
  void badJsonLinesAreRejectedOneByOne() {
    Collected c = readResource(spec("auto"), "state-media.jsonl");
    assertThat(c.articles).extracting(a -> a.locator()).containsExactly("fixtures/state-media.jsonl#line=1",
        "fixtures/state-media.jsonl#line=3");
    assertThat(c.rejects).extracting(Reject::locator, Reject::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("fixtures/state-media.jsonl#line=2", RejectReason.UNPARSEABLE),
        org.assertj.core.groups.Tuple.tuple("fixtures/state-media.jsonl#line=5", RejectReason.UNPARSEABLE),
        org.assertj.core.groups.Tuple.tuple("fixtures/state-media.jsonl#line=6", RejectReason.NO_TEXT));
  }

  @Test
  void aStreamThatFailsIsUnreadableAndWhatWasReadIsKept() {
    StringBuilder csv = new StringBuilder("text,title\n");
    for (int i = 1; csv.length() < 3 * CorpusFileReader.HEAD_BYTES; i++) {
      csv.append('"').append(STORY).append("\",T").append(i).append('\n');
    }
    InputStream failing = new SequenceInputStream(
        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        });
    Collected c = IngestFixtures.read(new CorpusFileReader(spec("csv")), "remote.csv", failing, -1);
    assertThat(c.articles).hasSizeGreaterThan(1000);
    assertThat(c.reasons()).containsExactly(RejectReason.UNREADABLE);
    assertThat(c.rejects.get(0).detail()).contains("connection reset");

    InputStream dead = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("permission denied");
      }
    };
    Collected d = IngestFixtures.read(new CorpusFileReader(spec("csv")), "dead.csv", dead, 10);
    assertThat(d.reject().reason()).isEqualTo(RejectReason.UNREADABLE);
    assertThat(d.reject().size()).isEqualTo(10);
  }

  @Test
  void theCallersStreamIsNotClosed() throws IOException {
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream(("text\n\"" + STORY + "\"\n").getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    new CorpusFileReader(spec("csv")).read("c.csv", in, -1, new IngestFixtures.Collected());
    assertThat(closed[0]).isFalse();
  }

  @Test
  void reasonsAreTheFixedVocabulary() {
    assertThat(List.of(RejectReason.values())).extracting(RejectReason::key).containsExactly("empty", "no_text",
        "too_large", "binary", "undecodable", "unparseable", "wrong_field_count", "unknown_format", "unreadable");
  }

  @Test
  void jsonNestedBeyondTheParsersDepthIsUnparseableNotTooLarge() {
    String deep = "{\"text\": \"" + STORY + "\", \"meta\": " + "{\"a\": ".repeat(2_000) + "1" + "}".repeat(2_000) + "}";
    assertThat(read(spec("auto"), "deep.json", deep).reasons()).containsExactly(RejectReason.UNPARSEABLE);
    assertThat(read(spec("auto"), "deep.jsonl", deep + "\n").reasons())
        .containsExactly(RejectReason.UNPARSEABLE);
    assertThat(read(spec("json"), "brackets.json", "[".repeat(50_000) + "]".repeat(50_000)).reasons())
        .containsExactly(RejectReason.UNPARSEABLE);
  }

  @Test
  void aFileOfInvisibleCharactersIsEmptyAndARecordOfThemHasNoText() {
    Collected file = read(spec("auto"), "zw.txt", "\u200B\u200C\u200D\n\uFEFF\u2060\u200F");
    assertThat(file.reasons()).containsExactly(RejectReason.EMPTY);
    assertThat(file.rejects.get(0).detail()).isEqualTo("only whitespace or invisible characters");
    Collected record = read(spec("auto"), "zw.jsonl", "{\"title\": \"T\", \"text\": \"\\u200b\\u200d\"}\n");
    assertThat(record.reasons()).containsExactly(RejectReason.NO_TEXT);
    assertThat(record.rejects.get(0).detail()).isEqualTo("no text (title: T)");
  }
}
