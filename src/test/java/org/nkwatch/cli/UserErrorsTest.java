package org.nkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.config.ConfigBundle;

/**
 * Errors a user makes, through {@link Main#run} as the command line runs them: each is one line on stderr
 * naming the offending value (and the file and line for configuration), a non-zero exit code, no stack
 * trace unless {@code --verbose}, and all of them before Spark starts.
 */
class UserErrorsTest {
  @TempDir
  Path dir;

  private Path out;
  private Path confDir;

  private record Result(int code, String out, String err) {
    /** The one line on stderr, checked to be one and to hold no stack trace. */
    String line() {
      assertThat(err.strip().lines()).as("stderr: %s", err).hasSize(1);
      assertThat(err).doesNotContain("\tat ", "Exception");
      return err.strip();
    }
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A command with the test gazetteer and taxonomy (the packaged conf/ may lack a gazetteer). */
  private Result job(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--conf-dir";
    all[args.length + 1] = confDir.toString();
    return run(all);
  }

  @BeforeEach
  void fixtures() throws IOException {
    out = dir.resolve("out");
    confDir = dir.resolve("conf");
    for (String name : ConfigBundle.FILES) {
      try (InputStream in = UserErrorsTest.class.getResourceAsStream("/org/nkwatch/fixture-conf/" + name)) {
        Files.createDirectories(confDir.resolve(name).getParent());
        Files.write(confDir.resolve(name), in.readAllBytes());
      }
    }
    Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(dir.resolve("corpus/a.txt"), "A story about coal.");
  }

  private Path registry(String yaml) throws IOException {
    Path file = dir.resolve("corpora.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void aMissingInputOrRegistry() {
    Result r = job("ingest", "--input", dir.resolve("nowhere").toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).isEqualTo("nkwatch: error: input '" + dir.resolve("nowhere") + "' does not exist");

    r = job("ingest", "--input", "file:" + dir.resolve("nowhere"), "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).contains("input 'file:" + dir.resolve("nowhere") + "'", "does not exist");

    r = job("ingest", "--registry", dir.resolve("none.yaml").toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).isEqualTo("nkwatch: error: registry '" + dir.resolve("none.yaml") + "' does not exist");
  }

  /** Runs a job command that must fail with exit code 1 and one line on stderr; returns that line. */
  private String failure(String... args) {
    Result r = job(args);
    assertThat(r.code()).as("exit code of %s", java.util.Arrays.toString(args)).isEqualTo(1);
    return r.line();
  }

  @Test
  void aBadWindowNamesTheValue() {
    assertThat(failure("run", "--period", "2024-13", "--output", out.toString())).isEqualTo("nkwatch: error: --period "
        + "'2024-13' is not a period (expected YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD, yesterday, last-week or last-month)");
    assertThat(failure("run", "--since", "2024-5-1", "--output", out.toString()))
        .isEqualTo("nkwatch: error: --since '2024-5-1' is not a date (expected YYYY-MM-DD)");
    assertThat(failure("ingest", "--since", "2024-06-01", "--until", "2024-05-01", "--output", out.toString()))
        .isEqualTo("nkwatch: error: --until '2024-05-01' is before --since '2024-06-01'");
  }

  @Test
  void aBriefThatIsNotThereOrDoesNotParseIsNamedBeforeAnyTableIsWritten() throws IOException {
    String input = dir.resolve("corpus").toString();
    assertThat(failure("run", "--input", input, "--brief", "nosuch", "--output", out.toString()))
        .isEqualTo("nkwatch: error: no brief definition named 'nosuch' (packaged briefs live in reports/)");
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(reports.resolve("b1.yaml"), Files.readString(Path.of("reports/weekly-watch.yaml"))
        .replace("top_n: 10", "top_n: fifteen"));
    assertThat(failure("run", "--input", input, "--reports-dir", reports.toString(), "--brief", "b1", "--output",
        out.toString())).startsWith("nkwatch: error: ").contains("b1.yaml", "top_n", "fifteen");
    assertThat(failure("report", "--reports-dir", reports.toString(), "--brief", "b2", "--output", out.toString()))
        .isEqualTo("nkwatch: error: no brief definition " + reports.resolve("b2.yaml"));
    assertThat(out.resolve("tables")).as("nothing ingested").doesNotExist();
  }

  @Test
  void anOptionTheCommandDoesNotUseIsABadCommandLine() {
    Result r = run("report", "--output", out.toString(), "--period", "2024-05");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.line()).isEqualTo("nkwatch: error: 'report' does not use --period (run, ingest and annotate do) "
        + "(see nkwatch report --help)");
    r = run("aggregate", "--output", out.toString(), "--input", dir.resolve("corpus").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.line()).startsWith("nkwatch: error: 'aggregate' does not use --input (run and ingest do)");
    r = run("annotate", "--output", out.toString(), "--no-incremental");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.line()).startsWith("nkwatch: error: 'annotate' does not use --incremental (run and ingest do)");
    r = run("ingest", "--output", out.toString(), "--input", dir.resolve("corpus").toString(), "--brief", "weekly-watch");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.line()).startsWith("nkwatch: error: 'ingest' does not use --brief (run and report do)");
    // --corpus names corpora of a registry: without one it cannot mean anything
    assertThat(failure("run", "--input", dir.resolve("corpus").toString(), "--corpus", "nosuch", "--output",
        out.toString())).isEqualTo("nkwatch: error: --corpus [nosuch] picks corpora of a registry, and no registry is "
        + "given: add --registry FILE (or registry: in the job file)");
    assertThat(out.resolve("tables")).doesNotExist();
  }

