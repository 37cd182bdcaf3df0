package org.nkwatch.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One corpus: where its files are and how to read them.
 *
 * @param name       corpus name, used as the {@code corpus} partition value (lowercase, [a-z0-9_-])
 * @param paths      files, folders or globs; any Hadoop filesystem URI (file:, hdfs:, s3a:) or a path
 * @param format     {@code auto}, {@code text}, {@code csv}, {@code json}, {@code jsonl} or {@code html}
 * @param fields     field mapping for structured formats
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern tried before the built-in ones, or null
 * @param publisher  who published the articles (KCNA, Yonhap, Daily NK), or null when unknown
 * @param sourceType one of {@link #SOURCE_TYPES}
 * @param language   the language to assume when detection is not confident, or null
 */
public record CorpusSpec(
    String name,
    List<String> paths,
    String format,
    FieldMapping fields,
    String dateFormat,
    String publisher,
    String sourceType,
    String language) implements Serializable {

  public static final List<String> FORMATS = List.of("auto", "text", "csv", "json", "jsonl", "html");
  public static final List<String> SOURCE_TYPES =
      List.of("state_media", "defector_network", "wire_or_newspaper", "government", "unknown");

  public CorpusSpec {
    Objects.requireNonNull(name, "name");
    paths = List.copyOf(paths);
    if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new IllegalArgumentException("corpus name '" + name + "' must be lowercase letters, digits, '-' or '_'");
    }
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException("corpus '" + name + "': unknown format '" + format + "' (expected one of " + FORMATS + ")");
    }
    if (!SOURCE_TYPES.contains(sourceType)) {
      throw new IllegalArgumentException("corpus '" + name + "': unknown source_type '" + sourceType + "' (expected one of " + SOURCE_TYPES + ")");
    }
    fields = fields == null ? FieldMapping.DEFAULT : fields;
  }

  /**
   * How this corpus's files are read, as a short digest of everything but the paths (they say which files, not
   * how): its name, format, fields, date format, publisher, source type and language. The run ledger keeps it per
   * file, so that an incremental run reads again the files of a corpus whose registry entry was edited, rather
   * than keep rows read the old way.
   */
  public String reading() {
    // spelt out rather than a record's toString, whose form Java does not promise from one release to the next
    List<String> lines = new java.util.ArrayList<>(List.of("name " + name, "format " + format, "date_format " + dateFormat,
        "publisher " + publisher, "source_type " + sourceType, "language " + language));
    Map.of("text", fields.text(), "title", fields.title(), "date", fields.date(), "url", fields.url(),
        "byline", fields.byline(), "language", fields.language())
        .forEach((field, names) -> lines.add("fields." + field + " " + String.join("\u001f", names)));
    java.util.Collections.sort(lines);
    String how = String.join("\n", lines);
    try {
      byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
          .digest(how.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(sha, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A corpus given on the command line: a file or folder, everything else recognised from the files. */
  public static CorpusSpec adHoc(String name, String path) {
    return adHoc(name, List.of(path));
  }

  /** A corpus of several files or folders given on the command line. */
  public static CorpusSpec adHoc(String name, List<String> paths) {
    return new CorpusSpec(name, paths, "auto", FieldMapping.DEFAULT, null, null, "unknown", null);
  }
}
