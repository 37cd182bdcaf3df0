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
    return List.of(
        new CorpusSpec("state-media", List.of(dir.resolve("state-media").toUri().toString()), "jsonl",
            FieldMapping.DEFAULT, "yyyy-MM-dd", "KCNA (sample)", "state_media", "en"),
        new CorpusSpec("defector-reports", List.of(dir.resolve("defector-reports").toUri().toString()), "text",
            FieldMapping.DEFAULT, null, "Defector network (sample)", "defector_network", "en"),
        new CorpusSpec("wire", List.of(dir.resolve("wire").toUri().toString()), "csv",
            FieldMapping.DEFAULT, "yyyy-MM-dd", "Wire service (sample)", "wire_or_newspaper", "en"));
  }

  private static void copyResources(Path dir) {
    URL root = SampleCorpus.class.getResource(RESOURCE);
    if (root == null) {
      throw new IllegalStateException("the sample corpus is missing from the jar");
    }
    try {
      URI uri = root.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(jar.getPath(RESOURCE), dir);
        }
      } else {
        copyTree(Path.of(uri), dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the sample corpus to " + dir, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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
