package org.nkwatch.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nkwatch.cli.Main;
import org.nkwatch.spark.SampleCorpus;

/** Inputs for the cluster tests, copied outside the project so that no path can resolve against it. */
final class ClusterFixtures {
  /** The sample corpus's three folders, each one corpus. */
  static final List<String> CORPORA = List.of("state-media", "wire", "defector-reports");

  private ClusterFixtures() {
  }

  /** Copies the packaged sample corpus into {@code dir}/&lt;corpus&gt;/ and returns the folders. */
  static List<Path> sampleCorpus(Path dir) {
    SampleCorpus.extractTo(dir);
    List<Path> folders = new ArrayList<>();
    for (String corpus : CORPORA) {
      Path folder = dir.resolve(corpus);
      if (!Files.isDirectory(folder)) {
        throw new IllegalStateException("the sample corpus has no folder " + corpus);
      }
      folders.add(folder);
    }
    return folders;
  }

  /**
   * Copies the test gazetteer and taxonomy (src/test/resources/org/nkwatch/fixture-conf) to {@code dir}:
   * the runs name it with --conf-dir, which also shows that a driver-local conf folder reaches the
   * executors (it is read on the driver and broadcast).
   */
  static Path fixtureConf(Path dir) {
    URL url = ClusterFixtures.class.getResource("/org/nkwatch/fixture-conf");
    if (url == null) {
      throw new IllegalStateException("fixture conf missing from the test classpath");
    }
    try {
      copyTree(Path.of(url.toURI()), dir);
      return dir;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }

  /** {@code --input F} for each folder. */
  static List<String> inputArgs(List<?> folders) {
    List<String> args = new ArrayList<>();
    for (Object f : folders) {
      args.add("--input");
      args.add(f.toString());
    }
    return args;
  }

  /** What an in-process run of the CLI did. */
  record LocalRun(int exitCode, String output, Duration wallTime) {
  }

  /** Runs the CLI in this JVM (local mode comes from the arguments: --master local[2]). */
  static LocalRun runInProcess(List<String> args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    long started = System.nanoTime();
    int code = Main.run(capture, capture, args.toArray(String[]::new));
    return new LocalRun(code, bytes.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * The reference for the cluster tests: ingest, annotate and aggregate with the CLI in this JVM, local[2],
   * on {@code corpora} into {@code output}; fails on a non-zero exit. Returns each step's wall time.
   */
  static java.util.Map<String, Duration> localReferenceRun(List<Path> corpora, Path output) {
    java.util.Map<String, Duration> times = new java.util.LinkedHashMap<>();
    for (String step : List.of("ingest", "annotate", "aggregate")) {
      List<String> args = new ArrayList<>(List.of(step, "--master", "local[2]", "--conf", "spark.ui.enabled=false",
          "--output", output.toString()));
      if (step.equals("ingest")) {
        args.addAll(inputArgs(corpora));
      }
      LocalRun run = runInProcess(args);
      if (run.exitCode() != 0) {
        throw new AssertionError("local " + step + " exited with " + run.exitCode() + ":\n" + run.output());
      }
      times.put(step, run.wallTime());
    }
    return times;
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
