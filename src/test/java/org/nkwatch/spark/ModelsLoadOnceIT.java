package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nkwatch.nlp.NlpModels;
import org.nkwatch.testing.CliRun;
import org.nkwatch.testing.Duck;

/**
 * Models and annotation resources are loaded once per JVM, not per task or per run: annotate runs here as
 * several tasks, twice, in local[2] (driver and executors in this JVM), and the OpenNLP models and the
 * gazetteer and taxonomy are each built at most once, while every task makes its own annotator.
 * The articles were written for this test, spread over six years so that the articles table has six files,
 * which annotate reads as six tasks.
 */
class ModelsLoadOnceIT {
  private static final int YEARS = 6;

  @Test
  void manyTasksAndTwoRunsLoadEachModelOnce() throws Exception {
    List<String> lines = new ArrayList<>(List.of("id,title,date,text"));
    for (int y = 0; y < YEARS; y++) {
      int year = 2019 + y;
      lines.add("a" + y + ",Farm visit," + year + "-05-0" + (y + 1) + ",\"Kim Jong Un visited a farm in South "
          + "Hamgyong Province in " + year + ", the Korean Central News Agency said.\"");
      lines.add("b" + y + ",Official dismissed," + year + "-09-1" + y + ",\"Sources in Pyongyang said Pak Pong Ju "
          + "was dismissed from his post in " + year + " after an inspection of the Cabinet.\"");
    }
    long resourcesBefore = AnnotatorCache.resourcesBuilt();
    long annotatorsBefore = AnnotatorCache.annotatorsMade();
    Path out = IngestedCsv.ingest("models-load-once", String.join("\n", lines) + "\n");
    for (int run = 1; run <= 2; run++) {
      // six cores' worth of parallelism, so that the six small files are read as six tasks, not packed in two
      CliRun.Result annotate = CliRun.run("annotate", "--output", out.toString(), "--master", "local[2]",
          "--conf", "spark.default.parallelism=" + YEARS);
      assertThat(annotate.code()).as(annotate.log()).isZero();
      assertThat(annotate.log()).contains("annotate " + 2 * YEARS + " articles");
    }
    try (Duck duck = new Duck(out)) {
      assertThat(duck.count("SELECT count(DISTINCT doc_id) FROM " + duck.table("mentions"))).isEqualTo(2 * YEARS);
    }

    // every task made an annotator of its own: six tasks per run (and one check on the driver per run) ...
    assertThat(AnnotatorCache.annotatorsMade() - annotatorsBefore).isGreaterThanOrEqualTo(2 * YEARS);
    // ... over gazetteer and taxonomy built once for the packaged configuration (none if an earlier test
    // in this JVM built them already)
    assertThat(AnnotatorCache.resourcesBuilt() - resourcesBefore).isLessThanOrEqualTo(1);
    // each OpenNLP model read from the classpath once in this JVM's life, whatever ran before
    assertThat(NlpModels.loads()).isNotEmpty().allSatisfy((model, times) -> assertThat(times).as(model).isOne());
  }
}
