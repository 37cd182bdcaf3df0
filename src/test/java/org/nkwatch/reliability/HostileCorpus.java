package org.nkwatch.reliability;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.nkwatch.model.RejectReason;

/**
 * Writes corpora that try to break the reader, each file with the outcome the job owes it: how many of
 * its records become articles, how many are duplicates of another record, and which rejects (with which
 * reason) it yields. Deterministic: the same seed writes the same bytes.
 *
 * <p>One folder per corpus under the root: {@code encodings} (invalid UTF-8, CP949, UTF-16 with and without
 * a byte-order mark, windows-1252, a bad byte after 64 KiB), {@code binary}, {@code empty}, {@code json}
 * (truncated, deeply nested, not objects), {@code csv} (unbalanced quotes, ragged rows, semicolons),
 * {@code html} (scripts), {@code unicode} (control, zero-width, right-to-left, emoji, Hangul, 10,000-character
 * tokens, impossible and future dates, lone surrogates) and {@code names} (spaces, non-ASCII, {@code #},
 * {@code ?}, {@code %}, brackets). {@link #writeBulk} adds {@code bulk}: a 100 MB JSON Lines file written
 * as a stream, and 5 MB single lines.
 *
 * <p>Stories are word salad drawn from a news vocabulary with a seeded random generator: English to the
 * language detector, and far enough apart that no two are near-duplicates unless made so on purpose.
 */
public final class HostileCorpus {
  /** What the job owes one file. */
  public record FileCase(String corpus, Path file, String what, int articles, int duplicates,
      List<RejectReason> rejects) {
    public FileCase {
      rejects = List.copyOf(rejects);
    }

    public int records() {
      return articles + duplicates + rejects.size();
    }

    /** The file's locator prefix as the job writes it ({@code file:/...}). */
    public String locator() {
      return "file:" + file.toAbsolutePath();
    }
  }

  private static final String[] WORDS = ("the a of to in and on for with by from at as officials party "
      + "committee province city workers factory farm harvest army navy border trade coal steel rice market "
      + "meeting plenary session report reports said says announced ordered inspected visited criticised "
      + "praised launched delayed resumed expanded reduced new old local central senior junior several many "
      + "three four five dozen hundred thousands week month year morning evening yesterday today recently "
      + "railway bridge power station dam school hospital housing project construction supply shortage "
      + "prices currency exchange rate fuel smuggling crackdown security ministry department bureau cadres "
      + "residents sources inside country northern southern eastern western coast river mountain county town "
      + "village cooperative brigade unit commander soldiers students teachers doctors engineers drivers "
      + "their its this that these those after before during while because although however meanwhile "
      + "reportedly according about over under between against without within across through").split(" ");

  private final Path root;
  private final Random random;
  private final List<FileCase> cases = new ArrayList<>();
  private int storyNumber;

  private HostileCorpus(Path root, long seed) {
    this.root = root;
    this.random = new Random(seed);
  }

