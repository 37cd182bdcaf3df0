package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.cli.Main;
import org.nkwatch.testing.Duck;
import org.nkwatch.testing.RealData;

/** {@code ./nkwatch run --input ../shared/data/seeds}: the two articles the project was created from. */
class SeedsRunIT {
  private static Path out;

  @BeforeAll
  static void run() throws Exception {
    assumeTrue(RealData.root().isPresent(), RealData.missingMessage());
    out = Path.of("target", "it", "seeds-run").toAbsolutePath();
    SampleRunIT.deleteTree(out);
    int code = Main.run(System.out, System.err, "run", "--input", RealData.root().get().resolve("seeds").toString(),
        "--output", out.toString(), "--master", "local[2]", "--conf", "spark.ui.enabled=false");
    assertThat(code).isZero();
  }

  @Test
  void findsThePeopleOrganizationsAndPlacesOfTheSeeds() throws Exception {
    try (Duck duck = new Duck(out)) {
      List<String> keys = duck.strings("SELECT DISTINCT key FROM " + duck.table("mentions")
          + " WHERE kind IN ('PERSON', 'ORGANIZATION', 'PLACE')");
      assertThat(keys).contains("kim-jong-un", "xi-jinping", "vladimir-putin", "cai-qi", "wang-yi", "peng-liyuan",
          "pad", "ogd", "mid", "second-economic-committee", "missile-general-bureau", "mfa", "kctv", "kcna",
          "pyongyang", "china", "beijing");
    }
  }

  @Test
  void findsTheSanctionTypesAndTheForeignMinistryEvent() throws Exception {
    try (Duck duck = new Duck(out)) {
      assertThat(duck.strings("SELECT DISTINCT key FROM " + duck.table("mentions")
          + " WHERE kind = 'SANCTION' AND polarity = 'affirmed'"))
          .contains("dismissal", "suspension", "revolutionization", "reprimand", "investigation");
      List<List<Object>> event = duck.rows("SELECT target_key, level, number_of_people, reason FROM "
          + duck.table("sanction_events") + " WHERE sanction_type = 'dismissal' AND target_key = 'mfa'");
      assertThat(event).hasSize(1);
      assertThat(event.get(0).get(1)).isEqualTo("deputy-director-level");
      assertThat(((Number) event.get(0).get(2)).longValue()).isEqualTo(3L);
      assertThat(String.valueOf(event.get(0).get(3))).contains("protocol failures");
      // the Yonhap seed names international sanctions only as background: no event
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("sanction_events") + " WHERE corpus = 'seeds' "
          + "AND doc_id IN (SELECT doc_id FROM " + duck.table("articles") + " WHERE published = DATE '2022-03-29')"))
          .isZero();
    }
  }

  /** Who is being punished how (README, counts): the ORGANIZATION_BY_SANCTION cross-tab of the Daily NK seed. */
  @Test
  void countsCrossTabulateOrganizationsBySanctionType() throws Exception {
    try (Duck duck = new Duck(out)) {
      String counts = duck.table("counts");
      // the Daily NK seed is undated: its rows are in the grain 'all' only
      List<List<Object>> mfa = duck.rows("SELECT name, mentions, documents FROM " + counts
          + " WHERE grain = 'all' AND kind = 'ORGANIZATION_BY_SANCTION' AND key = 'mfa|dismissal'");
      assertThat(mfa).hasSize(1);
      assertThat(mfa.get(0).get(0)).isEqualTo("Ministry of Foreign Affairs | Dismissal");
      assertThat(((Number) mfa.get(0).get(1)).longValue()).isEqualTo(1L);
      assertThat(((Number) mfa.get(0).get(2)).longValue()).isEqualTo(1L);
      // every row is an organization and a sanction type, and adds up to the events that define it
      assertThat(duck.count("SELECT count(*) FROM " + counts + " WHERE kind = 'ORGANIZATION_BY_SANCTION'"))
          .isPositive();
      String events = "SELECT corpus, target_key || '|' || sanction_type AS key, count(*) AS n, "
          + "count(DISTINCT doc_id) AS d FROM " + duck.table("sanction_events") + " WHERE target_kind = 'ORGANIZATION' "
          + "AND coalesce(polarity, 'affirmed') = 'affirmed' "
          + "AND coalesce(certainty, '') NOT IN ('denied', 'contradicted') GROUP BY 1, 2";
      String tab = "SELECT corpus, key, mentions AS n, documents AS d FROM " + counts
          + " WHERE grain = 'all' AND kind = 'ORGANIZATION_BY_SANCTION'";
      assertThat(duck.count("SELECT count(*) FROM (" + events + ") e FULL JOIN (" + tab + ") t USING (corpus, key) "
          + "WHERE e.n IS DISTINCT FROM t.n OR e.d IS DISTINCT FROM t.d")).isZero();
      assertThat(duck.strings("SELECT DISTINCT grain FROM " + counts + " WHERE kind = 'ORGANIZATION_BY_SANCTION'"))
          .containsExactly("all");
    }
  }

  @Test
  void theYonhapSeedIsAboutPropagandaAndTheAntiSocialistCrackdownWithNoSanctionType() throws Exception {
    try (Duck duck = new Duck(out)) {
      String yonhap = "doc_id IN (SELECT doc_id FROM " + duck.table("articles") + " WHERE published = DATE '2022-03-29')";
      assertThat(duck.strings("SELECT DISTINCT key FROM " + duck.table("mentions") + " WHERE kind = 'THEME' AND "
          + yonhap)).contains("propaganda_ideology", "anti_socialist_crackdown");
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("mentions") + " WHERE kind = 'SANCTION' "
          + "AND polarity = 'affirmed' AND " + yonhap)).isZero();
    }
  }

  /**
   * The Daily NK seed has no date: the brief's period is the Yonhap seed's, its figures count that article alone,
   * and the undated one's events and sentences are listed and cited after it, marked undated.
   */
  @Test
  void theBriefCountsTheDatedArticleAndCitesBoth() throws Exception {
    Path pdf;
    try (Stream<Path> files = Files.list(out.resolve("briefs"))) {
      pdf = files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
    }
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).contains("2022-03-29 · Yonhap", "Daily NK", "undated");
      assertThat(text).as("the articles key figure").containsPattern("\\b1 articles\\b")
          .contains("1 article of these corpora has no date, so it is counted in no period's figures or charts")
          .containsPattern("; the last (is from an undated article|\\d+ are from undated articles), not counted")
          .as("findings are the period's: no event of the undated article").doesNotContain("with the most events");
    }
  }
}
