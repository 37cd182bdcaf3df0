package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.testing.CliRun;
import org.nkwatch.testing.Duck;

/**
 * The whole job in local[2] on the packaged sample corpus, as {@code ./nkwatch run} runs it; the tables
 * are read back with DuckDB and checked against the facts the sample was written from
 * (src/main/resources/sample/FACTS.md).
 */
class SampleRunIT {
  private static Path out;
  private static String log;

  @BeforeAll
  static void runTheJob() throws Exception {
    out = Path.of("target", "it", "sample-run").toAbsolutePath();
    deleteTree(out);
    QueryNames.SEEN.clear();
    CliRun.Result result = CliRun.run("run", "--output", out.toString(), "--master", "local[2]",
          "--conf", "spark.ui.enabled=false", "--conf", "spark.extraListeners=" + QueryNames.class.getName());
    log = result.log();
    int code = result.code();
    assertThat(code).as("exit code; log:%n%s", log).isZero();
  }

  /** The name of every Spark query the run made, as the Spark UI and an event log show it. */
  public static final class QueryNames extends org.apache.spark.scheduler.SparkListener {
    static final List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onOtherEvent(org.apache.spark.scheduler.SparkListenerEvent event) {
      if (event instanceof org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart start) {
        SEEN.add(start.description());
      }
    }
  }

  @Test
  void everyQueryIsNamedAfterItsStepAndEveryWriteAfterItsTable() {
    assertThat(QueryNames.SEEN).isNotEmpty().allSatisfy(name -> assertThat(name).matches(
        "nkwatch (ingest|annotate|aggregate|report)(: .+)?"));
    assertThat(QueryNames.SEEN).contains("nkwatch ingest: write articles", "nkwatch ingest: write duplicates",
        "nkwatch ingest: write rejects", "nkwatch annotate: write mentions", "nkwatch annotate: write sanction_events",
        "nkwatch aggregate: write counts");
    assertThat(QueryNames.SEEN).anySatisfy(name -> assertThat(name).startsWith("nkwatch ingest: count records read, "));
    // the brief's queries run on a pool of their own threads, and are named there too, after their brief
    assertThat(QueryNames.SEEN).anySatisfy(name -> assertThat(name).matches("nkwatch report: [a-z-]+: top entities"));
  }

  @Test
  void aSmallInputRunsWithoutWholeStageCodeGeneration() {
    assertThat(log).contains("ingest  small input: whole-stage code generation off and expressions interpreted");
  }