  @Test
  void aBriefNamedTwiceNamesIt() {
    assertThat(failure("report", "--brief", "monthly-brief", "--brief", "monthly-brief", "--output", out.toString()))
        .isEqualTo("nkwatch: error: --brief names 'monthly-brief' twice: list each brief once");
  }

  @Test
  void aJobFileWithAnUnknownKeyOrMissingNamesIt() throws IOException {
    Path jobFile = dir.resolve("nightly.yaml");
    Files.writeString(jobFile, "output: out\nincremental: true\nbreifs: [monthly-brief]\n");
    assertThat(failure("run", "--job", jobFile.toString()))
        .startsWith("nkwatch: error: " + jobFile + ":3: unknown key 'breifs' (expected one of [");
    assertThat(failure("run", "--job", dir.resolve("none.yaml").toString()))
        .isEqualTo("nkwatch: error: job file '" + dir.resolve("none.yaml") + "' does not exist");
  }

  @Test
  void anUnknownFormatInARegistryNamesTheFileTheLineAndTheValue() throws IOException {
    Path file = registry("corpora:\n  - name: kcna\n    paths: [corpus]\n    format: docx\n");
    Result r = job("ingest", "--registry", file.toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).startsWith("nkwatch: error: " + file + ":4: corpus 'kcna': unknown format 'docx'");
  }

  @Test
  void aMalformedRegistryNamesTheFileAndTheLine() throws IOException {
    Path file = registry("corpora:\n  - name: kcna\n    paths: [corpus\n    format: csv\n  - name: x\n");
    Result r = job("ingest", "--registry", file.toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).matches("nkwatch: error: " + java.util.regex.Pattern.quote(file.toString()) + ":\\d+: not valid YAML: .*");
  }

  @Test
  void aMalformedTaxonomyNamesItsPathAndLine() throws IOException {
    Path sanctions = confDir.resolve(ConfigBundle.SANCTIONS);
    Files.writeString(sanctions, "version: broken\ntypes:\n  - {key: dismissal, cues: [\"dismissed\"\n  - {key: arrest}\n");
    Result r = job("annotate", "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).matches("nkwatch: error: " + java.util.regex.Pattern.quote(sanctions.toString())
        + ":\\d+: invalid YAML: .*");
  }

