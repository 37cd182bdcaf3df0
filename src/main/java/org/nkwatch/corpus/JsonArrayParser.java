package org.nkwatch.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import org.nkwatch.model.RejectReason;

/**
 * A JSON document: an array of objects (one record each, streamed with Jackson's parser, one element in
 * memory at a time) or a single object (one record). Locators carry {@code #index=N}, N counted from 0 as
 * in the array. A syntax error keeps the elements before it and rejects the rest of the file.
 */
final class JsonArrayParser {
  private final FieldResolver resolver;
  private final ObjectMapper mapper;

  JsonArrayParser(FieldResolver resolver, int maxRecordChars) {
    this.resolver = resolver;
    this.mapper = JsonFields.mapper(maxRecordChars);
  }

  void parse(String fileLocator, Reader reader, RecordHandler handler) {
    long index = 0;
    try (JsonParser parser = mapper.createParser(reader)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        JsonNode object = parser.readValueAsTree();
        handler.record(resolver.resolve(fileLocator, JsonFields.flatten(object)));
        return;
      }
      if (first != JsonToken.START_ARRAY) {
        handler.reject(fileLocator, RejectReason.UNPARSEABLE,
            "the JSON document is " + describe(first) + ", not an array of objects", 0);
        return;
      }
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), index++) {
        String locator = fileLocator + "#index=" + index;
        if (token == null) {
          throw new com.fasterxml.jackson.core.JsonParseException(parser, "the array is not closed");
        }
        if (token == JsonToken.START_OBJECT) {
          JsonNode object = parser.readValueAsTree();
          handler.record(resolver.resolve(locator, JsonFields.flatten(object)));
        } else if (token == JsonToken.VALUE_NULL) {
          handler.reject(locator, RejectReason.EMPTY, "null element", 0);
        } else {
          parser.skipChildren();
          handler.reject(locator, RejectReason.UNPARSEABLE, "element is " + describe(token) + ", not an object", 0);
        }
      }
    } catch (IOException e) {
      handler.reject(fileLocator + "#index=" + index, CorpusFileReader.reasonFor(e),
          "element " + index + " and the rest of the file not read: " + firstLine(e.getMessage()), 0);
    }
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "empty";
    }
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