  @Test
  void theAccountAddsUpForEveryCorpus() throws Exception {
    assertThat(log).contains("state-media: 11 records read = 11 articles + 0 duplicates + 0 rejects",
        "defector-reports: 11 records read = 11 articles + 0 duplicates + 0 rejects",
        "wire: 10 records read = 10 articles + 0 duplicates + 0 rejects");
    try (Duck duck = new Duck(out)) {
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("articles"))).isEqualTo(32);
      assertThat(duck.count("SELECT count(DISTINCT doc_id) FROM " + duck.table("articles"))).isEqualTo(32);
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("rejects"))).isZero();
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("articles") + " WHERE published IS NULL")).isZero();
      assertThat(duck.strings("SELECT DISTINCT corpus FROM " + duck.table("articles") + " ORDER BY 1"))
          .containsExactly("defector-reports", "state-media", "wire");
      assertThat(duck.count("SELECT count(DISTINCT strftime(published, '%Y-%m')) FROM " + duck.table("articles")))
          .isGreaterThanOrEqualTo(4);
    }
  }

  /** Documents per person, organization and place: the numbers FACTS.md gives. */
  @Test
  void entityDocumentCountsMatchTheFacts() throws Exception {
    try (Duck duck = new Duck(out)) {
      String counts = duck.table("counts");
      String q = "SELECT documents FROM " + counts + " WHERE grain = 'all' AND key = '%s'";
      assertThat(sumDocuments(duck, q, "kim-jong-un")).isEqualTo(23);
      assertThat(sumDocuments(duck, q, "choe-son-hui")).isEqualTo(4);
      assertThat(sumDocuments(duck, q, "vladimir-putin")).isEqualTo(4);
      assertThat(sumDocuments(duck, q, "pak-thae-song")).isEqualTo(3);
      assertThat(sumDocuments(duck, q, "xi-jinping")).isEqualTo(2);
      assertThat(sumDocuments(duck, q, "cai-qi")).isEqualTo(1);
      assertThat(sumDocuments(duck, q, "pyongyang")).isEqualTo(16);
      assertThat(sumDocuments(duck, q, "moscow")).isEqualTo(6);
    }
  }

  private static long sumDocuments(Duck duck, String query, String key) throws Exception {
    return duck.rows(String.format(query, key)).stream().mapToLong(r -> ((Number) r.get(0)).longValue()).sum();
  }

  @Test
  void negatedAndDeniedSanctionsAreNotCounted() throws Exception {
    try (Duck duck = new Duck(out)) {
      // W01: state media "denied reports" of a purge; DR03: "was not dismissed"
      long negated = duck.count("SELECT count(*) FROM " + duck.table("mentions")
          + " WHERE kind = 'SANCTION' AND polarity = 'negated'");
      assertThat(negated).isGreaterThanOrEqualTo(2);
      long dismissalInDr03 = duck.count("SELECT count(*) FROM " + duck.table("mentions") + " m JOIN "
          + duck.table("articles") + " a USING (doc_id) WHERE a.locator LIKE '%03-troop-rumours-crackdown.txt' "
          + "AND m.key = 'dismissal' AND m.polarity = 'affirmed'");
      assertThat(dismissalInDr03).isZero();
    }
  }

  @Test
  void theSanctionEventOfTheKctvStoryHasItsTargetAndTypes() throws Exception {
    try (Duck duck = new Duck(out)) {
      List<String> types = duck.strings("SELECT DISTINCT e.sanction_type FROM " + duck.table("sanction_events")
          + " e JOIN " + duck.table("articles") + " a USING (doc_id) WHERE a.locator LIKE '%02-kctv-editors%' ORDER BY 1");
      assertThat(types).contains("suspension", "revolutionization");
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("sanction_events") + " WHERE evidence IS NULL")).isZero();
    }
  }

  @Test
  void countsHaveEveryGrainAndNoNestedTypes() throws Exception {
    try (Duck duck = new Duck(out)) {
      assertThat(duck.strings("SELECT DISTINCT grain FROM " + duck.table("counts") + " ORDER BY 1"))
          .containsExactly("all", "day", "month", "week");
      List<List<Object>> columns = duck.rows("DESCRIBE SELECT * FROM " + duck.table("counts"));
      assertThat(columns).extracting(r -> r.get(1).toString())
          .allMatch(t -> t.equals("VARCHAR") || t.equals("DATE") || t.equals("BIGINT"));
    }
  }

  /** The sample has no duplicates and no rejects: those tables are one empty file each, with their columns. */
  @Test
  void emptyTablesReadAsZeroRowsWithTheirColumns() throws Exception {
    try (Duck duck = new Duck(out)) {
      for (String table : List.of("duplicates", "rejects")) {
        assertThat(duck.count("SELECT count(*) FROM " + duck.table(table))).as(table).isZero();
        assertThat(duck.rows("DESCRIBE SELECT * FROM " + duck.table(table))).extracting(r -> r.get(0).toString())
            .as(table).contains(TableSchemas.of(table).fieldNames());
      }
    }
  }

  /** A key reads the same in every corpus and period: the name its affirmed mentions carry most often. */
  @Test
  void countsNameEachKeyByItsMostUsedName() throws Exception {
    try (Duck duck = new Duck(out)) {
      String counts = duck.table("counts");
      assertThat(duck.count("SELECT count(*) FROM (SELECT kind, key FROM " + counts
          + " GROUP BY 1, 2 HAVING count(DISTINCT name) > 1)")).isZero();
      String mostUsed = "SELECT kind, key, arg_max(name, struct_pack(n := n, name := name)) AS name FROM "
          + "(SELECT kind, key, name, count(*) AS n FROM " + duck.table("mentions")
          + " WHERE name IS NOT NULL AND coalesce(polarity, 'affirmed') = 'affirmed' GROUP BY 1, 2, 3) GROUP BY 1, 2";
      assertThat(duck.count("SELECT count(*) FROM (SELECT DISTINCT kind, key, name FROM " + counts
          + " WHERE kind IN ('PERSON', 'ORGANIZATION', 'PLACE', 'THEME', 'SANCTION')) c JOIN (" + mostUsed
          + ") m USING (kind, key)")).isPositive();
      assertThat(duck.count("SELECT count(*) FROM (SELECT DISTINCT kind, key, name FROM " + counts
          + " WHERE kind IN ('PERSON', 'ORGANIZATION', 'PLACE', 'THEME', 'SANCTION')) c JOIN (" + mostUsed
          + ") m USING (kind, key) WHERE c.name IS DISTINCT FROM m.name")).isZero();
    }
  }

  /** The cross-tab of counts (README, counts): sanction types by source type. */
  @Test
  void countsCrossTabulateSanctionTypesBySourceType() throws Exception {
    try (Duck duck = new Duck(out)) {
      String counts = duck.table("counts");
      // dismissal in DR01, DR04, DR07 (defector reports), SM07 (state media), W07 (wire)
      assertThat(duck.rows("SELECT key, sum(documents) FROM " + counts + " WHERE grain = 'all' "
          + "AND kind = 'SANCTION_BY_SOURCE_TYPE' AND key LIKE 'dismissal|%' GROUP BY key ORDER BY key"))
          .extracting(r -> r.get(0) + "=" + ((Number) r.get(1)).longValue())
          .containsExactly("dismissal|defector_network=3", "dismissal|state_media=1", "dismissal|wire_or_newspaper=1");
      // each sample corpus has one source type: per sanction type, the cross-tab adds up to the SANCTION rows
      assertThat(duck.count("SELECT count(*) FROM (SELECT split_part(key, '|', 1) AS type, sum(documents) AS d FROM "
          + counts + " WHERE grain = 'all' AND kind = 'SANCTION_BY_SOURCE_TYPE' GROUP BY 1) x FULL JOIN "
          + "(SELECT key AS type, sum(documents) AS d FROM " + counts + " WHERE grain = 'all' AND kind = 'SANCTION' "
          + "GROUP BY 1) s USING (type) WHERE x.d IS DISTINCT FROM s.d")).isZero();
    }
  }

  /** Who is being punished how (README, counts): organizations by sanction type, from the sanction events. */
  @Test
  void countsCrossTabulateOrganizationsBySanctionType() throws Exception {
    try (Duck duck = new Duck(out)) {
      String counts = duck.table("counts");
      String orgBySanction = " WHERE kind = 'ORGANIZATION_BY_SANCTION'";
      // the sample is dated: the cross-tab has every grain, and each row joins an organization and a sanction type
      assertThat(duck.strings("SELECT DISTINCT grain FROM " + counts + orgBySanction + " ORDER BY 1"))
          .containsExactly("all", "day", "month", "week");
      assertThat(duck.count("SELECT count(*) FROM " + counts + orgBySanction
          + " AND (key NOT LIKE '%|%' OR name NOT LIKE '% | %')")).isZero();
      // per corpus and key, the 'all' row counts the events that target the organization, affirmed, neither
      // denied nor contradicted; the months add up to it (every sample article is dated)
      String events = "SELECT corpus, target_key || '|' || sanction_type AS key, count(*) AS n, "
          + "count(DISTINCT doc_id) AS d FROM " + duck.table("sanction_events") + " WHERE target_kind = 'ORGANIZATION' "
          + "AND coalesce(polarity, 'affirmed') = 'affirmed' "
          + "AND coalesce(certainty, '') NOT IN ('denied', 'contradicted') GROUP BY 1, 2";
      assertThat(duck.count("SELECT count(*) FROM (" + events + ")")).isPositive();
      String all = "SELECT corpus, key, mentions AS n, documents AS d FROM " + counts + orgBySanction
          + " AND grain = 'all'";
      assertThat(duck.count("SELECT count(*) FROM (" + events + ") e FULL JOIN (" + all + ") t USING (corpus, key) "
          + "WHERE e.n IS DISTINCT FROM t.n OR e.d IS DISTINCT FROM t.d")).isZero();
      assertThat(duck.count("SELECT count(*) FROM (SELECT corpus, key, sum(mentions) AS n FROM " + counts
          + orgBySanction + " AND grain = 'month' GROUP BY 1, 2) m FULL JOIN (" + all + ") t USING (corpus, key) "
          + "WHERE m.n IS DISTINCT FROM t.n")).isZero();
    }
  }

  @Test
  void theBriefAndItsChartsAreWritten() throws Exception {
    Path briefs = out.resolve("briefs");
    List<Path> pdfs;
    try (Stream<Path> files = Files.list(briefs)) {
      pdfs = files.filter(p -> p.toString().endsWith(".pdf")).toList();
    }
    assertThat(pdfs).hasSize(1);
    try (PDDocument pdf = Loader.loadPDF(pdfs.get(0).toFile())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
      String text = new PDFTextStripper().getText(pdf);
      // the monthly brief covers Jan-Mar 2025, the last three months of the sample
      assertThat(text).contains("Kim Jong Un", "Organization and Guidance Department", "Dismissal", "Reinstatement");
      assertThat(text).contains("defector-reports", "wire", "state-media");
    }
    List<Path> pngs;
    try (Stream<Path> files = Files.list(briefs)) {
      pngs = files.filter(p -> p.toString().endsWith(".png")).toList();
    }
    assertThat(pngs).hasSizeGreaterThanOrEqualTo(3);
    for (Path png : pngs) {
      var image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isGreaterThanOrEqualTo(800);
      assertThat(image.getHeight()).isGreaterThanOrEqualTo(400);
    }
    assertThat(out.resolve("briefs").resolve("manifest.json")).exists();
  }

  @Test
  void theRunManifestIsWrittenAndTheLockReleased() throws Exception {
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      assertThat(runs.filter(p -> p.toString().endsWith(".json"))).hasSize(1);
    }
    assertThat(out.resolve(OutputLock.FILE)).doesNotExist();
  }

  /** A brief over a corpus the tables do not hold (a misspelt name) is warned of, not rendered in silence. */
  @Test
  void aBriefNamingACorpusTheTablesDoNotHoldIsWarnedOf(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(reports.resolve("misspelt.yaml"), Files.readString(Path.of("reports/weekly-watch.yaml"))
        .replace("corpora: []", "corpora: [state-media, defector-report]"));
    Path copy = dir.resolve("copy");
    try (Stream<Path> walk = Files.walk(out.resolve("tables"))) {
      for (Path p : walk.toList()) {
        Path target = copy.resolve(out.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    CliRun.Result r = CliRun.succeeded(dir, "report", copy, "--reports-dir", reports.toString(), "--brief", "misspelt");
    assertThat(r.log()).contains("report  warning: brief 'misspelt' names corpus 'defector-report', of which the "
        + "articles table holds no article (it holds [defector-reports, state-media, wire])");
    // a step on an output with no tables: one line naming the table and what writes it
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(failure("report", "--output", empty.toString())).isEqualTo("nkwatch: error: table 'articles' does not "
        + "exist under " + empty.resolve("tables") + ": run the step that writes it first (ingest, annotate, aggregate)");
  }

  /** The sample, run with no input night after night: the second night finds nothing new to read. */
  @Test
  void anIncrementalRunOnTheSampleReadsNothingTheSecondTime(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path nightly = dir.resolve("nightly");
    CliRun.succeeded(dir, "run", nightly, "--incremental");
    assertThat(CliRun.succeeded(dir, "run", nightly, "--incremental").log())
        .contains("ingest  incremental: 0 files read, 13 unchanged files skipped");
  }

  /** Export writes one file per table, read back by DuckDB row for row, and nothing else beside it. */
  @Test
  void exportWritesEachTableAsOneFileAndNothingBesideIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path export = dir.resolve("export");
    for (String[] table : new String[][] {{"counts", "csv"}, {"articles", "jsonl"}}) {
      CliRun.Result r = CliRun.run("export", table[0], "--from", out.toString(), "--output", export.toString(),
          "--format", table[1], "--master", "local[2]");
      assertThat(r.code()).as("export %s; log:%n%s", table[0], r.log()).isZero();
    }
    try (Stream<Path> files = Files.list(export)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("counts.csv", "articles.jsonl");
    }
    try (Duck duck = new Duck(out)) {
      assertThat(duck.count("SELECT count(*) FROM read_csv_auto('" + export.resolve("counts.csv") + "')"))
          .isEqualTo(duck.count("SELECT count(*) FROM " + duck.table("counts")));
      assertThat(duck.count("SELECT count(*) FROM read_json_auto('" + export.resolve("articles.jsonl") + "')"))
          .isEqualTo(duck.count("SELECT count(*) FROM " + duck.table("articles")));
    }
    // every record has every column, null ones too
    for (String line : Files.readAllLines(export.resolve("articles.jsonl"))) {
      for (String column : TableSchemas.ARTICLE.fieldNames()) {
        assertThat(line).contains("\"" + column + "\":");
      }
    }
  }

  /** A registry entry that misreads its corpus, so that every record is rejected, is warned of. */
  @Test
  void aCorpusWhoseEveryRecordIsRejectedIsWarnedOf(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String wire = SampleCorpus.extracted().stream().filter(c -> c.name().equals("wire")).findFirst().orElseThrow()
        .paths().get(0);
    Path registry = dir.resolve("corpora.yaml");
    Files.writeString(registry, "corpora:\n  - name: wire\n    paths: [" + wire + "]\n    fields:\n      text: body\n");
    CliRun.Result r = CliRun.succeeded(dir, "ingest", dir.resolve("out"), "--registry", registry.toString());
    assertThat(r.log()).contains("wire: 10 records read = 0 articles + 0 duplicates + 10 rejects {no_text=10}",
        "ingest  warning: every record of corpus 'wire' was rejected: check how its registry entry reads it "
            + "(format, fields)");
  }

  /** The one line on stderr of a command that must fail with exit code 1. */
  private static String failure(String... args) {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    String[] all = java.util.Arrays.copyOf(args, args.length + 4);
    System.arraycopy(new String[] {"--master", "local[2]", "--conf", "spark.ui.enabled=false"}, 0, all, args.length, 4);
    int code = org.nkwatch.cli.Main.run(System.out, new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
        all);
    String text = err.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    assertThat(code).as("exit code; stderr: %s", text).isEqualTo(1);
    assertThat(text.lines()).as("stderr: %s", text).hasSize(1);
    return text;
  }

  static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
