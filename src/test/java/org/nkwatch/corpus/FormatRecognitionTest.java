package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nkwatch.corpus.IngestFixtures.read;
import static org.nkwatch.corpus.IngestFixtures.readResource;
import static org.nkwatch.corpus.IngestFixtures.resource;
import static org.nkwatch.corpus.IngestFixtures.spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.nkwatch.corpus.IngestFixtures.Collected;
import org.nkwatch.model.Article;
import org.nkwatch.model.RejectReason;

/** Format recognition (declared, extension, content) and the parsing of each format. */
class FormatRecognitionTest {

  @Test
  void plainTextIsOneArticleLocatedByTheFileAlone() {
    Article a = readResource(spec("auto"), "defector-report.txt").article();
    assertThat(a.locator()).isEqualTo("fixtures/defector-report.txt");
    assertThat(a.text()).startsWith("Authorities in North Hamgyong province");
    assertThat(a.corpus()).isEqualTo("test");
    assertThat(a.nSentences()).isZero();
    assertThat(a.nTokens()).isZero();
  }

  @Test
  void csvRowsAreRecordsWithQuotedCommasQuotesAndLineBreaksIntact() {
    Collected c = readResource(spec("auto"), "state-media.csv");
    assertThat(c.order).containsExactly("fixtures/state-media.csv#row=1", "fixtures/state-media.csv#row=2",
        "fixtures/state-media.csv#row=3", "fixtures/state-media.csv#row=4", "fixtures/state-media.csv#row=5");
    Article quoted = c.article("#row=4");
    assertThat(quoted.text()).contains("the U.S., Japan and other countries")
        .contains("said \"the visit, long planned, will help\" mutual understanding");
    assertThat(quoted.title()).isEqualTo("Delegation Leaves");
    assertThat(quoted.url()).isEqualTo("http://example.org/item/2011/201103/2011-03-03ee.html");
    assertThat(quoted.published()).isEqualTo(LocalDate.of(2011, 3, 3));
  }

  @Test
  void csvDelimiterIsTakenFromTheHeaderLine() {
    String csv = "title;text;date\nFirst;\"One story, with a comma; and a semicolon.\";2020-05-01\n";
    Article a = read(spec("csv"), "semi.csv", csv).article();
    assertThat(a.title()).isEqualTo("First");
    assertThat(a.text()).isEqualTo("One story, with a comma; and a semicolon.");
  }

  @Test
  void jsonArrayElementsAreRecordsIndexedFromZero() {
    Collected c = readResource(spec("auto"), "state-media.json");
    assertThat(c.order).containsExactly("fixtures/state-media.json#index=0", "fixtures/state-media.json#index=1",
        "fixtures/state-media.json#index=2");
    assertThat(c.article("#index=0").title()).isEqualTo("New Factory Completed in South Phyongan Province");
  }

  @Test
  void jsonLinesAreRecordsNumberedByLine() {
    Collected c = readResource(spec("auto"), "state-media.jsonl");
    assertThat(c.order).containsExactly("fixtures/state-media.jsonl#line=1", "fixtures/state-media.jsonl#line=2",
        "fixtures/state-media.jsonl#line=3", "fixtures/state-media.jsonl#line=5", "fixtures/state-media.jsonl#line=6");
    Article first = c.article("#line=1");
    assertThat(first.text()).isEqualTo("An enlarged meeting of the Political Bureau was held in Pyongyang on April 4."
        + "\n\nThe meeting discussed the tasks for improving the supply of fertilizer and farm machines to the countryside."
        + "\n\nThe participants adopted a resolution.");
  }

  @Test
  void htmlGivesVisibleArticleTextAndItsMetadata() {
    Article a = readResource(spec("auto"), "article.html").article();
    assertThat(a.title()).isEqualTo("Officials dismissed after inspection");
    assertThat(a.published()).isEqualTo(LocalDate.of(2024, 2, 2));
    assertThat(a.url()).isEqualTo("https://example.org/news/12345");
    assertThat(a.byline()).isEqualTo("Lee Min-ji");
    assertThat(a.language()).isEqualTo("en");
    // the <h1> is the title and the <time> text a date line: both leave the body
    assertThat(a.text()).isEqualTo("Several officials of a provincial party committee were dismissed after an inspection found falsified"
        + " harvest figures, a source said.\n\n"
        + "The inspection group reported directly to the central committee.\n\n"
        + "Two officials were sent to a mine.");
    assertThat(a.text()).doesNotContain("tracking", "Home", "Seoul Daily", "Related", "Subscribe", "Copyright",
        "margin");
  }

  @Test
  void htmlWithoutArticleElementUsesTheBodyAndTheTitleElement() {
    String html = "<html><head><title>Plain page</title></head><body><p>First paragraph of the page.</p>"
        + "<div>Second block of text on the page.</div><footer>Footer text</footer></body></html>";
    Article a = read(spec("auto"), "page.htm", html).article();
    assertThat(a.title()).isEqualTo("Plain page");
    assertThat(a.text()).isEqualTo("First paragraph of the page.\n\nSecond block of text on the page.");
  }

