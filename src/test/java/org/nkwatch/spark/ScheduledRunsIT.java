package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.reliability.TableChecksums;
import org.nkwatch.testing.CliRun;
import org.nkwatch.testing.Duck;

/**
 * Scheduled runs on the packaged sample corpus in local[2], tables read back with DuckDB: an incremental
 * run reads only new and changed files and ends with the tables of a full run; a run over a window
 * replaces that window's rows only, and rerunning it changes nothing.
 */
class ScheduledRunsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The sample's October 2024 articles, and the rows outside that window. */
  private static final String OCTOBER = "2024-10";
  private static final String OUTSIDE_OCTOBER =
      " WHERE published IS NULL OR published NOT BETWEEN DATE '2024-10-01' AND DATE '2024-10-31'";
  /** A story of ours dated in October 2024 (not from the sample, not from any real source). */
  private static final String NEW_OCTOBER_STORY = """
      Officials in Hamhung reprimanded after fertilizer shortfall, sources say

      Published: October 21, 2024

      Several officials of the South Hamgyong provincial economic committee were reprimanded and one was dismissed after \
      a shortfall of fertilizer deliveries to cooperative farms, according to a source in Hamhung. Kim Jong Un had \
      called for better supply to farms at a meeting in Pyongyang earlier in the month, the source said, and inspectors \
      from the capital arrived in the city a week later to examine the accounts of the committee.
      """;

  @TempDir
  Path dir;

  private List<String> inputs(Path corpus) {
    return List.of("--input", corpus.resolve("state-media").toString(), "--input", corpus.resolve("wire").toString(),
        "--input", corpus.resolve("defector-reports").toString());
  }

  /** {@code run} with the test's job file: local[2], few shuffle partitions, no brief (briefs are tested elsewhere). */
  private CliRun.Result run(List<String> inputs, Path out, String... extra) throws Exception {
    List<String> args = new ArrayList<>(inputs);
    args.addAll(List.of(extra));
    return CliRun.succeeded(dir, "run", out, args.toArray(String[]::new));
  }

  private static JsonNode manifest(CliRun.Result result) throws Exception {
    Matcher m = Pattern.compile("(?m)^manifest (\\S+)$").matcher(result.log());
    assertThat(m.find()).as("manifest in the log").isTrue();
    return JSON.readTree(Files.readString(Path.of(m.group(1)), StandardCharsets.UTF_8));
  }

  private static List<String> fileNames(JsonNode files) {
    List<String> names = new ArrayList<>();
    files.forEach(f -> {
      String path = f.isTextual() ? f.asText() : f.path("path").asText();
      names.add(path.substring(path.lastIndexOf('/') + 1));
    });
    return names;
  }

  /** Checksums of sorted rows of each table's rows that a WHERE clause selects (all rows with ""). */
  private static Map<String, String> checksums(Path out, List<String> tables, String where) throws Exception {
    Map<String, String> sums = new TreeMap<>();
    try (Duck duck = new Duck(out)) {
      for (String table : tables) {
        sums.put(table, TableChecksums.ofQuery(duck, "SELECT * FROM " + duck.table(table) + where));
      }
    }
    return sums;
  }

  @Test
  void anIncrementalRunReadsOnlyNewAndChangedFilesAndEndsWithTheTablesOfAFullRun() throws Exception {
    Path corpus = dir.resolve("corpus");
    SampleCorpus.extractTo(corpus);
    Path reports = corpus.resolve("defector-reports");
    Path later = dir.resolve("later");
    Files.createDirectories(later);
    for (String name : List.of("09-rason-oil-transfers.txt", "10-officers-restored-after-russia.txt",
        "11-youth-lectures-wonsan.txt")) {
      Files.move(reports.resolve(name), later.resolve(name));
    }
    Path out = dir.resolve("incremental");
    JsonNode first = manifest(run(inputs(corpus), out, "--incremental"));
    assertThat(first.path("files_read")).hasSize(10);

    // three files arrive, one is rewritten (longer: a changed length), nothing else changes
    for (String name : List.of("09-rason-oil-transfers.txt", "10-officers-restored-after-russia.txt",
        "11-youth-lectures-wonsan.txt")) {
      Files.move(later.resolve(name), reports.resolve(name));
    }
    Files.writeString(reports.resolve("12-hamhung-fertilizer.txt"), NEW_OCTOBER_STORY, StandardCharsets.UTF_8);
    // a new file with the text of an article the run keeps: a duplicate of that article, as in a full run
    Files.copy(reports.resolve("05-sinuiju-drama-arrests.txt"), reports.resolve("13-sinuiju-drama-again.txt"));
    Path changed = reports.resolve("01-flood-officials-punished.txt");
    Files.writeString(changed, Files.readString(changed, StandardCharsets.UTF_8)
        + "\nA second source confirmed the dismissals.\n", StandardCharsets.UTF_8);

    CliRun.Result second = run(inputs(corpus), out, "--incremental");
    JsonNode manifest = manifest(second);
    assertThat(fileNames(manifest.path("files_read"))).containsExactlyInAnyOrder("01-flood-officials-punished.txt",
        "09-rason-oil-transfers.txt", "10-officers-restored-after-russia.txt", "11-youth-lectures-wonsan.txt",
        "12-hamhung-fertilizer.txt", "13-sinuiju-drama-again.txt");
    assertThat(manifest.path("files_skipped")).hasSize(15 - 6);
    assertThat(second.log()).contains("defector-reports: 6 records read = 5 articles + 1 duplicates + 0 rejects",
        "ingest  incremental: 6 files read (5 new, 1 changed), 9 unchanged files skipped");
    // the changed file's stored rows are dropped; the corpora that got nothing new are copied, not rewritten
    assertThat(second.log()).containsPattern("annotate [1-9]\\d* partitions of mentions and sanction_events unchanged");
    JsonNode ledger = JSON.readTree(Files.readString(out.resolve("ledger/inputs.json"), StandardCharsets.UTF_8));
    assertThat(ledger.path("files")).hasSize(15);
    String secondRun = manifest.path("run_id").asText();
    assertThat(ledger.path("files").findValuesAsText("run").stream().filter(secondRun::equals)).hasSize(6);
    try (Duck duck = new Duck(out)) {
      assertThat(duck.rows("SELECT a.locator FROM " + duck.table("duplicates") + " d JOIN " + duck.table("articles")
          + " a ON a.doc_id = d.duplicate_of WHERE d.locator LIKE '%13-sinuiju-drama-again.txt%' AND d.kind = 'exact'"))
          .hasSize(1).allSatisfy(row -> assertThat(String.valueOf(row.get(0))).endsWith("05-sinuiju-drama-arrests.txt"));
    }

    Path full = dir.resolve("full");
    run(inputs(corpus), full);
    assertThat(TableChecksums.of(out)).isEqualTo(TableChecksums.of(full));
    try (Duck duck = new Duck(out)) {
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("articles") + " WHERE text LIKE '%second source confirmed%'"))
          .as("the changed file's article replaced, not added").isEqualTo(1);
    }
  }

  /** A registry of two of the sample's corpora; the defector reports' corpus name and publisher as given. */
  private static List<String> registry(Path dir, Path corpus, String name, String publisher) throws Exception {
    Path registry = dir.resolve("corpora.yaml");
    Files.writeString(registry, String.format(java.util.Locale.ROOT, """
        corpora:
          - name: state-media
            paths: [%s]
            source_type: state_media
          - name: %s
            paths: [%s]
            publisher: %s
            source_type: defector_network
        """, corpus.resolve("state-media"), name, corpus.resolve("defector-reports"), publisher), StandardCharsets.UTF_8);
    return List.of("--registry", registry.toString());
  }

  @Test
  void aNightAfterTheRegistryOrTheTaxonomyWasEditedAppliesTheEditToTheRowsItKeeps() throws Exception {
    Path corpus = dir.resolve("corpus");
    SampleCorpus.extractTo(corpus);
    Path out = dir.resolve("nightly");
    run(registry(dir, corpus, "defector-reports", "Daily NK"), out, "--incremental");

    // the defector reports' corpus renamed and publisher edited in the registry: their files are read again,
    // though none changed, and the tables become those of a full run on the edited registry
    List<String> edited = registry(dir, corpus, "defector-network", "Daily NK (edited)");
    CliRun.Result reread = run(edited, out, "--incremental");
    assertThat(reread.log()).contains("ingest  incremental: 11 files read (11 unchanged read again: "
        + "their corpus's registry entry is not the one the ledger records them read with), 1 unchanged files skipped");
    assertThat(fileNames(manifest(reread).path("files_read"))).hasSize(11).allMatch(name -> name.endsWith(".txt"));
    try (Duck duck = new Duck(out)) {
      assertThat(duck.rows("SELECT DISTINCT publisher FROM " + duck.table("articles") + " WHERE corpus = 'defector-network'"))
          .extracting(row -> row.get(0)).containsExactly("Daily NK (edited)");
      for (String table : List.of("articles", "rejects", "duplicates", "mentions", "sanction_events", "counts")) {
        assertThat(duck.count("SELECT count(*) FROM " + duck.table(table) + " WHERE corpus = 'defector-reports'"))
            .as("%s rows of the corpus under its old name", table).isZero();
      }
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("mentions") + " WHERE corpus = 'defector-network'"))
          .isPositive();
    }
    Path fullOnTheEditedRegistry = dir.resolve("full-registry");
    run(edited, fullOnTheEditedRegistry);
    assertThat(TableChecksums.of(out)).isEqualTo(TableChecksums.of(fullOnTheEditedRegistry));
    assertThat(run(edited, out, "--incremental").log()).contains("0 files read, 12 unchanged");

    // a new file ingested by an ingest step on its own: the next night reads nothing new, but its article is not
    // annotated yet, and the night cannot tell which it is: every article is annotated
    Files.writeString(corpus.resolve("defector-reports/12-hamhung-fertilizer.txt"), NEW_OCTOBER_STORY,
        StandardCharsets.UTF_8);
    List<String> ingestArgs = new ArrayList<>(edited);
    ingestArgs.add("--incremental");
    CliRun.succeeded(dir, "ingest", out, ingestArgs.toArray(String[]::new));
    assertThat(run(edited, out, "--incremental").log()).contains("0 files read, ",
        "annotate every article annotated again: the articles changed since the stored mentions were made, other than "
            + "by this run's ingest (an ingest step run on its own)");
    try (Duck duck = new Duck(out)) {
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("mentions") + " m JOIN " + duck.table("articles")
          + " a ON a.doc_id = m.doc_id WHERE a.locator LIKE '%12-hamhung-fertilizer.txt%'"))
          .as("the mentions of the article the ingest step added").isPositive();
    }

    // a theme added to the taxonomy: nothing new to read, but every article is annotated again with it
    Path conf = dir.resolve("conf");
    Files.createDirectories(conf.resolve("taxonomy"));
    Files.writeString(conf.resolve("taxonomy/themes.yaml"), Files.readString(Path.of("conf/taxonomy/themes.yaml"))
        + """

          - key: test_officials
            name: Officials (a test's theme)
            description: Officials, the party and the capital, added by a test.
            cues:
              - officials
              - party
              - Pyongyang
        """, StandardCharsets.UTF_8);
    CliRun.Result retagged = run(edited, out, "--incremental", "--conf-dir", conf.toString());
    assertThat(retagged.log()).contains("0 files read, ",
        "annotate every article annotated again: the gazetteer or taxonomy is not the one the stored mentions were made with");
    try (Duck duck = new Duck(out)) {
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("mentions") + " WHERE key = 'test_officials'"))
          .as("the new theme found in the articles kept").isPositive();
    }
    Path full = dir.resolve("full");
    run(edited, full, "--conf-dir", conf.toString());
    assertThat(TableChecksums.of(out)).isEqualTo(TableChecksums.of(full));
    // the same configuration again: nothing to do
    CliRun.Result idle = run(edited, out, "--incremental", "--conf-dir", conf.toString());
    assertThat(idle.log()).doesNotContain("annotated again").contains("annotate 0 articles");
    // back on the packaged configuration: annotated again
    assertThat(run(edited, out, "--incremental").log()).contains("annotate every article annotated again");
    try (Duck duck = new Duck(out)) {
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("mentions") + " WHERE key = 'test_officials'")).isZero();
    }

    // tables and a ledger as an earlier nkwatch left them (no notes, no readings): read and annotated again, once
    for (String table : List.of("mentions", "sanction_events")) {
      Files.delete(out.resolve("tables/" + table + "/" + AnnotateJob.ANNOTATED_WITH));
      Files.delete(out.resolve("tables/" + table + "/" + AnnotateJob.ANNOTATED_FROM));
    }
    Path ledgerFile = out.resolve("ledger/inputs.json");
    Files.writeString(ledgerFile, Files.readString(ledgerFile).replaceAll("\"reading\" : \"[0-9a-f]+\",", ""));
    Files.deleteIfExists(ledgerFile.resolveSibling(".inputs.json.crc"));  // Hadoop's checksum of the file as written
    assertThat(run(edited, out, "--incremental").log()).contains("13 files read (13 unchanged read "
        + "again: the ledger, from an earlier nkwatch, does not say how they were read), 0 unchanged files skipped",
        "annotate every article annotated again: the stored mentions do not say what made them");
    assertThat(run(edited, out, "--incremental").log()).contains("0 files read, 13 unchanged")
        .doesNotContain("annotated again");
  }

  /**
   * {@code --corpus} runs one corpus of a registry: the other corpora's rows stay as they are, in a full run as in
   * a window, and the tables end as a full run over the whole registry would leave them.
   */
  @Test
  void aRunOfOneCorpusOfTheRegistryKeepsTheOthersRows() throws Exception {
    Path corpus = dir.resolve("corpus");
    SampleCorpus.extractTo(corpus);
    List<String> registry = registry(dir, corpus, "defector-reports", "Daily NK");
    Path out = dir.resolve("out");
    run(registry, out);
    List<String> tables = List.of("articles", "rejects", "duplicates", "mentions", "sanction_events");
    String stateMedia = " WHERE corpus = 'state-media'";
    Map<String, String> stateMediaBefore = checksums(out, tables, stateMedia);

    // one of the defector reports goes, one arrives; only that corpus is run, whole
    Files.delete(corpus.resolve("defector-reports/01-flood-officials-punished.txt"));
    Files.writeString(corpus.resolve("defector-reports/12-hamhung-fertilizer.txt"), NEW_OCTOBER_STORY,
        StandardCharsets.UTF_8);
    List<String> oneCorpus = new ArrayList<>(registry);
    oneCorpus.addAll(List.of("--corpus", "defector-reports"));
    CliRun.Result only = run(oneCorpus, out);
    assertThat(only.log()).contains("ingest  only [defector-reports] (--corpus): the rows of every other corpus are "
        + "kept as they are; duplicates across corpora are settled by a run without --corpus");
    assertThat(manifest(only).path("only_corpora").toString()).isEqualTo("[\"defector-reports\"]");
    assertThat(checksums(out, tables, stateMedia)).as("the other corpus's rows").isEqualTo(stateMediaBefore);
    try (Duck duck = new Duck(out)) {
      String reports = "SELECT count(*) FROM " + duck.table("articles") + " WHERE corpus = 'defector-reports' AND ";
      assertThat(duck.count(reports + "locator LIKE '%01-flood-officials-punished.txt%'")).as("the file gone").isZero();
      assertThat(duck.count(reports + "locator LIKE '%12-hamhung-fertilizer.txt%'")).as("the file new").isEqualTo(1);
    }
    Path whole = dir.resolve("whole");
    run(registry, whole);
    assertThat(TableChecksums.of(out)).as("as a full run of the whole registry").isEqualTo(TableChecksums.of(whole));

    // the ledger still knows the other corpus's files, and no longer the file that went
    assertThat(run(registry, out, "--incremental").log()).contains("0 files read, 12 unchanged files skipped");

    // a window of one corpus: the other's rows in that window stay too
    CliRun.Result window = run(oneCorpus, out, "--period", OCTOBER);
    assertThat(window.log()).contains("only [defector-reports]");
    assertThat(checksums(out, tables, stateMedia)).as("the other corpus's rows, in the window too")
        .isEqualTo(stateMediaBefore);
    assertThat(TableChecksums.of(out)).isEqualTo(TableChecksums.of(whole));
  }

  @Test
  void aWindowRunReplacesOnlyItsWindowAndRerunningItChangesNothing() throws Exception {
    Path corpus = dir.resolve("corpus");
    SampleCorpus.extractTo(corpus);
    Path out = dir.resolve("out");
    run(inputs(corpus), out);
    List<String> dated = List.of("articles", "duplicates", "mentions", "sanction_events");
    Map<String, String> outsideBefore = checksums(out, dated, OUTSIDE_OCTOBER);
    Map<String, String> countsBefore = checksums(out, List.of("counts"),
        " WHERE grain IN ('day', 'month') AND period NOT BETWEEN DATE '2024-10-01' AND DATE '2024-10-31'");
    long octoberBefore;
    try (Duck duck = new Duck(out)) {
      octoberBefore = duck.count("SELECT count(*) FROM " + duck.table("articles") + " WHERE strftime(published, '%Y-%m') = '"
          + OCTOBER + "'");
    }
    assertThat(octoberBefore).isPositive();

    Files.writeString(corpus.resolve("defector-reports/12-hamhung-fertilizer.txt"), NEW_OCTOBER_STORY, StandardCharsets.UTF_8);
    CliRun.Result window = run(inputs(corpus), out, "--period", OCTOBER);
    assertThat(window.log()).containsPattern("defector-reports: 12 records read = \\d+ articles \\+ 0 duplicates \\+ 0 rejects "
        + "\\+ \\d+ outside the window");
    try (Duck duck = new Duck(out)) {
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("articles") + " WHERE strftime(published, '%Y-%m') = '"
          + OCTOBER + "'")).isEqualTo(octoberBefore + 1);
      assertThat(duck.count("SELECT count(*) FROM " + duck.table("mentions") + " m JOIN " + duck.table("articles")
          + " a USING (doc_id) WHERE a.locator LIKE '%12-hamhung-fertilizer.txt' AND m.key = 'kim-jong-un'")).isPositive();
    }
    assertThat(checksums(out, dated, OUTSIDE_OCTOBER)).as("rows of other windows").isEqualTo(outsideBefore);
    assertThat(checksums(out, List.of("counts"),
        " WHERE grain IN ('day', 'month') AND period NOT BETWEEN DATE '2024-10-01' AND DATE '2024-10-31'"))
        .as("counts of other days and months").isEqualTo(countsBefore);

    Map<String, String> afterWindow = TableChecksums.of(out);
    run(inputs(corpus), out, "--since", "2024-10-01", "--until", "2024-10-31");
    assertThat(TableChecksums.of(out)).as("the same window again, named by dates").isEqualTo(afterWindow);
  }
}
