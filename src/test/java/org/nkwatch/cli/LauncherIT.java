package org.nkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./nkwatch} launcher, in a copy beside a copy of the built jar (the project's own archive is left
 * alone). Its class-data archive: a run stopped by a bad option or asked only for its help records none, a run
 * that succeeds records a whole one. Its code cache: C1-only compiling defaults to 48 MB, which a KCNA run
 * filled to 44 MB and a profiled one overflowed. Its garbage collector.
 */
class LauncherIT {
  /** A failed run's archive held about 2 MB of classes; a whole run's holds well over a hundred. */
  private static final long WHOLE_ARCHIVE_BYTES = 50L << 20;
  /** What the JVM prints at exit with -XX:+PrintCodeCache (one code heap: C1 only does not segment it). */
  private static final Pattern CODE_CACHE = Pattern.compile("CodeCache: size=(\\d+)Kb used=\\d+Kb max_used=(\\d+)Kb");

  @Test
  void onlyASuccessfulRunRecordsTheArchiveAndTheCodeCacheHasRoom(@TempDir Path home) throws Exception {
    Path target = install(home);
    Path archive = target.resolve("nkwatch.jsa");

    Launch bad = launch(home, null, "run", "--no-such-option");
    assertThat(bad.code()).as(bad.output()).isEqualTo(2);
    assertThat(bad.output()).contains("Unknown option: '--no-such-option'");
    assertThat(archive).doesNotExist();
    assertThat(archivesInTheMaking(target)).isEmpty();

    // help succeeds having loaded few classes: its 2 MB archive stayed and every later start went without one
    Launch help = launch(home, null, "run", "--help");
    assertThat(help.code()).as(help.output()).isZero();
    assertThat(help.output()).contains("Usage: nkwatch run");
    assertThat(archive).doesNotExist();
    assertThat(archivesInTheMaking(target)).isEmpty();

    Launch good = launch(home, "-XX:+PrintCodeCache",
        "run", "--output", home.resolve("out").toString(), "--master", "local[2]");
    assertThat(good.code()).as(good.output()).isZero();
    assertThat(Files.size(archive)).isGreaterThan(WHOLE_ARCHIVE_BYTES);
    assertThat(archivesInTheMaking(target)).isEmpty();

    // the sample run compiles less than a KCNA run: room for three times what it used
    Matcher codeCache = CODE_CACHE.matcher(good.output());
    assertThat(codeCache.find()).as(good.output()).isTrue();
    long reservedKb = Long.parseLong(codeCache.group(1));
    long mostUsedKb = Long.parseLong(codeCache.group(2));
    assertThat(mostUsedKb).as("code cache used, KB").isPositive();
    assertThat(reservedKb).as("code cache reserved, KB").isGreaterThan(3 * mostUsedKb);
  }

  @Test
  void runsTheParallelCollectorUnlessJdkJavaOptionsChoosesOne(@TempDir Path home) throws Exception {
    install(home);
    Launch chosen = launch(home, "-Xlog:gc", "--help");
    assertThat(chosen.code()).as(chosen.output()).isZero();
    assertThat(chosen.output()).contains("Using Parallel");
    // two collectors on one command line would stop the JVM at start
    Launch kept = launch(home, "-XX:+UseSerialGC -Xlog:gc", "--help");
    assertThat(kept.code()).as(kept.output()).isZero();
    assertThat(kept.output()).contains("Using Serial").doesNotContain("Using Parallel");
  }

  /**
   * Copies the launcher and what it runs into {@code home}, as a project checkout holds them after a build.
   *
   * @return its target folder
   */
  private static Path install(Path home) throws IOException {
    Path target = Files.createDirectories(home.resolve("target"));
    Files.createDirectories(target.resolve("classes/nkwatch"));
    Files.createDirectories(home.resolve("conf"));
    Path project = Path.of("").toAbsolutePath();
    Files.copy(project.resolve("conf/log4j2.properties"), home.resolve("conf/log4j2.properties"));
    Files.copy(project.resolve("target/classes/nkwatch/jvm-flags.txt"), target.resolve("classes/nkwatch/jvm-flags.txt"));
    Files.copy(project.resolve("target/classpath.txt"), target.resolve("classpath.txt"));
    Path launcher = home.resolve("nkwatch");
    Files.copy(project.resolve("nkwatch"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    // the jar last: the launcher rebuilds when anything it watches is newer than the jar
    Files.copy(project.resolve("target/nkwatch.jar"), target.resolve("nkwatch.jar"));
    return target;
  }

  private record Launch(int code, String output) {
  }

  /** Runs the launcher in {@code home}, with {@code jvmOptions} (or none) in JDK_JAVA_OPTIONS. */
  private static Launch launch(Path home, String jvmOptions, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash", home.resolve("nkwatch").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
    builder.environment().remove("NKWATCH_CDS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    if (jvmOptions != null) {
      builder.environment().put("JDK_JAVA_OPTIONS", jvmOptions);
    }
    Path log = Files.createTempFile(home, "launch", ".log");
    Process process = builder.redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the launcher finished").isTrue();
    return new Launch(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Archives being recorded are written beside the archive under a temporary name, then renamed. */
  private static List<Path> archivesInTheMaking(Path target) throws IOException {
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(f -> f.getFileName().toString().startsWith("nkwatch.jsa.")).toList();
    }
  }
}
