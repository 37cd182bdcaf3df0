package org.nkwatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The text of every configuration file the annotator needs (gazetteers, taxonomies), read once on the
 * driver and shipped with the job: executors never read a driver-local path.
 *
 * <p>Files come from a conf directory the user names (a local folder, or any URI through a reader the
 * caller supplies) and otherwise from the copy of {@code conf/} packaged in the jar.
 */
public final class ConfigBundle implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String PEOPLE = "gazetteer/people.tsv";
  public static final String ORGANIZATIONS = "gazetteer/organizations.tsv";
  public static final String PLACES = "gazetteer/places.tsv";
  public static final String SURNAMES = "gazetteer/korean-surnames.tsv";
  public static final String GIVEN_SYLLABLES = "gazetteer/korean-given-syllables.txt";
  public static final String THEMES = "taxonomy/themes.yaml";
  public static final String SANCTIONS = "taxonomy/sanctions.yaml";
  public static final List<String> FILES =
      List.of(PEOPLE, ORGANIZATIONS, PLACES, SURNAMES, GIVEN_SYLLABLES, THEMES, SANCTIONS);

  private static final String PACKAGED_PREFIX = "/nkwatch/conf/";

  private final TreeMap<String, String> files;
  private final String fingerprint;

  private ConfigBundle(Map<String, String> files) {
    this.files = new TreeMap<>(files);
    this.fingerprint = sha256(this.files);
  }

  /** The configuration packaged in the jar. */
  public static ConfigBundle packaged() {
    return load(name -> Optional.empty());
  }

  /** Files from a local conf folder, falling back to the packaged copy for files the folder lacks. */
  public static ConfigBundle fromDirectory(Path confDir) {
    if (!Files.isDirectory(confDir)) {
      throw new ConfigException("conf directory '" + confDir + "' does not exist");
    }
    return load(name -> {
      Path file = confDir.resolve(name);
      try {
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
      } catch (IOException e) {
        throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
      }
    });
  }

  /** Files through {@code reader} (which may read any URI), falling back to the packaged copy. */
  public static ConfigBundle load(Function<String, Optional<String>> reader) {
    Map<String, String> files = new TreeMap<>();
    for (String name : FILES) {
      String text = reader.apply(name).orElseGet(() -> readPackaged(name));
      files.put(name, text);
    }
    return new ConfigBundle(files);
  }

  /** A bundle from given texts, for tests and tools; missing files fall back to the packaged copy. */
  public static ConfigBundle of(Map<String, String> overrides) {
    return load(name -> Optional.ofNullable(overrides.get(name)));
  }

  public String text(String name) {
    String text = files.get(name);
    if (text == null) {
      throw new IllegalArgumentException("no config file " + name + " (known: " + FILES + ")");
    }
    return text;
  }

  /** Identifies the exact configuration: executors cache what they build from it under this key. */
  public String fingerprint() {
    return fingerprint;
  }

  private static String readPackaged(String name) {
    try (InputStream in = ConfigBundle.class.getResourceAsStream(PACKAGED_PREFIX + name)) {
      if (in == null) {
        throw new ConfigException("packaged config " + PACKAGED_PREFIX + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read packaged config " + name + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(Map<String, String> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : files.entrySet()) {
        digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(e.getValue().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
