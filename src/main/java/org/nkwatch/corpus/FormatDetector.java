package org.nkwatch.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the format of one file: the corpus' declared format, else the file name's extension, else
 * the first non-blank characters ({@code [} a JSON array, {@code {} JSON Lines when every line is a JSON
 * object and JSON otherwise, {@code <} HTML). A {@code .json} file whose lines are each an object is
 * read as JSON Lines, as such dumps often are.
 */
final class FormatDetector {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_LINES_CHECKED = 50;

  private FormatDetector() {
  }

  /**
   * @param declared     the corpus' {@code format} ({@code auto} to recognise)
   * @param fileName     the file's name, without a compression suffix
   * @param head         the decoded first characters of the file
   * @param headComplete whether {@code head} is the whole file
   */
  static Optional<InputFormat> detect(String declared, String fileName, String head, boolean headComplete) {
    if (!"auto".equals(declared)) {
      return Optional.of(InputFormat.valueOf(declared.toUpperCase(Locale.ROOT)));
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    switch (extension) {
      case "txt", "text" -> {
        return Optional.of(InputFormat.TEXT);
      }
      case "csv", "tsv" -> {
        return Optional.of(InputFormat.CSV);
      }
      case "jsonl", "ndjson" -> {
        return Optional.of(InputFormat.JSONL);
      }
      case "json" -> {
        return Optional.of(firstNonBlank(head) == '{' && looksLikeJsonLines(head, headComplete)
            ? InputFormat.JSONL : InputFormat.JSON);
      }
      case "html", "htm", "xhtml" -> {
        return Optional.of(InputFormat.HTML);
      }
      default -> {
        return sniff(head, headComplete);
      }
    }
  }

  static Optional<InputFormat> sniff(String head, boolean headComplete) {
    return switch (firstNonBlank(head)) {
      case '[' -> Optional.of(InputFormat.JSON);
      case '{' -> Optional.of(looksLikeJsonLines(head, headComplete) ? InputFormat.JSONL : InputFormat.JSON);
      case '<' -> Optional.of(InputFormat.HTML);
      default -> Optional.empty();
    };
  }

  /**
   * Each non-blank line of the head (the last one only when the head is the whole file) is one JSON
   * object. A first line longer than the head is taken as JSON Lines: a pretty-printed document opens
   * with a short line.
   */
  static boolean looksLikeJsonLines(String head, boolean headComplete) {
    String[] lines = head.split("\n", -1);
    int last = headComplete ? lines.length : lines.length - 1;
    if (last == 0) {
      return !headComplete && lines[0].strip().startsWith("{");
    }
    int checked = 0;
    for (int i = 0; i < last && checked < MAX_LINES_CHECKED; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      if (!isJsonObject(line)) {
        return false;
      }
      checked++;
    }
    return checked > 0;
  }

  private static boolean isJsonObject(String line) {
    if (!line.startsWith("{") || !line.endsWith("}")) {
      return false;
    }
    try {
      JsonNode node = MAPPER.readTree(line);
      return node != null && node.isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  static char firstNonBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c;
      }
    }
    return 0;
  }
}
