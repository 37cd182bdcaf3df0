package org.nkwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.cli.Main;
import org.nkwatch.testing.JobProcess;

/**
 * Crash safety, with the job as a separate JVM killed with {@code kill -9}:
 * <ol>
 *   <li>a complete run on corpus X gives the tables of X (in this JVM);</li>
 *   <li>more stories are added (X+Y) and an ingest is started in a JVM of its own, with an extra corpus
 *       that is a named pipe, so that it holds the output's lock, blocked, for as long as the test needs:
 *       a second run on the same output refuses, naming the holder's pid and start time;</li>
 *   <li>the pipe is fed, and the ingest is killed the moment its first table write begins
 *       ({@code tables/_staging/articles-*} appears): every table still reads (with DuckDB) exactly as X's
 *       run left it, no partial table is visible, and the lock is left behind, stale;</li>
 *   <li>an ingest of X+Y takes the stale lock over and finishes;</li>
 *   <li>an annotate is started and killed while it annotates (its {@code mentions} staging folder has
 *       appeared, without {@code _SUCCESS}): mentions, events and counts still read as X's;</li>
 *   <li>annotate and aggregate are run again: every table equals, row for row, that of an uninterrupted
 *       run on X+Y into another output root.</li>
 * </ol>
 */
class CrashSafetyIT {
  private static final Duration STEP = Duration.ofMinutes(4);
  private static Path root;
  private static Path corpus;
  private static final List<JobProcess> processes = new ArrayList<>();

  @BeforeAll
  static void corpus() throws IOException {
    root = Files.createTempDirectory("nkwatch-crash");
    corpus = root.resolve("corpora/news");
    for (int i = 0; i < 3; i++) {
      HostileCorpus.writeStories(corpus.resolve("part-" + i + ".jsonl"), 600, 1000 + i);
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    for (JobProcess p : processes) {
      p.close();
    }
    if (root != null) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private record Result(int code, String out, String err) {
  }

  /** One command through {@link Main#run} in this JVM, local[2], with the test gazetteer and taxonomy. */
  private static Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(common());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = Main.run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
    } finally {
      System.setOut(previous);
    }
    Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.out.println(String.join(" ", args) + " -> " + code + "\n" + r.out() + r.err());
    return r;
  }

  private static List<String> common() {
    return List.of("--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf-dir",
        Path.of("src/test/resources/org/nkwatch/fixture-conf").toAbsolutePath().toString());
  }

  private static JobProcess launch(String name, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(common());
    JobProcess p = JobProcess.start(root.resolve("logs").resolve(name + ".log"), all.toArray(String[]::new));
    processes.add(p);
    return p;
  }

  private static void completeRun(Path out) {
    assertThat(run("ingest", "--input", corpus.toString(), "--output", out.toString()).code()).isZero();
    assertThat(run("annotate", "--output", out.toString()).code()).isZero();
    assertThat(run("aggregate", "--output", out.toString()).code()).isZero();
  }

