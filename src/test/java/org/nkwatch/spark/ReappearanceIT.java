package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.testing.CliRun;
import org.nkwatch.testing.Duck;

/**
 * Cross-document certainty in local[2]: a reported execution whose target attends a ceremony in a later
 * article of the run becomes {@code contradicted}; a reported arrest whose target is named later only in a
 * sentence about the arrest stays {@code reported}. The three articles were written for this test.
 */
class ReappearanceIT {
  private static Path out;

  private static final String CORPUS = String.join("\n",
      "id,title,date,text",
      "r1,Vice premier reported executed,2024-03-01,\"Sources in Pyongyang said Kim Tok Hun was executed by firing "
          + "squad in February for corruption.\"",
      "r2,Artillery commander held,2024-03-05,\"Pak Jong Chon was arrested last week, a source said.\"",
      "r3,Greenhouse farm opened,2024-05-10,\"Kim Tok Hun attended the opening ceremony of a greenhouse farm on "
          + "Thursday. Reports in March said Pak Jong Chon had been arrested.\"",
      "");

  @BeforeAll
  static void annotateTheCorpus() throws Exception {
    Path root = Path.of("target", "it", "reappearance").toAbsolutePath();
    SampleRunIT.deleteTree(root);
    Path input = root.resolve("reports");
    Files.createDirectories(input);
    Files.writeString(input.resolve("articles.csv"), CORPUS, StandardCharsets.UTF_8);
    out = root.resolve("out");
    for (String step : new String[] {"ingest", "annotate"}) {
      CliRun.Result result = step.equals("ingest")
          ? CliRun.run("ingest", "--input", input.toString(), "--output", out.toString(), "--master", "local[2]",
              "--conf", "spark.ui.enabled=false")
          : CliRun.run("annotate", "--output", out.toString(), "--master", "local[2]", "--conf",
              "spark.ui.enabled=false");
      assertThat(result.code()).as("%s; log:%n%s", step, result.log()).isZero();
    }
  }

  @Test
  void aReportedExecutionIsContradictedByTheLaterAppearance() throws Exception {
    try (Duck duck = new Duck(out)) {
      assertThat(duck.strings("SELECT certainty FROM " + duck.table("sanction_events")
          + " WHERE sanction_type = 'execution' AND target_key = 'kim-tok-hun'")).containsExactly("contradicted");
      assertThat(duck.strings("SELECT DISTINCT certainty FROM " + duck.table("mentions")
          + " WHERE kind = 'SANCTION' AND key = 'execution'")).containsExactly("contradicted");
    }
  }

  @Test
  void aLaterMentionAboutThePunishmentItselfContradictsNothing() throws Exception {
    try (Duck duck = new Duck(out)) {
      assertThat(duck.strings("SELECT DISTINCT certainty FROM " + duck.table("sanction_events")
          + " WHERE sanction_type = 'arrest' AND target_key = 'pak-jong-chon'")).containsExactly("reported");
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("mentions") + " WHERE kind = 'PERSON'"))
          .isEqualTo(4);
    }
  }
}
