package org.nkwatch.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVException;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.model.Reject;
import org.nkwatch.model.RejectReason;

/**
 * Reads one input file of a corpus into articles and rejects: recognises the format, decodes, parses,
 * extracts metadata, cleans, detects the language and computes the doc id. Spark-free; one instance
 * per task (not thread-safe).
 *
 * <p>Every record read ends as exactly one call to the sink: an article or a reject. Exact and near
 * duplicates across files are found later, over the whole dataset.
 *
 * <p>Steps: a gzip file is decompressed; the first 64 KiB decide the encoding ({@link EncodingDetector})
 * and the format ({@link FormatDetector}); one-article formats (text, HTML) are then read whole (up to
 * {@link IngestSettings#maxDocumentBytes()}), multi-record formats (CSV, JSON, JSON Lines) are streamed
 * one record at a time. A failure part-way through a multi-record file keeps the records before it and
 * ends in one reject for the rest, located at the record where reading stopped.
 *
 * <p>Locators: the file's locator for one-article files and file-level rejects; plus {@code #row=N} (CSV
 * data row, from 1), {@code #line=N} (JSON Lines, from 1) or {@code #index=N} (JSON array, from 0).
 * Reject sizes: bytes of the file for file-level rejects, characters of the record's text otherwise.
 */
public final class CorpusFileReader {
  static final int HEAD_BYTES = 64 * 1024;

  private final CorpusSpec spec;
  private final IngestSettings settings;
  private final FieldResolver fields;
  private final ArticleAssembler assembler;

  public CorpusFileReader(CorpusSpec spec) {
    this(spec, IngestSettings.DEFAULT);
  }

