package org.nkwatch.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.config.FieldMapping;

/**
 * The sample corpus packaged in the jar (written by the team; see src/main/resources/sample/FACTS.md):
 * three corpora in three formats. {@code ./nkwatch run} with no input runs on it.
 */
public final class SampleCorpus {
  static final String RESOURCE = "/sample";

  private SampleCorpus() {
  }

  /** Copies the sample to {@code dir} (it must be readable by Spark as plain files) and describes it. */
  public static List<CorpusSpec> extractTo(Path dir) {
    copyResources(dir);
    return specs(dir);
  }

  /**
   * The sample, extracted once per user and build's sample into a folder of the temporary directory named after
   * both, and found there by later runs: its files keep their paths and modification times from run to run, so an
   * incremental run on the sample reads nothing it read before (a fresh copy per run would be all new files each
   * time, and leave a folder behind). A folder of that name that another user owns is not trusted: the run then
   * reads a copy of its own.
   */
  public static List<CorpusSpec> extracted() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
    Path dir = tmp.resolve("nkwatch-sample-" + user + "-" + contentsDigest());
    try {
      if (Files.exists(dir.resolve(COMPLETE))) {
        return specs(ownedByMe(dir) ? dir : privateCopy(tmp));
      }
      // extracted beside it, then renamed in whole: a run never finds a half-copied sample
      Path partial = Files.createTempDirectory(tmp, dir.getFileName() + ".partial-");
      try {
        copyResources(partial);
        Files.createFile(partial.resolve(COMPLETE));
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.exists(dir.resolve(COMPLETE))) {  // else another run extracted it first
          throw e;
        }
      } finally {
        if (Files.exists(partial)) {
          deleteTree(partial);
        }
      }
      return specs(ownedByMe(dir) ? dir : privateCopy(tmp));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the sample corpus to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean ownedByMe(Path dir) throws IOException {
    return Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
  }

  private static Path privateCopy(Path tmp) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "nkwatch-sample-");
    copyResources(dir);
    return dir;
  }

  /** Written last into an extracted sample's folder. */
  private static final String COMPLETE = ".complete";

  private static List<CorpusSpec> specs(Path dir) {
    return List.of(
        new CorpusSpec("state-media", List.of(dir.resolve("state-media").toUri().toString()), "jsonl",
            FieldMapping.DEFAULT, "yyyy-MM-dd", "KCNA (sample)", "state_media", "en"),
        new CorpusSpec("defector-reports", List.of(dir.resolve("defector-reports").toUri().toString()), "text",
            FieldMapping.DEFAULT, null, "Defector network (sample)", "defector_network", "en"),
        new CorpusSpec("wire", List.of(dir.resolve("wire").toUri().toString()), "csv",
            FieldMapping.DEFAULT, "yyyy-MM-dd", "Wire service (sample)", "wire_or_newspaper", "en"));
  }

  /** A short digest of the packaged sample's file names and contents. */
  static String contentsDigest() {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      withResources(from -> {
        try (Stream<Path> files = Files.walk(from)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            sha.update(from.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(file));
          }
        }
      });
      return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private interface OnResources {
    void accept(Path root) throws IOException;
  }

  /** Runs {@code action} on the packaged sample's folder, in the jar or on the classpath's folder. */
  private static void withResources(OnResources action) {
    URL root = SampleCorpus.class.getResource(RESOURCE);
    if (root == null) {
      throw new IllegalStateException("the sample corpus is missing from the jar");
    }
    try {
      URI uri = root.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          action.accept(jar.getPath(RESOURCE));
        }
      } else {
        action.accept(Path.of(uri));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged sample corpus: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyResources(Path dir) {
    withResources(from -> copyTree(from, dir));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isDirectory(file) || file.getFileName().toString().endsWith(".md")) {
          continue;
        }
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        try (InputStream in = Files.newInputStream(file)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
