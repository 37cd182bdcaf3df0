package org.nkwatch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The nkwatch CLI in a JVM of its own, as {@code ./nkwatch} starts it: the flags Spark needs
 * ({@code target/classes/nkwatch/jvm-flags.txt}) and the classpath {@code target/nkwatch.jar} plus
 * {@code target/classpath.txt} (failsafe names it in the system property {@code nkwatch.classpathFile}),
 * both written by {@code mvn package}. Output goes to a log file. {@link #kill()} is {@code kill -9}
 * (the process and its descendants); {@link #close()} kills whatever is still alive, so a test that fails
 * leaves no process behind.
 */
public final class JobProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private JobProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts the CLI with {@code args}; SOURCE_DATE_EPOCH is unset, so the run's time is the clock's. */
  public static JobProcess start(Path log, String... args) throws IOException {
    return start(log, Map.of(), args);
  }

  /** As {@link #start(Path, String...)}, with {@code env} added to the environment. */
  public static JobProcess start(Path log, Map<String, String> env, String... args) throws IOException {
    Path target = Path.of("target").toAbsolutePath();
    Path flags = target.resolve("classes/nkwatch/jvm-flags.txt");
    Path classpathFile = Path.of(System.getProperty("nkwatch.classpathFile", target.resolve("classpath.txt").toString()));
    assertThat(flags).as("run mvn package first").exists();
    assertThat(classpathFile).as("run mvn package first").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(Files.readString(flags, StandardCharsets.UTF_8).trim().split("\\s+")));
    command.add("-Xmx1g");
    command.add("-Dlog4j2.configurationFile=" + Path.of("src/test/resources/log4j2-test.properties").toAbsolutePath());
    command.add("-cp");
    command.add(target.resolve("nkwatch.jar") + ":" + Files.readString(classpathFile, StandardCharsets.UTF_8).trim());
    command.add("org.nkwatch.cli.Main");
    command.addAll(List.of(args));
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().remove("SOURCE_DATE_EPOCH");
    builder.environment().putAll(env);
    return new JobProcess(builder.start(), log);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** Polls {@code condition} every 10 ms; fails if the process ends first or the time runs out. */
  public void awaitWhileAlive(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(process.isAlive()).as("the job ended before %s; exit %s; log:%n%s", what,
          process.isAlive() ? "-" : process.exitValue(), log()).isTrue();
      assertThat(System.nanoTime()).as("timed out waiting for %s; log:%n%s", what, log()).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  /** Waits for the job to end on its own and returns its exit code. */
  public int await(Duration timeout) throws InterruptedException {
    assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("job did not end; log:%n%s", log()).isTrue();
    return process.exitValue();
  }

  /** kill -9, the descendants first, and waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed job still alive").isTrue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