  /** Writes every corpus but {@code bulk} under {@code root} and returns what each file should give. */
  public static List<FileCase> write(Path root) {
    HostileCorpus c = new HostileCorpus(root, 20240607L);
    try {
      c.encodings();
      c.binary();
      c.empty();
      c.json();
      c.csv();
      c.html();
      c.unicode();
      c.names();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(c.cases);
  }

  /**
   * Writes the {@code bulk} corpus: {@code big.jsonl} of at least {@code bigBytes} bytes, streamed (records
   * drawn from a pool of distinct stories, so most are exact duplicates; every 100th line broken, every
   * 150th without text), a 5 MB single-line text file and a 5 MB JSON line (both too large), and a
   * 300 KB article that is one sentence with no punctuation.
   */
  public static List<FileCase> writeBulk(Path root, long bigBytes) {
    HostileCorpus c = new HostileCorpus(root, 19480909L);
    try {
      c.bulk(bigBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(c.cases);
  }

  /**
   * Writes {@code n} ordinary, distinct, dated stories as JSON Lines (about 700 bytes each; every third one
   * reports a dismissal, every fifth one sanctions): a corpus for the crash tests, where what matters is
   * that annotating it takes a while and that the tables it gives are known.
   */
  public static void writeStories(Path file, int n, long seed) {
    HostileCorpus c = new HostileCorpus(file.getParent(), seed);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String story = c.story();
      if (i % 3 == 0) {
        story += " Three officials of the province committee were dismissed for corruption.";
      }
      if (i % 5 == 0) {
        story += " The United Nations Security Council tightened sanctions on coal exports.";
      }
      out.append(jsonLine(story, String.format(Locale.ROOT, "2023-%02d-%02d", 1 + i % 12, 1 + i % 28))).append('\n');
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- corpora

  private void encodings() throws IOException {
    String dir = "encodings";
    bytes(dir, "utf8-bom.txt", concat(bom8(), utf8(story())), "UTF-8 with a byte-order mark", 1);
    bytes(dir, "utf16le-bom.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, story().getBytes(StandardCharsets.UTF_16LE)),
        "UTF-16LE with a byte-order mark", 1);
    bytes(dir, "utf16be-bom.txt", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, story().getBytes(StandardCharsets.UTF_16BE)),
        "UTF-16BE with a byte-order mark", 1);
    bytes(dir, "utf16le-no-bom.txt", story().getBytes(StandardCharsets.UTF_16LE), "UTF-16LE without a byte-order mark", 1);
    Charset cp949 = Charset.forName("x-windows-949");
    bytes(dir, "cp949-korean.txt", hangulStory().getBytes(cp949), "Korean in CP949", 1);
    StringBuilder csv = new StringBuilder("title,date,text\n");
    for (int i = 0; i < 3; i++) {
      csv.append("\"북한 소식 ").append(i).append("\",2024-03-0").append(i + 1).append(",\"")
          .append(hangulStory()).append("\"\n");
    }
    bytes(dir, "cp949-records.csv", csv.toString().getBytes(cp949), "CSV in CP949", 3);
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      jsonl.append(jsonLine(story(), "2023-05-1" + i)).append('\n');
    }
    bytes(dir, "utf16le-bom.jsonl", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, jsonl.toString().getBytes(StandardCharsets.UTF_16LE)),
        "JSON Lines in UTF-16LE with a byte-order mark", 3);
    bytes(dir, "windows-1252.txt", ("Caf\u00e9 owners \u201cwelcomed\u201d the r\u00e9gime\u2019s decision. " + story())
        .getBytes(Charset.forName("windows-1252")), "windows-1252 with curly quotes and accents", 1);
    bytes(dir, "invalid-utf8.txt", concat(utf8(story()), new byte[] {(byte) 0xC3, 0x28, ' ', (byte) 0x81, (byte) 0x9D, ' '},
        utf8(story())), "invalid UTF-8 that no other encoding decodes", 0, RejectReason.UNDECODABLE);
    // all ASCII for well over the 64 KiB head, then a byte no encoding of the head decodes
    ByteArrayOutputStream late = new ByteArrayOutputStream();
    int good = 300;
    for (int i = 0; i < good; i++) {
      late.writeBytes(utf8(jsonLine(story(), null) + "\n"));
    }
    late.writeBytes(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0x81, (byte) 0xFF, '"', '}', '\n'});
    late.writeBytes(utf8(jsonLine(story(), null) + "\n"));
    bytes(dir, "bad-byte-after-64k.jsonl", late.toByteArray(),
        "JSON Lines with an invalid byte after the head: the records before it are kept", good, RejectReason.UNDECODABLE);
    bytes(dir, "utf8-bom-header.csv", concat(bom8(), utf8("text,title\n\"" + story() + "\",One\n\"" + story() + "\",Two\n")),
        "CSV whose header starts with a byte-order mark", 2);
  }

