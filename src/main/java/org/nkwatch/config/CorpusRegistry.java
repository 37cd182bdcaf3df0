package org.nkwatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Loads the corpus registry ({@code conf/corpora.yaml}) into {@link CorpusSpec}s. The YAML is read with
 * snakeyaml-engine's {@link Load}, which builds only maps, lists and scalars (no arbitrary types), and
 * every key is checked: an unknown key, a wrong value or a duplicate corpus name is an
 * {@link IllegalArgumentException} whose message names the file, the line, the corpus and the key.
 *
 * <p>Relative paths resolve against the data root the caller gives (the CLI takes it from
 * {@code --data-root}, else from the environment variable {@value #DATA_ROOT_ENV}); absolute paths and
 * URIs ({@code hdfs://}, {@code s3a://}, {@code file:}) are kept as written. Globs are kept for the
 * filesystem to expand.
 *
 * <pre>
 * corpora:
 *   - name: kcna-2011-2012               # required: [a-z0-9][a-z0-9_-]*, unique
 *     paths: [kcna-2011-2012/*.csv]      # required: a path or a list of them
 *     format: csv                        # auto (default), text, csv, json, jsonl, html
 *     publisher: KCNA                    # optional
 *     source_type: state_media           # default unknown
 *     language: en                       # optional fallback, ISO 639-1
 *     date_format: yyyy-MM-dd            # optional, java.time pattern tried first
 *     fields: {text: [story], url: [index.link]}   # optional; attributes not given keep their defaults
 * </pre>
 */
public final class CorpusRegistry {
  /** The environment variable that gives the data root when {@code --data-root} is not given. */
  public static final String DATA_ROOT_ENV = "NKWATCH_DATA_ROOT";

  static final List<String> TOP_KEYS = List.of("corpora");
  static final List<String> CORPUS_KEYS =
      List.of("name", "paths", "format", "publisher", "source_type", "language", "date_format", "fields");
  static final List<String> FIELD_KEYS = List.of("text", "title", "date", "url", "byline", "language");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

  private CorpusRegistry() {
  }

  /**
   * @param file     the registry file
   * @param dataRoot the folder or URI relative paths resolve against
   */
  public static List<CorpusSpec> load(Path file, String dataRoot) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), dataRoot);
  }

  /**
   * @param yaml     the registry's text
   * @param source   what to call it in error messages (its path)
   * @param dataRoot the folder or URI relative paths resolve against
   */
  public static List<CorpusSpec> parse(String yaml, String source, String dataRoot) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(dataRoot, "dataRoot");
    if (dataRoot.isBlank()) {
      throw new IllegalArgumentException(source + ": the data root is blank; give --data-root or " + DATA_ROOT_ENV);
    }
    LoadSettings settings = LoadSettings.builder().setLabel(source).build();
    Object document;
    try {
      document = new Load(settings).loadFromString(yaml);
    } catch (MarkedYamlEngineException e) {
      String line = e.getProblemMark().or(e::getContextMark).map(m -> ":" + (m.getLine() + 1)).orElse("");
      throw new IllegalArgumentException(source + line + ": not valid YAML: " + e.getProblem()
          + (e.getContext() == null ? "" : " (" + e.getContext() + ")"), e);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    return new Reader(yaml, source, settings, rootOf(dataRoot)).corpora(document);
  }

  /** {@code path} against {@code root}, unless it is absolute or a URI. */
  static String resolve(String path, String root) {
    if (path.startsWith("/") || path.startsWith("\\") || URI_SCHEME.matcher(path).matches()
        || path.matches("^[A-Za-z]:[\\\\/].*")) {
      return path;
    }
    String relative = path.startsWith("./") ? path.substring(2) : path;
    return root.endsWith("/") ? root + relative : root + "/" + relative;
  }

  private static String rootOf(String dataRoot) {
    String root = dataRoot.strip();
    if (URI_SCHEME.matcher(root).matches() && !root.matches("^[A-Za-z]:[\\\\/].*")) {
      return root;
    }
    return Path.of(root).toAbsolutePath().normalize().toString();
  }

  /** Walks the loaded document; knows where it is, to say so in errors. */
  private static final class Reader {
    private final String yaml;
    private final String source;
    private final LoadSettings settings;
    private final String root;

    Reader(String yaml, String source, LoadSettings settings, String root) {
      this.yaml = yaml;
      this.source = source;
      this.settings = settings;
      this.root = root;
    }

    List<CorpusSpec> corpora(Object document) {
      if (!(document instanceof Map<?, ?> top)) {
        throw error(List.of(), null, "the registry must be a map with a 'corpora' list, found "
            + describe(document));
      }
      checkKeys(top, TOP_KEYS, List.of(), null);
      Object list = top.get("corpora");
      if (!(list instanceof List<?> entries) || entries.isEmpty()) {
        throw error(List.of("corpora"), null, "'corpora' must be a non-empty list, found "
            + (list instanceof List<?> ? "an empty one" : describe(list)));
      }
      List<CorpusSpec> specs = new ArrayList<>(entries.size());
      Set<String> names = new HashSet<>();
      for (int i = 0; i < entries.size(); i++) {
        CorpusSpec spec = corpus(entries.get(i), i);
        if (!names.add(spec.name())) {
          throw error(List.of("corpora", i, "name"), spec.name(), "corpus name '" + spec.name() + "' is used twice");
        }
        specs.add(spec);
      }
      return List.copyOf(specs);
    }

    private CorpusSpec corpus(Object entry, int index) {
      List<Object> at = List.of("corpora", index);
      if (!(entry instanceof Map<?, ?> map)) {
        throw error(at, null, "corpus #" + (index + 1) + " must be a map, found " + describe(entry));
      }
      String label = map.get("name") instanceof String n ? n : "#" + (index + 1);
      checkKeys(map, CORPUS_KEYS, at, label);
      String name = scalar(map, "name", at, label, true);
      List<String> paths = strings(map.get("paths"), path(at, "paths"), label, "paths");
      if (paths == null || paths.isEmpty()) {
        throw error(path(at, "paths"), label, "'paths' is required: a path or a list of paths (relative to the data root)");
      }
      List<String> resolved = new ArrayList<>();
      for (String p : paths) {
        if (p.isBlank()) {
          throw error(path(at, "paths"), label, "'paths' holds a blank path");
        }
        resolved.add(resolve(p.strip(), root));
      }
      String format = orDefault(scalar(map, "format", at, label, false), "auto");
      oneOf(format, CorpusSpec.FORMATS, path(at, "format"), label, "format");
      String sourceType = orDefault(scalar(map, "source_type", at, label, false), "unknown");
      oneOf(sourceType, CorpusSpec.SOURCE_TYPES, path(at, "source_type"), label, "source_type");
      String language = scalar(map, "language", at, label, false);
      if (language != null && !LANGUAGE.matcher(language).matches()) {
        throw error(path(at, "language"), label, "language '" + language
            + "' is not an ISO 639 code (two or three lower-case letters, e.g. en)");
      }
      String dateFormat = scalar(map, "date_format", at, label, false);
      if (dateFormat != null) {
        try {
          DateTimeFormatter.ofPattern(dateFormat);
        } catch (IllegalArgumentException e) {
          throw error(path(at, "date_format"), label, "date_format '" + dateFormat
              + "' is not a java.time pattern: " + e.getMessage());
        }
      }
      FieldMapping fields = fields(map.get("fields"), path(at, "fields"), label);
      // read outside the try below: its own error already names the file, line and corpus
      String publisher = scalar(map, "publisher", at, label, false);
      try {
        return new CorpusSpec(name, resolved, format, fields, dateFormat, publisher, sourceType, language);
      } catch (IllegalArgumentException e) {
        throw error(path(at, "name"), label, e.getMessage());
      }
    }

    private FieldMapping fields(Object value, List<Object> at, String label) {
      if (value == null) {
        return FieldMapping.DEFAULT;
      }
      if (!(value instanceof Map<?, ?> map)) {
        throw error(at, label, "'fields' must be a map of attribute to field names, found " + describe(value));
      }
      checkKeys(map, FIELD_KEYS, at, label);
      FieldMapping d = FieldMapping.DEFAULT;
      return new FieldMapping(
          fieldList(map, "text", d.text(), at, label),
          fieldList(map, "title", d.title(), at, label),
          fieldList(map, "date", d.date(), at, label),
          fieldList(map, "url", d.url(), at, label),
          fieldList(map, "byline", d.byline(), at, label),
          fieldList(map, "language", d.language(), at, label));
    }

    private List<String> fieldList(Map<?, ?> map, String key, List<String> fallback, List<Object> at, String label) {
      if (!map.containsKey(key)) {
        return fallback;
      }
      List<String> names = strings(map.get(key), path(at, key), label, "fields." + key);
      return names == null ? List.of() : names;
    }

    private void checkKeys(Map<?, ?> map, List<String> allowed, List<Object> at, String label) {
      for (Object key : map.keySet()) {
        if (!(key instanceof String k) || !allowed.contains(k)) {
          throw error(path(at, key), label, "unknown key '" + key + "' (expected one of " + allowed + ")");
        }
      }
    }

    private String scalar(Map<?, ?> map, String key, List<Object> at, String label, boolean required) {
      Object value = map.get(key);
      if (value == null) {
        if (required) {
          throw error(at, label, "'" + key + "' is required");
        }
        return null;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        return value.toString();
      }
      throw error(path(at, key), label, "'" + key + "' must be a single value, found " + describe(value));
    }

    private List<String> strings(Object value, List<Object> at, String label, String key) {
      if (value == null) {
        return null;
      }
      if (value instanceof String || value instanceof Number) {
        return List.of(value.toString());
      }
      if (value instanceof List<?> list) {
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          Object item = list.get(i);
          if (!(item instanceof String || item instanceof Number)) {
            throw error(path(at, i), label, "'" + key + "' must list names, item " + (i + 1) + " is " + describe(item));
          }
          out.add(item.toString());
        }
        return out;
      }
      throw error(at, label, "'" + key + "' must be a name or a list of names, found " + describe(value));
    }

    private void oneOf(String value, List<String> allowed, List<Object> at, String label, String key) {
      if (!allowed.contains(value)) {
        throw error(at, label, "unknown " + key + " '" + value + "' (expected one of " + allowed + ")");
      }
    }

    private IllegalArgumentException error(List<Object> at, String corpus, String message) {
      String line = lineOf(at).map(l -> ":" + l).orElse("");
      String who = corpus == null ? "" : "corpus '" + corpus + "': ";
      return new IllegalArgumentException(source + line + ": " + who + message);
    }

    /** The line (from 1) of the key or item at {@code at}, from the YAML's node tree. */
    private Optional<Integer> lineOf(List<Object> at) {
      try {
        Node node = new Compose(settings).composeString(yaml).orElse(null);
        Optional<Mark> mark = node == null ? Optional.empty() : node.getStartMark();
        for (Object step : at) {
          if (node instanceof MappingNode mapping && !(step instanceof Integer)) {
            Node found = null;
            for (NodeTuple tuple : mapping.getValue()) {
              if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(String.valueOf(step))) {
                found = tuple.getValueNode();
                mark = key.getStartMark();
                break;
              }
            }
            node = found;
          } else if (node instanceof SequenceNode sequence && step instanceof Integer i && i < sequence.getValue().size()) {
            node = sequence.getValue().get(i);
            mark = node.getStartMark();
          } else {
            break;
          }
          if (node == null) {
            break;
          }
        }
        return mark.map(m -> m.getLine() + 1);
      } catch (YamlEngineException e) {
        return Optional.empty();
      }
    }

    private static List<Object> path(List<Object> at, Object step) {
      List<Object> p = new ArrayList<>(at);
      p.add(step);
      return p;
    }

    private static String orDefault(String value, String fallback) {
      return value == null ? fallback : value;
    }

    private static String describe(Object value) {
      if (value == null) {
        return "nothing";
      }
      if (value instanceof Map<?, ?>) {
        return "a map";
      }
      if (value instanceof List<?>) {
        return "a list";
      }
      return "'" + value + "'";
    }
  }
}
