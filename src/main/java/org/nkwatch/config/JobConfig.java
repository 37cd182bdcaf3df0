package org.nkwatch.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One level of a job's settings: what the command line, a job file ({@code --job FILE}) or the packaged
 * {@code conf/job.yaml} says. A field that level does not set is null (a map: empty), and
 * {@link JobSettings#resolve} takes it from the level below; an empty list is set (a job file's
 * {@code briefs: []} renders no brief). The keys of a job file are the long option
 * names of the command line ({@link #KEYS}); paths in it resolve as on the command line.
 *
 * @param source  "command line", or the file's path or URI (for messages)
 * @param lines   the line of each key in the file (empty for the command line)
 */
public record JobConfig(
    String source,
    Map<String, Integer> lines,
    String registry,
    String dataRoot,
    List<String> corpora,
    List<String> inputs,
    String output,
    List<String> briefs,
    String period,
    String since,
    String until,
    Boolean incremental,
    Map<String, String> sparkConf,
    String confDir,
    String reportsDir) {

  public static final String COMMAND_LINE = "command line";

  /** Every key a job file may hold, each a long option of the command line. */
  public static final List<String> KEYS = List.of("registry", "data-root", "corpora", "inputs", "output", "briefs",
      "period", "since", "until", "incremental", "spark-conf", "conf-dir", "reports-dir");

  public JobConfig {
    lines = Map.copyOf(lines);
    corpora = corpora == null ? null : List.copyOf(corpora);
    inputs = inputs == null ? null : List.copyOf(inputs);
    briefs = briefs == null ? null : List.copyOf(briefs);
    if (briefs != null) {
      // a brief named twice would be rendered twice into the same files: surely a slip, so it is named
      java.util.Set<String> named = new java.util.HashSet<>();
      for (String brief : briefs) {
        if (!named.add(brief)) {
          String option = source.equals(COMMAND_LINE) ? "--brief" : where(source, lines, "briefs");
          throw new ConfigException(option + " names '" + brief + "' twice: list each brief once");
        }
      }
    }
    sparkConf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sparkConf));
  }

  /** A level that sets nothing. */
  public static JobConfig empty(String source) {
    return new JobConfig(source, Map.of(), null, null, null, null, null, null, null, null, null, null, Map.of(), null, null);
  }

  /** The lowest level: {@code conf/job.yaml} as packaged in the jar. */
  public static JobConfig packagedDefaults() {
    String name = "packaged conf/job.yaml";
    try (java.io.InputStream in = JobConfig.class.getResourceAsStream("/nkwatch/conf/job.yaml")) {
      if (in == null) {
        throw new ConfigException(name + " is missing from the jar");
      }
      return parse(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + name, e);
    }
  }

  /** How a message names a key of this level: {@code --period} on the command line, {@code job.yaml:4: period} in a file. */
  public String where(String key) {
    return where(source, lines, key);
  }

  private static String where(String source, Map<String, Integer> lines, String key) {
    if (source.equals(COMMAND_LINE)) {
      return "--" + key;
    }
    Integer line = lines.get(key);
    return source + (line == null ? "" : ":" + line) + ": " + key;
  }

  /**
   * Parses a job file. Only the {@link #KEYS} are accepted: a misspelt key would otherwise be silently
   * ignored and a night's run would do something else than the file says.
   *
   * @param file what to call the file in messages (its path or URI)
   */
  public static JobConfig parse(String file, String text) {
    Map<String, Integer> lines = keyLines(file, text);
    Map<String, Object> map = YamlFiles.parseMap(file, text);
    for (String key : map.keySet()) {
      if (!KEYS.contains(key)) {
        throw new ConfigException(file + ":" + lines.get(key) + ": unknown key '" + key + "' (expected one of " + KEYS
            + ")");
      }
    }
    return new JobConfig(file, lines,
        YamlFiles.string(file, map, "registry", null),
        YamlFiles.string(file, map, "data-root", null),
        list(file, map, "corpora"),
        list(file, map, "inputs"),
        YamlFiles.string(file, map, "output", null),
        list(file, map, "briefs"),
        YamlFiles.string(file, map, "period", null),
        YamlFiles.string(file, map, "since", null),
        YamlFiles.string(file, map, "until", null),
        bool(file, lines, map, "incremental"),
        sparkConf(file, lines, map),
        YamlFiles.string(file, map, "conf-dir", null),
        YamlFiles.string(file, map, "reports-dir", null));
  }

  /** A list the file sets (possibly empty), or null when the key is absent. */
  private static List<String> list(String file, Map<String, Object> map, String key) {
    return map.containsKey(key) ? YamlFiles.strings(file, map, key) : null;
  }

  private static Boolean bool(String file, Map<String, Integer> lines, Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw new ConfigException(file + ":" + lines.get(key) + ": '" + key + "' must be true or false, got '" + value + "'");
  }

  private static Map<String, String> sparkConf(String file, Map<String, Integer> lines, Map<String, Object> map) {
    Object value = map.get("spark-conf");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> settings)) {
      throw new ConfigException(file + ":" + lines.get("spark-conf")
          + ": 'spark-conf' must be a mapping of Spark settings (spark.sql.shuffle.partitions: 8), got '" + value + "'");
    }
    Map<String, String> conf = new TreeMap<>();
    settings.forEach((k, v) -> {
      if (v instanceof Map || v instanceof List || v == null) {
        throw new ConfigException(file + ":" + lines.get("spark-conf") + ": spark-conf '" + k + "' must be a single value, got " + v);
      }
      conf.put(String.valueOf(k), String.valueOf(v));
    });
    return conf;
  }

  /** The line (from 1) of each top-level key, from the YAML's node tree (values carry no marks). */
  private static Map<String, Integer> keyLines(String file, String text) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    Node root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text).orElse(null);
    } catch (YamlEngineException e) {
      return lines;   // parseMap reports the syntax error with its line
    }
    if (root instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          lines.put(key.getValue(), key.getStartMark().map(m -> m.getLine() + 1).orElse(0));
        }
      }
    }
    return lines;
  }
}
