package org.nkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line without Spark: help, usage errors and user errors caught before a session starts. */
class MainTest {
  private record Result(int code, String out, String err) {
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsEveryCommand() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("run", "ingest", "annotate", "aggregate", "report", "export");
  }

  @Test
  void runHelpDescribesEveryOption() {
    Result r = run("run", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--input", "--output", "--conf-dir", "--conf", "--master", "--brief", "--verbose",
        "sample corpus");
  }

  @Test
  void anUnknownOptionIsAUsageErrorNamingIt() {
    Result r = run("run", "--frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--frobnicate");
  }

  @Test
  void aMissingInputIsOneLineNamingItWithoutAStackTrace() {
    Result r = run("run", "--input", "/no/such/corpus", "--output", "target/test-output/never");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("nkwatch: error: input '/no/such/corpus' does not exist");
  }

  @Test
  void anUnknownTableOrFormatIsNamed() {
    assertThat(run("export", "people", "--output", "x").err()).contains("unknown table 'people'");
    assertThat(run("export", "counts", "--output", "x", "--format", "xml").err()).contains("unknown export format 'xml'");
  }

  @Test
  void aConfDirThatDoesNotExistIsNamed() {
    Result r = run("annotate", "--conf-dir", "/no/such/conf");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("conf directory '/no/such/conf' does not exist");
  }

  @Test
  void corpusNamesComeFromFolders(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    assertThat(JobMixin.corpusName("data/Daily NK/")).isEqualTo("daily-nk");
    assertThat(JobMixin.corpusName("hdfs://nn:8020/corpora/kcna-2024")).isEqualTo("kcna-2024");
    // the folder's own name, however the path reaches it
    java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("Daily NK/2024"));
    java.nio.file.Files.writeString(folder.resolve("a.txt"), "One.");
    assertThat(JobMixin.corpusName(folder + "/.")).isEqualTo("2024");
    assertThat(JobMixin.corpusName(folder + "/..")).isEqualTo("daily-nk");
    assertThat(JobMixin.corpusName(folder.resolve("a.txt").toString())).as("a file: its folder's name").isEqualTo("2024");
  }

  @Test
  void twoFoldersOfOneNameAreAnErrorNamingBoth(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path a = java.nio.file.Files.createDirectories(dir.resolve("a/seeds"));
    java.nio.file.Path b = java.nio.file.Files.createDirectories(dir.resolve("b/seeds"));
    java.nio.file.Files.writeString(a.resolve("1.txt"), "One.");
    assertThatThrownBy(() -> JobMixin.corporaFromPaths(java.util.List.of(a.toString(), b.toString())))
        .hasMessage("inputs in " + a + " and " + b + " would both be corpus 'seeds': give them different folder names, "
            + "or name them in a registry (--registry)");
    // a folder and a file in it are one corpus, as they always were
    assertThat(JobMixin.corporaFromPaths(java.util.List.of(a.toString(), a.resolve("1.txt").toString())))
        .extracting(org.nkwatch.config.CorpusSpec::name).containsExactly("seeds");
  }
}
