package org.nkwatch.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON objects as record fields: names lower-cased, nested objects flattened as "parent.child". */
final class JsonFields {
  private JsonFields() {
  }

  /** An object mapper whose parser refuses strings longer than {@code maxChars}. */
  static ObjectMapper mapper(int maxChars) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxChars).build())
        .build();
    return new ObjectMapper(factory);
  }

  /** Strings as String, numbers as Number, lists of scalars as List of String, other lists as JSON text. */
  static Map<String, Object> flatten(JsonNode object) {
    Map<String, Object> fields = new HashMap<>();
    flatten("", object, fields);
    return fields;
  }

  private static void flatten(String prefix, JsonNode object, Map<String, Object> out) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String name = prefix + field.getKey().strip().toLowerCase(Locale.ROOT);
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(name + ".", value, out);
      } else if (value.isArray()) {
        out.putIfAbsent(name, list(value));
      } else if (value.isNumber()) {
        out.putIfAbsent(name, value.numberValue());
      } else if (!value.isNull() && !value.isMissingNode()) {
        out.putIfAbsent(name, value.asText());
      }
    }
  }

  private static Object list(JsonNode array) {
    List<String> items = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      if (item.isNull()) {
        continue;
      }
      if (item.isContainerNode()) {
        return array.toString();
      }
      items.add(item.asText());
    }
    return items;
  }
}
