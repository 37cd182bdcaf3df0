package org.nkwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Safe YAML: snakeyaml-engine builds only maps, lists and scalars (no arbitrary types), and parse errors
 * come back naming the file and line.
 */
public final class YamlFiles {
  private YamlFiles() {
  }

  public static Map<String, Object> parseMap(String file, String text) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().setLabel(file).build()).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark().map(m -> ":" + (m.getLine() + 1)).orElse("");
      throw new ConfigException(file + where + ": invalid YAML: " + e.getProblem(), e);
    } catch (YamlEngineException e) {
      throw new ConfigException(file + ": invalid YAML: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException(file + ": expected a mapping at the top level");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    return typed;
  }

  public static String string(String file, Map<String, Object> map, String key, String fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Map || value instanceof List) {
      throw new ConfigException(file + ": '" + key + "' must be a single value, got " + value);
    }
    return String.valueOf(value);
  }

  public static String requiredString(String file, Map<String, Object> map, String key) {
    String value = string(file, map, key, null);
    if (value == null || value.isBlank()) {
      throw new ConfigException(file + ": missing '" + key + "' in " + map);
    }
    return value;
  }

  public static List<String> strings(String file, Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      return List.of(String.valueOf(value));
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof Map || item instanceof List) {
        throw new ConfigException(file + ": '" + key + "' must be a list of strings, got item " + item);
      }
      out.add(String.valueOf(item));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> maps(String file, Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new ConfigException(file + ": '" + key + "' must be a list");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Map)) {
        throw new ConfigException(file + ": every item of '" + key + "' must be a mapping, got " + item);
      }
      out.add((Map<String, Object>) item);
    }
    return out;
  }
}
