package org.nkwatch.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code manifest.json} in the briefs folder: every brief rendered there, with its period, its SHA-256 and
 * its chart files, sorted by file name. Rendering a brief again replaces its entry and keeps the others.
 */
public final class BriefManifest {
  public static final String FILE_NAME = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** One chart file of a brief. */
  public record Chart(String chart, String file, String sha256) {
  }

  /**
   * One brief. Dates are ISO strings; {@code periodStart}/{@code periodEnd} are null for an undated brief.
   */
  public record Entry(String name, String title, String file, String periodStart, String periodEnd, String grain,
      String runId, String dataAsOf, String renderedAt, String sha256, long bytes, List<Chart> charts) {
  }

  /** The whole file. */
  public record Manifest(int version, List<Entry> briefs) {
  }

  private BriefManifest() {
  }

  /** Adds (or replaces) the entry for this brief in {@code dir/manifest.json}, atomically. */
  public static Path record(Path dir, Entry entry) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    List<Entry> briefs = new ArrayList<>();
    for (Entry e : read(dir).briefs()) {
      if (!e.file().equals(entry.file())) {
        briefs.add(e);
      }
    }
    briefs.add(entry);
    briefs.sort(Comparator.comparing(Entry::file));
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    byte[] bytes = (JSON.writer(pretty).writeValueAsString(new Manifest(1, briefs)) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    Path tmp = dir.resolve(FILE_NAME + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** The manifest in {@code dir}; empty when there is none yet. A broken one is an error naming the file. */
  public static Manifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return new Manifest(1, List.of());
    }
    try (InputStream in = Files.newInputStream(file)) {
      Manifest m = JSON.readValue(in, Manifest.class);
      return new Manifest(m.version(), m.briefs() == null ? List.of() : m.briefs());
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not a valid brief manifest (" + e.getOriginalMessage()
          + "); move it away to start a new one", e);
    }
  }

  public static String sha256(Path file) throws IOException {
    return sha256(Files.readAllBytes(file));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
