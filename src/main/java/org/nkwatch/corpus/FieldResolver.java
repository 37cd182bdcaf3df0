package org.nkwatch.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.nkwatch.config.FieldMapping;

/**
 * Finds an article's attributes among a record's fields through the corpus' {@link FieldMapping}:
 * candidates in order, names matched case-insensitively, the first present and non-blank value wins.
 * Missing-value markers that exports write for an empty cell ("NA", "N/A", "null", ...) count as absent:
 * the KCNA 2011-2012 export has thousands of stories that are just "NA".
 */
final class FieldResolver {
  static final Set<String> MISSING_MARKERS = Set.of("na", "n/a", "nan", "null", "none", "nil", "#n/a", "undefined");

  private final FieldMapping mapping;

  FieldResolver(FieldMapping mapping) {
    this.mapping = mapping;
  }

  /**
   * @param fields the record's fields by lower-cased name; values are String, Number or List of String
   */
  SourceRecord resolve(String locator, Map<String, Object> fields) {
    boolean empty = fields.values().stream().allMatch(FieldResolver::absent);
    return new SourceRecord(locator,
        text(first(fields, mapping.text()), "\n\n"),
        text(first(fields, mapping.title()), " "),
        dateValue(first(fields, mapping.date())),
        text(first(fields, mapping.url()), " "),
        text(first(fields, mapping.byline()), ", "),
        text(first(fields, mapping.language()), " "),
        false, empty);
  }

  private static Object first(Map<String, Object> fields, List<String> candidates) {
    for (String name : candidates) {
      Object value = fields.get(name.toLowerCase(Locale.ROOT));
      if (!absent(value)) {
        return value;
      }
    }
    return null;
  }

  static boolean absent(Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof List<?> list) {
      return list.stream().allMatch(FieldResolver::absent);
    }
    if (value instanceof Number) {
      return false;
    }
    String s = value.toString().strip();
    return s.isEmpty() || MISSING_MARKERS.contains(s.toLowerCase(Locale.ROOT));
  }

  /** A list of paragraphs is joined with {@code separator}; a number as its decimal string. */
  private static String text(Object value, String separator) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(v -> !absent(v)).map(v -> v.toString().strip())
          .collect(Collectors.joining(separator));
    }
    return value.toString();
  }

  private static Object dateValue(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().filter(v -> !absent(v)).findFirst().orElse(null);
    }
    return value;
  }
}
