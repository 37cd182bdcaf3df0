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
    assertThat(dir.getFileName().toString()).isEqualTo("nkwatch-sample-" + System.getProperty("user.name") + "-"
        + SampleCorpus.contentsDigest());
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

  /** Runs that start together, before any has extracted the sample, all find it, and leave no partial copy. */
  @Test
  void runsStartingTogetherAllFindTheSample(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    String before = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
    try {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<List<CorpusSpec>>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return SampleCorpus.extracted();
        }));
      }
      start.countDown();
      List<CorpusSpec> first = runs.get(0).get();
      for (var run : runs) {
        assertThat(run.get()).isEqualTo(first);
      }
      pool.shutdown();
      try (Stream<Path> left = Files.list(tmp)) {
        assertThat(left.map(p -> p.getFileName().toString())).singleElement().asString()
            .startsWith("nkwatch-sample-").doesNotContain("partial");
      }
    } finally {
      System.setProperty("java.io.tmpdir", before);
    }
  }

  private static long sampleFolders() throws Exception {
    try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return tmp.filter(p -> p.getFileName().toString().startsWith("nkwatch-sample")).count();
    }
  }
}
