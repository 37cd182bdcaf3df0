package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.testing.CliRun;

/**
 * A brief is not rendered again while what it is rendered from is as it was: a night with nothing new, or a second
 * {@code report}, keeps its PDF and charts and says so; new articles, another definition, or a PDF gone or changed
 * since, render it again. In local[2]; the stories were written for this test.
 */
class BriefsUpToDateIT {
  private static final String HEADER = "id,title,date,text\n";
  private static final String FIRST = HEADER
      + "b1,Farm visit,2023-06-01,\"Kim Jong Un visited a cooperative farm in South Pyongan Province on Monday.\"\n"
      + "b2,Officials dismissed,2023-07-03,\"Sources in Pyongyang said Pak Pong Ju dismissed two officials of the "
      + "Ministry of Foreign Affairs in June.\"\n";
  private static final String NIGHT = HEADER
      + "b3,Port reopened,2023-07-20,\"Choe Ryong Hae said in Nampho that the port reopened to coastal shipping.\"\n";
  private static final String KEPT = "rendered it; kept)";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aBriefIsRenderedAgainOnlyWhenWhatItIsRenderedFromChanged() throws Exception {
    Path corpus = dir.resolve("in/wire");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("wire-1.csv"), FIRST, StandardCharsets.UTF_8);
    Path reports = dir.resolve("reports");
    Files.createDirectories(reports);
    Files.copy(Path.of("reports/monthly-brief.yaml"), reports.resolve("monthly-brief.yaml"));
    Path out = dir.resolve("out");

    CliRun.Result first = cli("run", out, reports, "--input", corpus.toString(), "--incremental");
    assertThat(first.log()).doesNotContain(KEPT);
    Path pdf = onlyPdf(out);
    assertThat(text(pdf)).contains("Kim Jong Un").doesNotContain("Choe Ryong Hae");
    JsonNode recorded = briefLedgerEntry(out);
    assertThat(recorded.get("sources").asText()).hasSize(32);
    assertThat(recorded.get("pdf").get("name").asText()).isEqualTo(pdf.getFileName().toString());
    assertThat(runManifest(out).get("briefs_kept")).isEmpty();
    byte[] rendered = Files.readAllBytes(pdf);
    FileTime renderedAt = markOld(out.resolve("briefs"));
    FileTime recordedAt = markOld(out.resolve("ledger"));

    // nothing new: the brief is kept, file for file, and the run's manifest still names it
    CliRun.Result idle = cli("run", out, reports, "--input", corpus.toString(), "--incremental");
    assertThat(idle.log()).contains(pdf + " (up to date:").contains(KEPT);
    assertThat(modifiedTimes(out.resolve("briefs"))).containsOnly(renderedAt);
    assertThat(Files.getLastModifiedTime(out.resolve("ledger/briefs.json"))).isEqualTo(recordedAt);
    JsonNode idleRun = runManifest(out);
    assertThat(idleRun.get("briefs_kept")).hasSize(1);
    assertThat(idleRun.get("briefs_kept").get(0).asText()).isEqualTo(pdf.toString());
    assertThat(idleRun.get("briefs").toString()).contains(pdf.getFileName().toString(), "manifest.json", ".png");
    assertThat(cli("report", out, reports).log()).contains(KEPT);
    assertThat(Files.readAllBytes(pdf)).isEqualTo(rendered);

    // the PDF changed or gone since it was rendered, a chart gone, the manifest gone: rendered again
    Files.writeString(pdf, "not the brief", StandardCharsets.UTF_8);
    assertThat(cli("report", out, reports).log()).doesNotContain(KEPT);
    assertThat(text(pdf)).contains("Kim Jong Un");
    Files.delete(pdf);
    assertThat(cli("report", out, reports).log()).doesNotContain(KEPT);
    assertThat(pdf).exists();
    Path chart = out.resolve("briefs").resolve(pdf.getFileName().toString().replace(".pdf", "_top_people.png"));
    Files.delete(chart);
    assertThat(cli("report", out, reports).log()).doesNotContain(KEPT);
    assertThat(chart).exists();
    Files.delete(out.resolve("briefs/manifest.json"));
    assertThat(cli("report", out, reports).log()).doesNotContain(KEPT);
    assertThat(out.resolve("briefs/manifest.json")).exists();
    assertThat(cli("report", out, reports).log()).contains(KEPT);

    // another configuration (a taxonomy edited): rendered again; the same again: kept
    Path confDir = dir.resolve("conf/taxonomy");
    Files.createDirectories(confDir);
    Files.writeString(confDir.resolve("themes.yaml"), Files.readString(Path.of("conf/taxonomy/themes.yaml"))
        + "\n# edited for a test\n", StandardCharsets.UTF_8);
    String edited = dir.resolve("conf").toString();
    assertThat(cli("report", out, reports, "--conf-dir", edited).log()).doesNotContain(KEPT);
    assertThat(cli("report", out, reports, "--conf-dir", edited).log()).contains(KEPT);
    assertThat(cli("report", out, reports).log()).doesNotContain(KEPT);

