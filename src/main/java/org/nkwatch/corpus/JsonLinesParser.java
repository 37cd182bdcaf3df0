package org.nkwatch.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import org.nkwatch.model.RejectReason;

/**
 * JSON Lines: one JSON object per line, streamed. Locators carry {@code #line=N} (the physical line,
 * from 1); blank lines are no records. A line that does not parse, or is not an object, is rejected on
 * its own and reading goes on with the next line.
 */
final class JsonLinesParser {
  private final FieldResolver resolver;
  private final ObjectMapper mapper;
  private final int maxRecordChars;

  JsonLinesParser(FieldResolver resolver, int maxRecordChars) {
    this.resolver = resolver;
    this.maxRecordChars = maxRecordChars;
    this.mapper = JsonFields.mapper(maxRecordChars);
  }

  void parse(String fileLocator, Reader reader, RecordHandler handler) {
    BoundedLineReader lines = new BoundedLineReader(reader, maxRecordChars);
    long number = 0;
    try {
      for (String line = lines.next(); line != null; line = lines.next()) {
        number++;
        String locator = fileLocator + "#line=" + number;
        if (lines.overlong()) {
          handler.reject(locator, RejectReason.TOO_LARGE, "line longer than " + maxRecordChars + " characters",
              maxRecordChars);
          continue;
        }
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
          handler.reject(locator, CorpusFileReader.reasonFor(e),
              "line " + number + ": " + JsonArrayParser.firstLine(e.getOriginalMessage()), line.length());
          continue;
        }
        if (node == null || !node.isObject()) {
          handler.reject(locator, RejectReason.UNPARSEABLE, "line " + number + " is not a JSON object", line.length());
          continue;
        }
        handler.record(resolver.resolve(locator, JsonFields.flatten(node)));
      }
    } catch (IOException e) {
      handler.reject(fileLocator + "#line=" + (number + 1), CorpusFileReader.reasonFor(e),
          "line " + (number + 1) + " and the rest of the file not read: " + e.getMessage(), 0);
    }
  }
}
