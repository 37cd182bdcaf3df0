package org.nkwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

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

  /**
   * Rejects a key of {@code map} that is not {@code allowed}: a misspelt key would otherwise be skipped
   * and the file would quietly mean something else. The message names the file, the key's line and the
   * allowed keys, as the corpus registry's and job files' do.
   *
   * @param text the file's text, searched for the line only when a key is rejected
   * @param at   the keys and list indexes that lead from the top of the file to {@code map}
   */
  public static void checkKeys(String file, String text, List<Object> at, Map<String, Object> map,
      List<String> allowed) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String k && allowed.contains(k))) {
        String line = keyLine(file, text, at, key).map(l -> ":" + l).orElse("");
        throw new ConfigException(file + line + ": unknown key '" + key + "' (expected one of " + allowed + ")");
      }
    }
  }

  /** The line (from 1) of {@code key} in the mapping at {@code at}, from the node tree: loaded values carry no marks. */
  static Optional<Integer> keyLine(String file, String text, List<Object> at, Object key) {
    Node node;
    try {
      node = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text).orElse(null);
    } catch (YamlEngineException e) {
      return Optional.empty();
    }
    for (Object step : at) {
      node = child(node, step);
    }
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(String.valueOf(key))) {
          return k.getStartMark().map(m -> m.getLine() + 1);
        }
      }
    }
    return Optional.empty();
  }

  private static Node child(Node node, Object step) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(String.valueOf(step))) {
          return tuple.getValueNode();
        }
      }
    } else if (node instanceof SequenceNode sequence && step instanceof Integer i && i < sequence.getValue().size()) {
      return sequence.getValue().get(i);
    }
    return null;
  }
}
