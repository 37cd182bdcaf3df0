package org.nkwatch.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Turns the YAML of a brief definition into a {@link BriefDefinition}. Strict on purpose: an unknown key
 * is an error (a typo must not silently give a default), and every message names the file and the key.
 */
final class DefinitionParser {
  private static final Set<String> TOP_KEYS =
      Set.of("title", "audience", "corpora", "period", "comparison", "top_n", "sections", "charts");
  private static final Set<String> PERIOD_KEYS = Set.of("grain", "last", "from", "to");

  private final String source;

  private DefinitionParser(String source) {
    this.source = source;
  }

  static BriefDefinition parse(String name, String yaml, String source) {
    return new DefinitionParser(source).parse(name, yaml);
  }

  private BriefDefinition parse(String name, String yaml) {
    Object root;
    try {
      // snakeyaml-engine builds only maps, lists and scalars: no arbitrary classes from a config file
      root = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new BriefDefinitionException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    Map<String, Object> top = map(root, "(top level)");
    rejectUnknown(top, TOP_KEYS, "");
    try {
      return new BriefDefinition(name,
          requiredString(top, "title"),
          optionalString(top, "audience", ""),
          stringList(top, "corpora"),
          period(top.get("period")),
          comparison(top),
          integer(top, "top_n", BriefDefinition.DEFAULT_TOP_N),
          enumList(top, "sections", Section.values(), Section::key),
          enumList(top, "charts", ChartKind.values(), ChartKind::key));
    } catch (BriefDefinitionException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new BriefDefinitionException(source + ": " + e.getMessage(), e);
    }
  }

  private PeriodSpec period(Object node) {
    if (node == null) {
      throw error("period", "is required, e.g. {grain: week, last: 1}");
    }
    Map<String, Object> p = map(node, "period");
    rejectUnknown(p, PERIOD_KEYS, "period.");
    Grain grain;
    try {
      grain = Grain.fromKey(requiredString(p, "grain", "period.grain"));
    } catch (IllegalArgumentException e) {
      if (e instanceof BriefDefinitionException) {
        throw e;
      }
      throw error("period.grain", "expected 'week' or 'month', got '" + p.get("grain") + "'");
    }
    boolean hasLast = p.containsKey("last");
    boolean hasDates = p.containsKey("from") || p.containsKey("to");
    if (hasLast == hasDates) {
      throw error("period", "give either 'last' (a number of periods) or 'from' and 'to' (dates)");
    }
    if (hasLast) {
      int last = integer(p, "last", 0, "period.last");
      if (last < 1) {
        throw error("period.last", "must be a positive number of periods, got " + last);
      }
      return PeriodSpec.last(grain, last);
    }
    LocalDate from = date(p, "from");
    LocalDate to = date(p, "to");
    if (to.isBefore(from)) {
      throw error("period.to", "(" + to + ") is before period.from (" + from + ")");
    }
    return PeriodSpec.between(grain, from, to);
  }

  private boolean comparison(Map<String, Object> top) {
    String value = optionalString(top, "comparison", "none").strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "previous" -> true;
      case "none" -> false;
      default -> throw error("comparison", "expected 'previous' or 'none', got '" + value + "'");
    };
  }

  private LocalDate date(Map<String, Object> p, String key) {
    String text = requiredString(p, key, "period." + key);
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw error("period." + key, "expected a date like 2025-01-31, got '" + text + "'");
    }
  }

  private <E> List<E> enumList(Map<String, Object> top, String key, E[] values, Function<E, String> keyOf) {
    if (!top.containsKey(key)) {
      return Arrays.asList(values);
    }
    List<E> out = new ArrayList<>();
    for (String item : stringList(top, key)) {
      E found = null;
      for (E v : values) {
        if (keyOf.apply(v).equals(item.strip().toLowerCase(Locale.ROOT))) {
          found = v;
        }
      }
      if (found == null) {
        throw error(key, "unknown entry '" + item + "' (expected any of "
            + Arrays.stream(values).map(keyOf).toList() + ")");
      }
      if (out.contains(found)) {
        throw error(key, "'" + item + "' is listed twice");
      }
      out.add(found);
    }
    return out;
  }

  private List<String> stringList(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw error(key, "expected a list like [a, b], got '" + v + "'");
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s) || s.isBlank()) {
        throw error(key, "expected names, got '" + item + "'");
      }
      out.add(s.strip());
    }
    return out;
  }

  private int integer(Map<String, Object> m, String key, int dflt) {
    return integer(m, key, dflt, key);
  }

  private int integer(Map<String, Object> m, String key, int dflt, String path) {
    Object v = m.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Integer i) {
      return i;
    }
    if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    throw error(path, "expected a whole number, got '" + v + "'");
  }

  private String requiredString(Map<String, Object> m, String key) {
    return requiredString(m, key, key);
  }

  private String requiredString(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v == null || v.toString().isBlank()) {
      throw error(path, "is required");
    }
    if (v instanceof Map || v instanceof List) {
      throw error(path, "expected a single value, got '" + v + "'");
    }
    return v.toString();
  }

  private String optionalString(Map<String, Object> m, String key, String dflt) {
    return m.get(key) == null ? dflt : requiredString(m, key);
  }

  private Map<String, Object> map(Object node, String path) {
    if (node == null) {
      throw error(path, "the file is empty");
    }
    if (!(node instanceof Map<?, ?> raw)) {
      throw error(path, "expected a mapping of keys to values");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    raw.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private void rejectUnknown(Map<String, Object> m, Set<String> known, String prefix) {
    for (String key : m.keySet()) {
      if (!known.contains(key)) {
        throw error(prefix + key, "unknown key (expected any of " + known.stream().sorted().toList() + ")");
      }
    }
  }

  private BriefDefinitionException error(String key, String problem) {
    return new BriefDefinitionException(source + ": " + key + ": " + problem);
  }
}