    // two briefs, one kept and one new: each listed once, in the order asked, and both recorded
    Files.copy(Path.of("reports/weekly-watch.yaml"), reports.resolve("weekly-watch.yaml"));
    Path ledgerFile = out.resolve("ledger/briefs.json");
    FileTime ledgerAt = markOld(out.resolve("ledger"));
    assertThat(cli("report", out, reports).log()).contains(KEPT);
    assertThat(Files.getLastModifiedTime(ledgerFile)).as("the ledger, all kept").isEqualTo(ledgerAt);
    CliRun.Result both = cli("report", out, reports, "--brief", "weekly-watch");
    assertThat(both.log()).contains(pdf + " (up to date:").containsPattern("report  \\S*weekly-watch_\\S*\\.pdf\n");
    JsonNode bothRun = runManifest(out);
    assertThat(bothRun.get("briefs_kept")).hasSize(1);
    List<String> listed = new ArrayList<>();
    bothRun.get("briefs").forEach(node -> listed.add(Path.of(node.asText()).getFileName().toString()));
    assertThat(listed).doesNotHaveDuplicates().hasSize(1 + 5 + 1 + 3 + 1);  // PDFs, their charts, the manifest
    assertThat(listed.get(0)).isEqualTo(pdf.getFileName().toString());
    assertThat(listed.indexOf("manifest.json")).isLessThan(listed.indexOf(listed.stream()
        .filter(f -> f.startsWith("weekly-watch") && f.endsWith(".pdf")).findFirst().orElseThrow()));
    assertThat(JSON.readTree(ledgerFile.toFile()).get("briefs")).hasSize(2);

    // another definition of the brief: rendered again, with it
    Files.writeString(reports.resolve("monthly-brief.yaml"), Files.readString(reports.resolve("monthly-brief.yaml"))
        .replace("title: North Korea Monthly Brief", "title: Peninsula Monthly Digest"), StandardCharsets.UTF_8);
    assertThat(cli("report", out, reports).log()).doesNotContain(KEPT);
    assertThat(text(pdf)).contains("Peninsula Monthly Digest");
    assertThat(cli("report", out, reports).log()).contains(KEPT);

    // a night with a new article: rendered again, the new person in it
    Files.writeString(corpus.resolve("wire-2.csv"), NIGHT, StandardCharsets.UTF_8);
    CliRun.Result night = cli("run", out, reports, "--input", corpus.toString(), "--incremental");
    assertThat(night.log()).doesNotContain(KEPT).containsPattern("annotate 1 articles");
    assertThat(text(pdf)).contains("Choe Ryong Hae");
    assertThat(runManifest(out).get("briefs_kept")).isEmpty();
  }

  /** A command in this JVM with local[2] and the monthly brief from {@code reports}; it must succeed. */
  private CliRun.Result cli(String command, Path out, Path reports, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("--brief", "monthly-brief", "--reports-dir", reports.toString()));
    args.addAll(List.of(extra));
    return CliRun.succeeded(dir, command, out, args.toArray(String[]::new));
  }

  private static Path onlyPdf(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("briefs"))) {
      List<Path> pdfs = files.filter(p -> p.toString().endsWith(".pdf")).toList();
      assertThat(pdfs).hasSize(1);
      return pdfs.get(0);
    }
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  /** The brief's entry in the brief ledger. */
  private static JsonNode briefLedgerEntry(Path out) throws IOException {
    JsonNode briefs = JSON.readTree(out.resolve("ledger/briefs.json").toFile()).get("briefs");
    assertThat(briefs).hasSize(1);
    return briefs.get(0);
  }

  /** The latest run's manifest. */
  private static JsonNode runManifest(Path out) throws IOException {
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      Path latest = runs.filter(p -> p.toString().endsWith(".json")).max(Comparator.naturalOrder()).orElseThrow();
      return JSON.readTree(latest.toFile());
    }
  }

  /** Sets every file in {@code folder} an hour back, so that a file written since stands out; returns that time. */
  private static FileTime markOld(Path folder) throws IOException {
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.toList()) {
        Files.setLastModifiedTime(f, old);
      }
    }
    return old;
  }

  private static List<FileTime> modifiedTimes(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<FileTime> times = new ArrayList<>();
      for (Path f : files.toList()) {
        times.add(Files.getLastModifiedTime(f));
      }
      return times;
    }
  }
}