  /** A folder {@code tables/_staging/<table>-*} exists; {@code committed}: and it has {@code _SUCCESS}. */
  private static List<Path> staging(Path out, String table) {
    Path dir = out.resolve("tables/_staging");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(table + "-run-")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Properties lockHolder(Path out) {
    try {
      return lock(out);
    } catch (IOException e) {
      return new Properties();
    }
  }

  private static Properties lock(Path out) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newInputStream(out.resolve("_nkwatch.lock"))) {
      p.load(in);
    }
    return p;
  }

  /** Writes to a named pipe from another thread: opening it blocks until the job opens it for reading. */
  private static void feed(Path pipe, String text) throws InterruptedException {
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(pipe)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, "pipe-feeder");
    writer.setDaemon(true);
    writer.start();
    writer.join(STEP.toMillis());
    assertThat(writer.isAlive()).as("the job never opened the pipe").isFalse();
  }

  @Test
  void killedRunsLeaveThePreviousTablesAndTheNextRunEqualsAnUninterruptedOne() throws Exception {
    assumeTrue(new ProcessBuilder("mkfifo", "--version").start().waitFor() == 0, "mkfifo is needed");
    Path out = root.resolve("out");

    // 1. a complete run on X
    completeRun(out);
    Map<String, String> tablesOfX = TableChecksums.of(out);
    assertThat(tablesOfX.values()).doesNotContain("missing");

    // 2. X+Y, and an ingest that blocks on a named pipe while holding the lock
    HostileCorpus.writeStories(corpus.resolve("part-3.jsonl"), 600, 2000);
    Path pipe = root.resolve("corpora/slow/feed.jsonl");
    Files.createDirectories(pipe.getParent());
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor()).isZero();
    JobProcess ingest = launch("ingest-killed", "ingest", "--input", corpus.toString(), "--input",
        pipe.getParent().toString(), "--output", out.toString());
    ingest.awaitWhileAlive("the lock", STEP, () -> lockHolder(out).containsKey("pid"));
    Properties holder = lock(out);
    assertThat(holder.getProperty("pid")).isEqualTo(Long.toString(ingest.pid()));

    Result refused = run("aggregate", "--output", out.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err().strip().lines()).hasSize(1);
    assertThat(refused.err()).startsWith("nkwatch: error: output " + out + " is in use by run " + holder.getProperty("run"))
        .contains("pid " + ingest.pid(), "started " + holder.getProperty("started"), "_nkwatch.lock")
        .doesNotContain("Exception", "\tat ");

    // 3. feed the pipe; kill -9 as soon as the first table write begins
    feed(pipe, HostileCorpus.jsonLine("A story fed through a pipe, about coal and the army.", null) + "\n");
    ingest.awaitWhileAlive("the articles write", STEP, () -> !staging(out, "articles").isEmpty());
    ingest.kill();
    assertThat(staging(out, "articles")).as("killed mid-write").allSatisfy(p ->
        assertThat(p.resolve("_SUCCESS")).doesNotExist());
    assertThat(TableChecksums.of(out)).as("tables after the killed ingest").isEqualTo(tablesOfX);
    assertThat(out.resolve("tables/articles/_SUCCESS")).exists();
    assertThat(lock(out).getProperty("pid")).as("stale lock left").isEqualTo(Long.toString(ingest.pid()));
    Files.delete(pipe);

    // 4. the next ingest takes the stale lock over and finishes
    Result next = run("ingest", "--input", corpus.toString(), "--output", out.toString());
    assertThat(next.code()).as(next.err()).isZero();
    assertThat(next.out()).contains("news: 2400 records read = ");
    assertThat(staging(out, "articles")).as("leftover staging folders deleted").isEmpty();
    assertThat(out.resolve("_nkwatch.lock")).doesNotExist();

    // 5. an annotate killed while it annotates
    JobProcess annotate = launch("annotate-killed", "annotate", "--output", out.toString());
    annotate.awaitWhileAlive("the mentions write", STEP, () -> !staging(out, "mentions").isEmpty());
    annotate.kill();
    assertThat(staging(out, "mentions")).as("killed mid-annotate").allSatisfy(p ->
        assertThat(p.resolve("_SUCCESS")).doesNotExist());
    Map<String, String> afterKill = TableChecksums.of(out);
    for (String table : List.of("mentions", "sanction_events", "counts")) {
      assertThat(afterKill.get(table)).as("%s after the killed annotate", table).isEqualTo(tablesOfX.get(table));
    }
    assertThat(afterKill.get("articles")).isNotEqualTo(tablesOfX.get("articles"));

    // 6. finish, and compare with an uninterrupted run on X+Y
    assertThat(run("annotate", "--output", out.toString()).code()).isZero();
    assertThat(run("aggregate", "--output", out.toString()).code()).isZero();
    Path clean = root.resolve("clean");
    completeRun(clean);
    Map<String, String> expected = TableChecksums.of(clean);
    assertThat(expected.values()).doesNotContain("missing");
    assertThat(TableChecksums.of(out)).isEqualTo(expected);
    try (Stream<Path> leftovers = Stream.concat(Files.list(out.resolve("tables/_staging")),
        Files.list(out.resolve("tables/_retired")))) {
      assertThat(leftovers.toList()).as("no staging or retired folder left").isEmpty();
    }
  }
}