  @Test
  void aTaxonomyThatBreaksARuleNamesItsPath() throws IOException {
    Path themes = confDir.resolve(ConfigBundle.THEMES);
    Files.writeString(themes, Files.readString(themes).replaceFirst("key: [a-z_]+", "key: Bad-Key"));
    Result r = job("annotate", "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).startsWith("nkwatch: error: " + themes + ": key 'Bad-Key'");
  }

  @Test
  void aMisspeltTaxonomyKeyNamesItsPathLineAndTheAllowedKeys() throws IOException {
    // without the check, "negaton" would drop the negation cues: a denied dismissal would count as one
    Path sanctions = confDir.resolve(ConfigBundle.SANCTIONS);
    String text = Files.readString(sanctions);
    assertThat(text).contains("\nnegation:");
    Files.writeString(sanctions, text.replace("\nnegation:", "\nnegaton:"));
    int line = (int) text.substring(0, text.indexOf("\nnegation:")).lines().count() + 1;
    assertThat(failure("annotate", "--output", out.toString())).isEqualTo("nkwatch: error: " + sanctions + ":" + line
        + ": unknown key 'negaton' (expected one of [version, types, international_context, foreign_jurisdiction, "
        + "foreign_setting, bare_agents, negation, hedges])");
  }

  @Test
  void aMisspeltGazetteerColumnNamesItsPathAndTheKnownColumns() throws IOException {
    Path people = confDir.resolve(ConfigBundle.PEOPLE);
    String text = Files.readString(people);
    assertThat(text).startsWith("key\tname\thangul\taliases\t");
    Files.writeString(people, text.replaceFirst("\taliases\t", "\talias\t"));
    assertThat(failure("annotate", "--output", out.toString())).isEqualTo("nkwatch: error: " + people
        + ":1: unknown column 'alias' (expected one of [key, name, hangul, aliases, posts, type, parent, notes])");
  }

  @Test
  void yamlGlobalTagsThatWouldBuildJavaObjectsAreRejected() throws IOException {
    Path marker = dir.resolve("pwned");
    String payload = "!!java.lang.ProcessBuilder [[\"touch\", \"" + marker + "\"]]";
    Path sanctions = confDir.resolve(ConfigBundle.SANCTIONS);
    Files.writeString(sanctions, Files.readString(sanctions) + "exploit: " + payload + "\n");
    Result r = job("annotate", "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).startsWith("nkwatch: error: " + sanctions + ":").contains("java.lang.ProcessBuilder");

    Path file = registry("corpora:\n  - name: kcna\n    paths: [corpus]\n    publisher: !<tag:yaml.org,2002:java.net.URL> [\"http://x\"]\n"
        + "x: " + payload + "\n");
    r = job("ingest", "--registry", file.toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).startsWith("nkwatch: error: " + file + ":4: not valid YAML").contains("java.net.URL");
    assertThat(marker).doesNotExist();
  }

  @Test
  void anUnknownOptionIsOneLineNamingIt() {
    Result r = run("ingest", "--inptu", "corpus");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.line()).startsWith("nkwatch: error: Unknown options: '--inptu'").endsWith("(see nkwatch ingest --help)");
  }

  @Test
  void anUnwritableOutputIsNamed() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Result r = job("ingest", "--input", dir.resolve("corpus").toString(), "--output", file.resolve("out").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).startsWith("nkwatch: error: output '" + file.resolve("out") + "' is not writable: ");
  }

  @Test
  void aBadUriIsNamed() {
    Result r = job("ingest", "--input", "nosuchfs://host/corpora/kcna", "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).startsWith("nkwatch: error: input 'nosuchfs://host/corpora/kcna' of corpus 'kcna': "
        + "no filesystem for the scheme 'nosuchfs'");

    r = job("ingest", "--input", "hdfs:corpora/kcna", "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).startsWith("nkwatch: error: input 'hdfs:corpora/kcna' of corpus 'kcna' is not a valid path or URI: ");

    r = job("ingest", "--input", dir.resolve("corpus").toString(), "--output", "nosuchfs://bucket/out");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).startsWith("nkwatch: error: output 'nosuchfs://bucket/out': no filesystem for the scheme 'nosuchfs'");
  }

  @Test
  void aBadMasterOrSparkSettingIsOneLineNamingItAndLeavesNoOutputFolder() {
    Result r = job("run", "--input", dir.resolve("corpus").toString(), "--output", out.toString(), "--master", "bogus://x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).isEqualTo("nkwatch: error: --master 'bogus://x' is not a Spark master URL (local, local[*], "
        + "local[N], spark://HOST:PORT, yarn, k8s://HOST:PORT)");
    // Spark's own complaint, not its wrapper's "Error while instantiating ...:"
    r = job("run", "--input", dir.resolve("corpus").toString(), "--output", out.toString(), "--master", "local[1, 2]",
        "--conf", "spark.sql.shuffle.partitions=abc", "--conf", "spark.ui.enabled=false");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip().lines().filter(l -> l.startsWith("nkwatch: error: "))).singleElement().asString()
        .contains("'abc'", "spark.sql.shuffle.partitions");
    assertThat(out).as("nothing written: no output folder left behind").doesNotExist();
  }

  @Test
  void noSparkMasterIsOneLine() {
    Result r = job("ingest", "--input", dir.resolve("corpus").toString(), "--output", out.toString());
    if (System.getProperty("spark.master") == null) {
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.line()).startsWith("nkwatch: error: no Spark master is set");
    }
  }

  @Test
  void aBadBenchmarkScaleNamesTheValue() {
    Result r = run("bench", "--scale", "1,0", "--data-root", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).isEqualTo("nkwatch: error: --scale must be at least 1, got 0");

    r = run("bench", "--scale", "1,8,1", "--data-root", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.line()).isEqualTo("nkwatch: error: --scale names a scale twice: [1, 8, 1]");

    r = run("bench", "--scale", "1,x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.line()).contains("'x'").endsWith("(see nkwatch bench --help)");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Result r = job("ingest", "--input", "nosuchfs://host/corpora/kcna", "--output", out.toString(), "--verbose");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("nkwatch: error: input 'nosuchfs://host/corpora/kcna'", "\tat org.nkwatch.");
  }
}
