package org.nkwatch.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.nkwatch.model.RejectReason;

/**
 * CSV with a header row (RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks),
 * streamed one record at a time with commons-csv. The delimiter is the most frequent of , ; tab | in
 * the header line. When a record cannot be parsed (a quote that is never closed), the records before it
 * are kept and the rest of the file is one reject naming the data row where reading stopped.
 *
 * <p>A row with more fields than the header is rejected {@code wrong_field_count} on its own: its extra
 * fields have no name and, after an unquoted delimiter, the others may sit under the wrong names. Extra
 * fields that are all empty (a delimiter at the end of every line, as some exports write) lose nothing: the
 * row is read. A row with fewer fields is read: the fields it has keep their names, the missing ones are absent.
 */
final class CsvRecordParser {
  private final FieldResolver resolver;
  private final int maxRecordChars;

  CsvRecordParser(FieldResolver resolver, int maxRecordChars) {
    this.resolver = resolver;
    this.maxRecordChars = maxRecordChars;
  }

  /** @param head the decoded start of the file (to choose the delimiter) */
  void parse(String fileLocator, Reader reader, String head, RecordHandler handler) {
    RecordBudgetReader budget = new RecordBudgetReader(reader, maxRecordChars);
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter(head))
        .setHeader()
        .setSkipHeaderRecord(true)
        .setAllowMissingColumnNames(true)
        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
        .setIgnoreEmptyLines(true)
        .get();
    CSVParser parser;
    try {
      parser = format.parse(budget);
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      handler.reject(fileLocator, CorpusFileReader.reasonFor(cause), "header row: " + cause.getMessage(), 0);
      return;
    }
    List<String> names = parser.getHeaderNames().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    Iterator<CSVRecord> records = parser.iterator();
    long row = 0;
    while (true) {
      CSVRecord record;
      try {
        budget.startRecord();
        if (!records.hasNext()) {
          break;
        }
        record = records.next();
      } catch (UncheckedIOException e) {
        handler.reject(fileLocator + "#row=" + (row + 1), CorpusFileReader.reasonFor(e.getCause()),
            "data row " + (row + 1) + " and the rest of the file not read: " + e.getCause().getMessage(), 0);
        return;
      }
      row++;
      String locator = fileLocator + "#row=" + row;
      if (record.size() > names.size() && !emptyBeyond(record, names.size())) {
        handler.reject(locator, RejectReason.WRONG_FIELD_COUNT, tooManyFields(row, parser, record, names.size(),
            format.getDelimiterString()), characters(record));
        continue;
      }
      Map<String, Object> fields = new HashMap<>();
      for (int i = 0; i < record.size() && i < names.size(); i++) {
        fields.putIfAbsent(names.get(i), record.get(i));
      }
      handler.record(resolver.resolve(locator, fields));
    }
  }

  private static boolean emptyBeyond(CSVRecord record, int headerFields) {
    for (int i = headerFields; i < record.size(); i++) {
      if (!record.get(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** "data row 3 (line 4) has 5 fields where the header has 3; beyond them: extra,fields" */
  private static String tooManyFields(long row, CSVParser parser, CSVRecord record, int headerFields,
      String delimiter) {
    String beyond = String.join(delimiter, record.toList().subList(headerFields, record.size()))
        .replaceAll("[\\r\\n]+", " ");
    beyond = beyond.length() <= 120 ? beyond : beyond.substring(0, 117) + "...";
    return "data row " + row + " (line " + firstLine(parser, record) + ") has " + record.size()
        + " fields where the header has " + headerFields + "; beyond them: " + beyond;
  }

  /**
   * The file line the record starts on. The parser counts lines up to the end of the record just read;
   * a quoted value may hold line breaks (counted as the parser does: CR LF once, a lone CR or LF once).
   */
  private static long firstLine(CSVParser parser, CSVRecord record) {
    long line = parser.getCurrentLineNumber();
    for (String value : record) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n' && (i == 0 || value.charAt(i - 1) != '\r')) {
          line--;
        }
      }
    }
    return line;
  }

  /** The record's size in characters: its values and the delimiters between them (quotes not counted). */
  private static long characters(CSVRecord record) {
    long n = Math.max(0, record.size() - 1);
    for (String value : record) {
      n += value.length();
    }
    return n;
  }

  /** The delimiter most frequent outside quotes in the first line; a comma when in doubt. */
  static char delimiter(String head) {
    int[] counts = new int[4];
    char[] candidates = {',', ';', '\t', '|'};
    boolean quoted = false;
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        for (int k = 0; k < candidates.length; k++) {
          if (c == candidates[k]) {
            counts[k]++;
          }
        }
      }
    }
    int best = 0;
    for (int k = 1; k < candidates.length; k++) {
      if (counts[k] > counts[best]) {
        best = k;
      }
    }
    return candidates[best];
  }
}