  @Test
  void withoutAKnownExtensionTheContentDecides() {
    assertThat(read(spec("auto"), "dump", "[{\"text\": \"An article in an array.\"}]").order)
        .containsExactly("dump#index=0");
    assertThat(read(spec("auto"), "dump", "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n").order)
        .containsExactly("dump#line=1", "dump#line=2");
    assertThat(read(spec("auto"), "dump", "{\n  \"text\": \"A pretty-printed single object.\"\n}\n").order)
        .containsExactly("dump");
    assertThat(read(spec("auto"), "page.php", "  <html><body><p>Served by a script.</p></body></html>")
        .article().text()).isEqualTo("Served by a script.");
  }

  @Test
  void aDotJsonFileHoldingJsonLinesIsReadAsJsonLines() {
    Collected c = read(spec("auto"), "export.json", "{\"text\": \"One story.\"}\n{\"text\": \"Another story.\"}\n");
    assertThat(c.order).containsExactly("export.json#line=1", "export.json#line=2");
  }

  @Test
  void theDeclaredFormatWinsOverTheExtension() {
    Collected c = read(spec("csv"), "export.txt", "text,title\n\"A story.\",A title\n");
    assertThat(c.article().title()).isEqualTo("A title");
    assertThat(c.article().locator()).isEqualTo("export.txt#row=1");
  }

  @Test
  void unknownFormatIsRejectedNamingExtensionAndContent() {
    Collected c = read(spec("auto"), "notes.md", "# A heading\nSome notes.");
    assertThat(c.reject().reason()).isEqualTo(RejectReason.UNKNOWN_FORMAT);
    assertThat(c.reject().detail()).contains("'.md'").contains("# A heading");
    assertThat(c.reject().locator()).isEqualTo("notes.md");
  }

  @Test
  void gzipFilesAreDecompressedAndRecognisedByTheInnerName() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(resource("state-media.csv"));
    }
    Collected c = read(spec("auto"), "archive/state-media.csv.gz", bytes.toByteArray());
    assertThat(c.articles).hasSize(4);
    assertThat(c.rejects).hasSize(1);
  }

  @Test
  void aLargeCsvIsStreamedRecordByRecord() {
    int rows = 2_000;
    AtomicLong served = new AtomicLong();
    AtomicLong servedAtFirstArticle = new AtomicLong(-1);
    InputStream csv = new GeneratedCsv(rows, 10_000, served);
    IngestSink sink = new IngestSink() {
      long articles;

      @Override
      public void article(Article article) {
        if (articles++ == 0) {
          servedAtFirstArticle.set(served.get());
        }
      }

      @Override
      public void reject(org.nkwatch.model.Reject reject) {
        throw new AssertionError("unexpected reject " + reject);
      }
    };
    try {
      new CorpusFileReader(spec("auto")).read("big.csv", csv, -1, sink);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(served.get()).as("bytes in the file").isGreaterThan(20_000_000L);
    assertThat(servedAtFirstArticle.get()).as("bytes read before the first article").isLessThan(1_000_000L);
  }

  /** A CSV of {@code rows} stories of about {@code storyChars} characters, made as it is read. */
  static final class GeneratedCsv extends InputStream {
    private final int rows;
    private final int storyChars;
    private final AtomicLong served;
    private byte[] current = "text,title,date\n".getBytes(StandardCharsets.UTF_8);
    private int position;
    private int row;

    GeneratedCsv(int rows, int storyChars, AtomicLong served) {
      this.rows = rows;
      this.storyChars = storyChars;
      this.served = served;
    }

    @Override
    public int read() {
      if (position == current.length && !next()) {
        return -1;
      }
      served.incrementAndGet();
      return current[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position == current.length && !next()) {
        return -1;
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      served.addAndGet(n);
      return n;
    }

    private boolean next() {
      if (row == rows) {
        return false;
      }
      row++;
      StringBuilder story = new StringBuilder("\"");
      for (int i = 0; story.length() < storyChars; i++) {
        story.append("Story ").append(row).append(" says, in sentence ").append(i)
            .append(", that the \"\"plan\"\" was carried out.\n");
      }
      current = (story + "\",Title " + row + ",2020-01-01\n").getBytes(StandardCharsets.UTF_8);
      position = 0;
      return true;
    }
  }

  @Test
  void hashAndQuestionMarkInAFileNameArePartOfTheName() {
    String story = "The committee discussed measures to improve the supply of coal to power stations.";
    assertThat(read(spec("auto"), "corpus/report #1.txt", story).article().locator()).isEqualTo("corpus/report #1.txt");
    assertThat(read(spec("auto"), "file:/corpus/what?.txt", story).articles).hasSize(1);
    assertThat(read(spec("auto"), "corpus/feed #2.jsonl", "{\"text\": \"" + story + "\"}\n").article().locator())
        .isEqualTo("corpus/feed #2.jsonl#line=1");
  }
}