  public CorpusFileReader(CorpusSpec spec, IngestSettings settings) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.fields = new FieldResolver(spec.fields());
    this.assembler = new ArticleAssembler(spec, settings);
  }

  /**
   * @param locator the file's path or URI; rejects and articles carry it (with a record index or line)
   * @param in      the file's bytes; not closed here
   * @param size    the file's size in bytes, or -1 if unknown
   */
  public void read(String locator, InputStream in, long size, IngestSink sink) throws IOException {
    Objects.requireNonNull(locator, "locator");
    Objects.requireNonNull(sink, "sink");
    InputStream source = new FilterInputStream(in) {
      @Override
      public void close() {
        // the caller owns the stream
      }
    };
    String fileName = fileName(locator);
    FileHead head;
    try {
      head = FileHead.read(source, HEAD_BYTES);
      if (head.startsWith(0x1F, 0x8B)) {
        source = new GZIPInputStream(head.stream(0), 1 << 16);
        fileName = fileName.replaceFirst("(?i)\\.(gz|gzip)$", "");
        head = FileHead.read(source, HEAD_BYTES);
      }
    } catch (IOException e) {
      fileReject(sink, locator, RejectReason.UNREADABLE, "cannot read: " + e, size);
      return;
    }
    long knownSize = size >= 0 ? size : head.complete ? head.length : -1;
    if (head.length == 0) {
      fileReject(sink, locator, RejectReason.EMPTY, "no bytes", knownSize);
      return;
    }
    EncodingDetector.Result encoding = EncodingDetector.detect(head.bytes, head.length, head.complete);
    if (!encoding.ok()) {
      fileReject(sink, locator, encoding.problem(), encoding.detail(), knownSize);
      return;
    }
    String headText;
    try {
      headText = EncodingDetector.decode(head.bytes, encoding.bomLength(), head.length - encoding.bomLength(),
          encoding.charset(), head.complete);
    } catch (CharacterCodingException e) {
      fileReject(sink, locator, RejectReason.UNDECODABLE, "not valid " + encoding.charsetName(), knownSize);
      return;
    }
    if (head.complete && invisible(headText)) {
      fileReject(sink, locator, RejectReason.EMPTY, "only whitespace or invisible characters", knownSize);
      return;
    }
    Optional<InputFormat> format = FormatDetector.detect(spec.format(), fileName, headText, head.complete);
    if (format.isEmpty()) {
      fileReject(sink, locator, RejectReason.UNKNOWN_FORMAT, unknownFormatDetail(fileName, headText), knownSize);
      return;
    }
    if (format.get().multiRecord()) {
      readRecords(format.get(), locator, fileName, head, encoding, headText, sink);
    } else {
      readDocument(format.get(), locator, fileName, head, knownSize, sink);
    }
  }

  private void readDocument(InputFormat format, String locator, String fileName, FileHead head, long size,
      IngestSink sink) {
    byte[] bytes;
    try {
      bytes = head.readAll(settings.maxDocumentBytes());
    } catch (IOException e) {
      fileReject(sink, locator, RejectReason.UNREADABLE, "cannot read: " + e, size);
      return;
    }
    if (bytes.length > settings.maxDocumentBytes()) {
      fileReject(sink, locator, RejectReason.TOO_LARGE,
          "a " + format.key() + " file over " + settings.maxDocumentBytes() + " bytes", size);
      return;
    }
    EncodingDetector.Result encoding = EncodingDetector.detect(bytes, bytes.length, true);
    if (!encoding.ok()) {
      fileReject(sink, locator, encoding.problem(), encoding.detail(), bytes.length);
      return;
    }
    String text;
    try {
      text = EncodingDetector.decode(bytes, encoding.bomLength(), bytes.length - encoding.bomLength(),
          encoding.charset(), true);
    } catch (CharacterCodingException e) {
      fileReject(sink, locator, RejectReason.UNDECODABLE, "not valid " + encoding.charsetName(), bytes.length);
      return;
    }
    if (invisible(text)) {
      fileReject(sink, locator, RejectReason.EMPTY, "only whitespace or invisible characters", bytes.length);
      return;
    }
    SourceRecord record = format == InputFormat.HTML
        ? HtmlArticleExtractor.extract(locator, text)
        : SourceRecord.document(locator, text);
    assembler.assemble(record, fileName, sink);
  }

  private void readRecords(InputFormat format, String locator, String fileName, FileHead head,
      EncodingDetector.Result encoding, String headText, IngestSink sink) {
    Reader reader = new BufferedReader(new StrictDecodingReader(head.stream(encoding.bomLength()),
        encoding.charset(), encoding.charsetName()), 1 << 16);
    RecordHandler handler = new RecordHandler() {
      @Override
      public void record(SourceRecord record) {
        assembler.assemble(record, fileName, sink);
      }

      @Override
      public void reject(String recordLocator, RejectReason reason, String detail, long size) {
        sink.reject(new Reject(spec.name(), recordLocator, reason, detail, size));
      }
    };
    switch (format) {
      case CSV -> new CsvRecordParser(fields, settings.maxRecordChars()).parse(locator, reader, headText, handler);
      case JSON -> new JsonArrayParser(fields, settings.maxRecordChars()).parse(locator, reader, handler);
      case JSONL -> new JsonLinesParser(fields, settings.maxRecordChars()).parse(locator, reader, handler);
      default -> throw new IllegalStateException("not a multi-record format: " + format);
    }
  }

  /**
   * Nothing a reader would see: whitespace, control and format characters (zero-width spaces and joiners,
   * byte-order marks, bidi marks) only. Stops at the first visible character.
   */
  static boolean invisible(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && type != Character.CONTROL && type != Character.FORMAT) {
        return false;
      }
    }
    return true;
  }

  /** The reject reason for an exception met while reading a multi-record file. */
  static RejectReason reasonFor(Throwable e) {
    if (e instanceof StreamConstraintsException && String.valueOf(e.getMessage()).contains("nesting depth")) {
      // nesting is a property of the structure, not of the size: 100,000 brackets are a few hundred KB
      return RejectReason.UNPARSEABLE;
    }
    if (e instanceof RecordTooLargeException || e instanceof StreamConstraintsException) {
      return RejectReason.TOO_LARGE;
    }
    if (e instanceof CharacterCodingException) {
      return RejectReason.UNDECODABLE;
    }
    if (e instanceof CSVException || e instanceof JsonProcessingException) {
      return RejectReason.UNPARSEABLE;
    }
    return RejectReason.UNREADABLE;
  }

  private void fileReject(IngestSink sink, String locator, RejectReason reason, String detail, long size) {
    sink.reject(new Reject(spec.name(), locator, reason, detail, size));
  }

  /**
   * The last segment of a file's locator. The locator is a path (Hadoop paths are not URI-encoded), so
   * {@code #} and {@code ?} are part of the name ("report #1.txt"), not a fragment or a query.
   */
  static String fileName(String locator) {
    int slash = Math.max(locator.lastIndexOf('/'), locator.lastIndexOf('\\'));
    return slash >= 0 ? locator.substring(slash + 1) : locator;
  }

  private static String unknownFormatDetail(String fileName, String head) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "no extension" : "extension '" + fileName.substring(dot).toLowerCase(Locale.ROOT) + "'";
    String start = head.strip();
    start = start.length() > 20 ? start.substring(0, 20) + "..." : start;
    return extension + ", content starting '" + start.replaceAll("\\s+", " ") + "'"
        + " (known: .txt .csv .json .jsonl .html, or content starting [ { <)";
  }
}
