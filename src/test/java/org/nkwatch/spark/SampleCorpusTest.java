package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nkwatch.config.CorpusSpec;

/** The packaged sample, as {@code ./nkwatch run} with no input finds it. */
class SampleCorpusTest {
  /**
   * Two runs find the sample in the same folder, its files as the first left them: an incremental run on the
   * sample then reads nothing it read before, and no run leaves a folder of its own behind.
   */
  @Test
  void theSampleIsExtractedOnceAndFoundAgain() throws Exception {
    List<CorpusSpec> first = SampleCorpus.extracted();
    Path dir = Path.of(java.net.URI.create(first.get(0).paths().get(0))).getParent();
    assertThat(dir.getFileName().toString()).isEqualTo("nkwatch-sample-" + SampleCorpus.contentsDigest());
    Path story = dir.resolve("defector-reports/01-flood-officials-punished.txt");
    FileTime modified = Files.getLastModifiedTime(story);
    long folders = sampleFolders();

    List<CorpusSpec> second = SampleCorpus.extracted();
    assertThat(second).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(story)).isEqualTo(modified);
    assertThat(sampleFolders()).as("no new folder").isEqualTo(folders);
    for (CorpusSpec corpus : second) {
      assertThat(Path.of(java.net.URI.create(corpus.paths().get(0)))).isDirectory();
    }
  }

  private static long sampleFolders() throws Exception {
    try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return tmp.filter(p -> p.getFileName().toString().startsWith("nkwatch-sample")).count();
    }
  }
}
