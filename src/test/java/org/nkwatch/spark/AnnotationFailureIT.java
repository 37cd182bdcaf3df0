package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nkwatch.testing.CliRun;
import org.nkwatch.testing.Duck;

/**
 * An article the annotator fails on costs the run nothing else: it is counted and named, kept in
 * {@code articles} without mentions, and the other articles are annotated. The failure is injected
 * ({@link AnnotateJob#FAIL_ON_PROPERTY}); the three articles were written for this test.
 */
class AnnotationFailureIT {
  private static final String CORPUS = String.join("\n",
      "id,title,date,text",
      "f1,Farm visit,2024-06-01,\"Kim Jong Un visited a farm in South Hamgyong Province on Monday.\"",
      "f2,Minister dismissed,2024-06-02,\"Sources said Pak Jong Chon was dismissed from his post last week.\"",
      "f3,Port opened,2024-06-03,\"A new port opened in Nampho, the Cabinet said.\"",
      "");

  @Test
  void theFailingArticleIsCountedAndNamedAndTheOthersAreAnnotated() throws Exception {
    Path out = IngestedCsv.ingest("annotation-failure", CORPUS);
    CliRun.Result annotate;
    System.setProperty(AnnotateJob.FAIL_ON_PROPERTY, "#row=2");
    try {
      annotate = CliRun.run("annotate", "--output", out.toString(), "--master", "local[2]");
    } finally {
      System.clearProperty(AnnotateJob.FAIL_ON_PROPERTY);
    }
    assertThat(annotate.code()).as(annotate.log()).isZero();
    assertThat(annotate.log()).contains("annotate 3 articles", "annotate: 1 articles could not be annotated",
        "failure injected for a test");
    try (Duck duck = new Duck(out)) {
      String failed = "(SELECT doc_id FROM " + duck.table("articles") + " WHERE locator LIKE '%#row=2')";
      assertThat(duck.count("SELECT count(*) FROM " + failed)).isEqualTo(1);
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("mentions") + " WHERE doc_id IN " + failed)).isZero();
      assertThat(duck.count("SELECT count(DISTINCT doc_id) FROM " + duck.table("mentions"))).isEqualTo(2);
    }
  }
}
