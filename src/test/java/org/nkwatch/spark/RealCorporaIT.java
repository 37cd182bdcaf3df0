package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.testing.CliRun;
import org.nkwatch.testing.Duck;
import org.nkwatch.testing.RealData;

/** Ingest of every real corpus of conf/corpora.yaml through Spark: the account adds up, duplicates are found. */
class RealCorporaIT {
  private static Path out;
  private static String log;

  @BeforeAll
  static void ingest() throws Exception {
    assumeTrue(RealData.root().isPresent(), RealData.missingMessage());
    out = Path.of("target", "it", "real-corpora").toAbsolutePath();
    SampleRunIT.deleteTree(out);
    CliRun.Result result = CliRun.run("ingest", "--registry", "conf/corpora.yaml", "--data-root",
          RealData.root().get().toString(), "--output", out.toString(), "--master", "local[2]",
          "--conf", "spark.ui.enabled=false");
    log = result.log();
    int code = result.code();
    assertThat(code).as("exit code; log:%n%s", log).isZero();
  }

  @Test
  void theAccountAddsUpForEveryCorpus() {
    assertThat(log).doesNotContain("DOES NOT ADD UP");
    assertThat(log).as("the real corpora, 37 MB, are no small input").doesNotContain("small input");
    assertThat(log).contains("kcna-2011-2012: 24776 records read", "kcna-2024: 2111 records read",
        "rodong-2021-2022: 134 records read", "yonhap-seed: 1 records read", "dailynk-seed: 1 records read");
  }

  /**
   * A night's one new article on top of the real corpora is no small input: the run rewrites every table with
   * the 23,000 articles it keeps, and run interpreted its later steps took 30 s instead of 21. The same article
   * alone is one.
   */
  @Test
  void oneNewArticleOnTopOfTheRealCorporaIsNoSmallInput(@TempDir Path dir) throws Exception {
    Path night = dir.resolve("night");
    Files.createDirectories(night);
    Files.writeString(night.resolve("new-day.txt"), "Pyongyang, June 3 -- The premier inspected a fertilizer factory"
        + " in South Hamgyong Province on Tuesday and called for more output before the summer.\n");
    Path kept = dir.resolve("out");
    try (Stream<Path> files = Files.walk(out)) {
      for (Path from : files.toList()) {
        Files.copy(from, kept.resolve(out.relativize(from).toString()));
      }
    }
    for (Path output : List.of(kept, dir.resolve("fresh"))) {
      CliRun.Result result = CliRun.run("ingest", "--incremental", "--input", night.toString(), "--output",
          output.toString(), "--master", "local[2]", "--conf", "spark.ui.enabled=false");
      assertThat(result.code()).as(result.log()).isZero();
      assertThat(result.log()).contains("night: 1 records read = 1 articles");
      if (output.equals(kept)) {
        assertThat(result.log()).contains("incremental: 1 files read").doesNotContain("small input");
      } else {
        assertThat(result.log()).contains("small input");
      }
    }
    long before;
    try (Duck duck = new Duck(out)) {
      before = duck.count("SELECT count(*) FROM " + duck.table("articles"));
    }
    try (Duck duck = new Duck(kept)) {
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("articles"))).isEqualTo(before + 1);
    }
  }

  @Test
  void kcna2024StoriesListedUnderSeveralLinksAreCountedOnce() throws Exception {
    try (Duck duck = new Duck(out)) {
      long articles = duck.count("SELECT count(*) FROM " + duck.table("articles") + " WHERE corpus = 'kcna-2024'");
      long duplicates = duck.count("SELECT count(*) FROM " + duck.table("duplicates") + " WHERE corpus = 'kcna-2024'");
      long noText = duck.count("SELECT count(*) FROM " + duck.table("rejects")
          + " WHERE corpus = 'kcna-2024' AND reason = 'no_text'");
      assertThat(noText).isEqualTo(249);
      assertThat(articles + duplicates).isEqualTo(1862);
      assertThat(articles).isBetween(1040L, 1062L);
      // every duplicate points at an article that exists
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("duplicates") + " d WHERE NOT EXISTS (SELECT 1 FROM "
          + duck.table("articles") + " a WHERE a.doc_id = d.duplicate_of)")).isZero();
    }
  }

  @Test
  void spanishKcnaStoriesAreRecognisedAndKeptApart() throws Exception {
    try (Duck duck = new Duck(out)) {
      long spanish = duck.count("SELECT count(*) FROM " + duck.table("articles")
          + " WHERE corpus = 'kcna-2011-2012' AND language = 'es'");
      assertThat(spanish).isGreaterThan(1500);
    }
  }

  @Test
  void theSeedsKeepTheirMetadata() throws Exception {
    try (Duck duck = new Duck(out)) {
      List<List<Object>> yonhap = duck.rows("SELECT CAST(published AS VARCHAR), byline FROM " + duck.table("articles")
          + " WHERE corpus = 'yonhap-seed'");
      assertThat(yonhap).hasSize(1);
      assertThat(yonhap.get(0).get(0)).isEqualTo("2022-03-29");
      assertThat(String.valueOf(yonhap.get(0).get(1))).contains("Yonhap");
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("articles")
          + " WHERE corpus = 'dailynk-seed' AND published IS NULL")).isEqualTo(1);
    }
  }
}