  private void binary() throws IOException {
    String dir = "binary";
    bytes(dir, "image.png", concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, randomBytes(4096)),
        "a PNG image", 0, RejectReason.BINARY);
    bytes(dir, "random.bin", randomBytes(8192), "random bytes", 0, RejectReason.BINARY);
    bytes(dir, "report.pdf.txt", concat(utf8("%PDF-1.4\n"), randomBytes(2048)), "a PDF named .txt", 0, RejectReason.BINARY);
    bytes(dir, "archive.zip", concat(new byte[] {'P', 'K', 3, 4}, randomBytes(2048)), "a ZIP archive", 0, RejectReason.BINARY);
    byte[] padded = utf8(story() + " " + story());
    for (int i = 0; i < padded.length; i += 7) {
      padded[i] = 0;
    }
    bytes(dir, "nul-padded.txt", padded, "text with NUL bytes every 7 bytes", 0, RejectReason.BINARY);
    bytes(dir, "random.bin.gz", gzip(randomBytes(8192)), "gzip of random bytes", 0, RejectReason.BINARY);
    bytes(dir, "story.txt.gz", gzip(utf8(story())), "a gzipped story", 1);
    byte[] big = gzip(randomText(200_000));
    bytes(dir, "truncated.txt.gz", Arrays.copyOf(big, big.length / 2), "a gzip cut in half", 0, RejectReason.UNREADABLE);
  }

  private void empty() throws IOException {
    String dir = "empty";
    bytes(dir, "empty.txt", new byte[0], "no bytes", 0, RejectReason.EMPTY);
    text(dir, "whitespace.txt", " \n\t\r\n   \n", "only whitespace", 0, RejectReason.EMPTY);
    bytes(dir, "bom-only.txt", bom8(), "only a byte-order mark", 0, RejectReason.EMPTY);
    text(dir, "invisible.txt", "\u200B\u200C\u200D\u2060\uFEFF\n\u200B\u200F", "only zero-width characters", 0,
        RejectReason.EMPTY);
    text(dir, "invisible-field.jsonl", "{\"title\": \"T\", \"text\": \"\\u200b\\u200d \\u0007\"}\n",
        "a record whose text is invisible", 0, RejectReason.NO_TEXT);
    text(dir, "header-only.csv", "text,title\n", "a CSV header and no rows: no records", 0);
    text(dir, "empty-array.json", "[]", "an empty JSON array: no records", 0);
    text(dir, "blank-lines.jsonl", "\n\n   \n\n", "JSON Lines of blank lines", 0, RejectReason.EMPTY);
    text(dir, "null.json", "null", "a JSON document that is null", 0, RejectReason.UNPARSEABLE);
    text(dir, "empty-objects.jsonl", "{}\n{}\n", "empty JSON objects", 0, RejectReason.EMPTY, RejectReason.EMPTY);
    text(dir, "empty-fields.csv", "text,title\n,\n\"\",\"\"\n", "CSV rows of empty fields", 0, RejectReason.EMPTY,
        RejectReason.EMPTY);
  }

  private void json() throws IOException {
    String dir = "json";
    StringBuilder array = new StringBuilder("[\n");
    for (int i = 0; i < 4; i++) {
      array.append(i == 0 ? "" : ",\n").append(jsonLine(story(), "2022-01-0" + (i + 1)));
    }
    String full = array.append("\n]").toString();
    text(dir, "truncated.json", full.substring(0, full.lastIndexOf("\"text\"") + 30),
        "a JSON array cut inside its 4th element", 3, RejectReason.UNPARSEABLE);
    int depth = 5_000;
    text(dir, "deeply-nested-object.json", "{\"text\": " + quote(story()) + ", \"meta\": " + "{\"a\": ".repeat(depth)
        + "1" + "}".repeat(depth) + "}", "an object nested 5,000 deep", 0, RejectReason.UNPARSEABLE);
    text(dir, "deeply-nested-array.json", "[".repeat(100_000) + "]".repeat(100_000),
        "arrays nested 100,000 deep", 0, RejectReason.UNPARSEABLE);
    StringBuilder nested = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      nested.append("{\"text\": ").append(quote(story())).append(", \"meta\": ").append("{\"a\": ".repeat(50))
          .append("[1, [2, [3]]]").append("}".repeat(50)).append("}\n");
    }
    text(dir, "nested-50.jsonl", nested.toString(), "records with metadata nested 50 deep", 2);
    text(dir, "truncated.jsonl", jsonLine(story(), null) + "\n" + jsonLine(story(), null) + "\n"
        + jsonLine(story(), null) + "\n" + jsonLine(story(), null).substring(0, 40),
        "JSON Lines whose last line is cut", 3, RejectReason.UNPARSEABLE);
    text(dir, "mixed.jsonl", jsonLine(story(), null) + "\n[1, 2]\n\"a string\"\n{\"text\": \n",
        "JSON Lines with an array, a string and a broken line", 1, RejectReason.UNPARSEABLE,
        RejectReason.UNPARSEABLE, RejectReason.UNPARSEABLE);
    text(dir, "not-objects.json", "[1, \"a\", " + jsonLine(story(), null) + "]",
        "a JSON array holding a number and a string", 1, RejectReason.UNPARSEABLE, RejectReason.UNPARSEABLE);
    text(dir, "escapes.json", "{\"text\": " + quote(story()) .replace(" the ", " \\u0000 the \\ud800 ") + "}",
        "a JSON object with NUL and lone-surrogate escapes in its text", 1);
  }

  private void csv() throws IOException {
    String dir = "csv";
    text(dir, "unbalanced-quotes.csv", "text,title\n\"" + story() + "\",One\n\"" + story() + "\",Two\n\""
        + story() + ",Three\n\"" + story() + "\",Four\n", "an unclosed quote on row 3", 2, RejectReason.UNPARSEABLE);
    StringBuilder runaway = new StringBuilder("text,title\n\"" + story() + "\",One\n\"" + story() + ",Two\n");
    while (runaway.length() < 600_000) {
      runaway.append(randomText(60)).append(",x\n");
    }
    text(dir, "unclosed-to-the-end.csv", runaway.toString(), "a quote never closed in 600 KB", 1,
        RejectReason.UNPARSEABLE);
    text(dir, "ragged.csv", "text,title,date\n\"" + story() + "\",A,2021-01-01,extra,fields\n,only a title\n\""
        + story() + "\"\n", "rows with too many and too few fields: the long one rejected, the short ones read", 1,
        RejectReason.WRONG_FIELD_COUNT, RejectReason.NO_TEXT);
    text(dir, "semicolons.csv", "title;text\nOne;\"" + story() + "\n\nsecond paragraph; with a semicolon " + story()
        + "\"\nTwo;\"" + story() + "\"\n", "semicolons and quoted line breaks", 2);
  }

  private void html() throws IOException {
    String dir = "html";
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Page</title>");
    for (int i = 0; i < 40; i++) {
      page.append("<script>var s").append(i).append(" = 'SCRIPTTEXT Kim Jong Un was dismissed'; function f").append(i)
          .append("() { document.write(s").append(i).append("); }</script>\n");
    }
    page.append("<style>body { font: 12px SCRIPTTEXT; }</style></head><body onload=\"SCRIPTTEXT()\">")
        .append("<noscript>SCRIPTTEXT enable scripts</noscript><article><h1>A headline</h1><p>").append(story())
        .append("</p><script>document.write('SCRIPTTEXT')</script><p>").append(story()).append("</p></article>")
        .append("<script type=\"application/ld+json\">{\"SCRIPTTEXT\": 1}</script></body></html>");
    text(dir, "scripts.html", page.toString(), "a page full of scripts around one article", 1);
    StringBuilder scriptsOnly = new StringBuilder("<html><head>");
    for (int i = 0; i < 20; i++) {
      scriptsOnly.append("<script>console.log('SCRIPTTEXT ").append(i).append("');</script>");
    }
    text(dir, "only-scripts.html", scriptsOnly.append("</head><body><script>x()</script></body></html>").toString(),
        "a page of scripts and nothing else", 0, RejectReason.NO_TEXT);
    text(dir, "unclosed-tags.html", "<html><body><div><p>" + story() + "<b>bold <i>italic <div><p>" + story(),
        "tags never closed", 1);
    text(dir, "script-bomb.html", "<html><head><script>var x = '" + "SCRIPTTEXT ".repeat(300_000)
        + "';</script></head><body><article><p>" + story() + "</p></article></body></html>",
        "a 3 MB script around a short article", 1);
  }

  private void unicode() throws IOException {
    String dir = "unicode";
    text(dir, "control-chars.txt", sprinkle(story() + "\n\n" + story(), new String[] {"\u0001", "\u0007", "\u001B",
        "\u007F", "\u0085", "\u009B"}, 40), "control characters inside words", 1);
    text(dir, "zero-width.txt", sprinkle(story(), new String[] {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"}, 8),
        "zero-width characters inside words", 1);
    text(dir, "right-to-left.txt", story() + "\n\n\u202E" + "\u0643\u064A\u0645 \u062C\u0648\u0646\u063A \u0623\u0648\u0646 "
        + "\u05E7\u05D9\u05DD \u05D2'\u05D5\u05E0\u05D2 \u05D0\u05D5\u05DF\u202C \u200F(RTL)\u200E " + story(),
        "Arabic and Hebrew with bidi overrides and marks", 1);
    text(dir, "emoji.txt", "\uD83C\uDDF0\uD83C\uDDF5 " + story() + " \uD83D\uDE80\uD83D\uDCA5 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 "
        + "\uD83D\uDC4D\uD83C\uDFFD " + story() + " \uD83E\uDEE0", "emoji, flags, skin tones and ZWJ sequences", 1);
    text(dir, "hangul.txt", hangulStory() + "\n\n" + hangulStory(), "Korean in UTF-8", 1);
    text(dir, "long-token.txt", story() + " " + "x".repeat(10_000) + " " + story() + " "
        + "ab".repeat(5_000) + ".", "two 10,000-character tokens", 1);
    text(dir, "comma-run.txt", story() + "\n" + ", ".repeat(20_000) + "\n" + story(),
        "a line of 20,000 commas (a repeated regex group once overflowed the stack on it)", 1);
    text(dir, "blank-lines.txt", story() + "\n".repeat(200_000) + story(), "200,000 blank lines inside a story", 1);
    StringBuilder dates = new StringBuilder();
    for (String date : List.of("2023-02-30", "2019-13-45", "0000-00-00", "9999-12-31", "1850-01-01", "2099-06-01",
        "Feb 30, 2021", "32 March 2020", "not a date", "2024-02-29", "-99999999999999", "1e300")) {
      String value = date.matches("-?[0-9.e]+") ? date : quote(date);
      dates.append("{\"text\": ").append(quote(story())).append(", \"date\": ").append(value).append("}\n");
    }
    text(dir, "dates.jsonl", dates.toString(), "impossible, far-off and future dates", 12);
  }

  private void names() throws IOException {
    String dir = "names";
    for (String name : List.of("file with spaces.txt", "북한 소식 2024.txt", "caf\u00e9 \u2013 r\u00e9sum\u00e9.txt",
        "report #1.txt", "what?.txt", "100% [draft] {v2}.txt", "  leading spaces.txt", "emoji \uD83D\uDE80.txt", "time 10:30.txt",
        "\u202Ertl-override.txt")) {
      text(dir, name, story(), "a file name with spaces or non-ASCII characters", 1);
    }
    // the same story twice: the second copy is an exact duplicate, counted once under the first
    String story = story();
    text(dir, "copy a.txt", story, "a story", 1);
    text(dir, "copy b.txt", story, "the same story again: an exact duplicate", 0);
    cases.set(cases.size() - 1, withDuplicates(cases.get(cases.size() - 1), 1));
  }

  private void bulk(long bigBytes) throws IOException {
    String dir = "bulk";
    Path folder = Files.createDirectories(root.resolve(dir));
    // records of about 20 KB: a 5 KB story from a pool of distinct ones, and 15 KB of raw markup in a field
    // no mapping reads (as scrapes carry): the parser streams every byte, the per-record work stays small
    int pool = 120;
    List<String> stories = new ArrayList<>(pool);
    for (int i = 0; i < pool; i++) {
      stories.add(longStory(5_000));
    }
    List<String> markup = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      markup.add(quote("<div class=\"c" + i + "\"><p>" + randomText(15_000) + "</p><script>var x = 1;</script></div>"));
    }
    Path big = folder.resolve("big.jsonl");
    long written = 0;
    int lines = 0;
    int broken = 0;
    int noText = 0;
    boolean[] used = new boolean[pool];
    try (OutputStream raw = Files.newOutputStream(big);
        Writer out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16)) {
      while (written < bigBytes) {
        lines++;
        String line;
        if (lines % 100 == 0) {
          line = "{\"text\": \"broken line " + lines;
          broken++;
        } else if (lines % 150 == 0) {
          line = "{\"title\": \"a title and no text " + lines + "\", \"text\": \"\"}";
          noText++;
        } else {
          int k = (int) ((lines * 2654435761L) % pool);
          used[k] = true;
          line = "{\"title\": \"Story " + lines + "\", \"url\": \"https://example.org/" + lines + "\", \"date\": \"2024-"
              + String.format(Locale.ROOT, "%02d-%02d", 1 + k % 12, 1 + k % 28) + "\", \"raw_html\": " + markup.get(lines % markup.size()) + ", \"text\": " + quote(stories.get(k)) + "}";
        }
        out.write(line);
        out.write('\n');
        written += line.length() + 1;  // ASCII only
      }
    }
    int distinct = 0;
    for (boolean u : used) {
      distinct += u ? 1 : 0;
    }
    List<RejectReason> rejects = new ArrayList<>();
    rejects.addAll(Collections.nCopies(broken, RejectReason.UNPARSEABLE));
    rejects.addAll(Collections.nCopies(noText, RejectReason.NO_TEXT));
    cases.add(new FileCase(dir, big, "a " + (written >> 20) + " MB JSON Lines file of " + lines + " lines", distinct,
        lines - broken - noText - distinct, rejects));

    StringBuilder line = new StringBuilder(5_300_000);
    while (line.length() < 5_000_000) {
      line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    String fiveMb = line.toString();
    text(dir, "one-line-5mb.txt", fiveMb, "a 5 MB single line", 0, RejectReason.TOO_LARGE);
    text(dir, "one-line-5mb.jsonl", "{\"text\": \"" + fiveMb + "\"}\n" + jsonLine(story(), null) + "\n",
        "a 5 MB JSON line, then a normal one", 1, RejectReason.TOO_LARGE);
    text(dir, "one-sentence-300kb.txt", fiveMb.substring(0, 300_000).strip(), "a 300 KB article with no punctuation", 1);
  }

  // ---------------------------------------------------------------- writing

  private void text(String dir, String name, String text, String what, int articles, RejectReason... rejects)
      throws IOException {
    bytes(dir, name, utf8(text), what, articles, rejects);
  }

  private void bytes(String dir, String name, byte[] bytes, String what, int articles, RejectReason... rejects)
      throws IOException {
    Path folder = Files.createDirectories(root.resolve(dir));
    Path file = folder.resolve(name);
    Files.write(file, bytes);
    cases.add(new FileCase(dir, file, what, articles, 0, List.of(rejects)));
  }

  private static FileCase withDuplicates(FileCase c, int duplicates) {
    return new FileCase(c.corpus(), c.file(), c.what(), c.articles(), duplicates, c.rejects());
  }

  // ---------------------------------------------------------------- content

  /** A distinct story of about 60-100 words in a few sentences, with a number that makes it unique. */
  String story() {
    storyNumber++;
    StringBuilder s = new StringBuilder();
    int sentences = 4 + random.nextInt(3);
    for (int i = 0; i < sentences; i++) {
      s.append(sentence()).append(' ');
      if (i == 1) {
        s.append("Kim Jong Un inspected unit ").append(storyNumber).append(" of the army. ");
      }
    }
    return s.toString().strip();
  }

  private String longStory(int chars) {
    StringBuilder s = new StringBuilder();
    while (s.length() < chars) {
      s.append(sentence()).append(' ');
    }
    return s.toString().strip();
  }

  private String sentence() {
    int n = 10 + random.nextInt(10);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String w = WORDS[random.nextInt(WORDS.length)];
      s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i == n - 1 ? "." : " ");
    }
    return s.toString();
  }

  private String hangulStory() {
    storyNumber++;
    String[] words = {"북한", "당국은", "최근", "평양에서", "회의를", "열고", "간부들을", "해임했다", "소식통에", "따르면",
        "주민들은", "식량", "부족을", "겪고", "있다", "국경", "지역의", "단속이", "강화되었다", "김정은"};
    StringBuilder s = new StringBuilder("제").append(storyNumber).append("호 보도. ");
    for (int i = 0; i < 60; i++) {
      s.append(words[random.nextInt(words.length)]).append(i % 8 == 7 ? ". " : " ");
    }
    return s.toString().strip() + ".";
  }

  private String randomText(int chars) {
    StringBuilder s = new StringBuilder();
    while (s.length() < chars) {
      s.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return s.toString();
  }

  private String sprinkle(String text, String[] insert, int every) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      s.append(text.charAt(i));
      if (i % every == every - 1 && Character.isLetter(text.charAt(i))) {
        s.append(insert[random.nextInt(insert.length)]);
      }
    }
    return s.toString();
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  static String jsonLine(String text, String date) {
    return "{\"text\": " + quote(text) + (date == null ? "" : ", \"date\": " + quote(date)) + "}";
  }

  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bom8() {
    return new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(String text) throws IOException {
    return gzip(utf8(text));
  }
}
