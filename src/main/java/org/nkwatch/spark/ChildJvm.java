package org.nkwatch.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A JVM of its own for a benchmark's part, started as this one was (same java, JVM flags, classpath), so that
 * it starts as cold as a run does: the baseline's runs, and each scale of a benchmark over several scales.
 */
final class ChildJvm {
  private ChildJvm() {
  }

  /** The command line that runs {@code mainClass} with {@code args} in a JVM started as this one was. */
  static List<String> command(String mainClass, String master, List<String> args) {
    return command(ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()),
        ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"), mainClass,
        master, args);
  }

  /**
   * The child's command line: this JVM's flags, less those that must not run twice (a flight recording or a
   * class-data archive recorded into the parent's file, a debugger's port, an agent), and with {@code master}
   * as its Spark master (null: this JVM's, if it was given one as a flag).
   */
  static List<String> command(String java, List<String> jvmArgs, String classpath, String mainClass, String master,
      List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    for (String a : jvmArgs) {
      if (a.startsWith("-XX:StartFlightRecording") || a.startsWith("-XX:FlightRecorderOptions")
          || a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-agentlib") || a.startsWith("-javaagent")
          || a.startsWith("-agentpath") || a.startsWith("-Xrunjdwp")
          || master != null && a.startsWith("-Dspark.master=")) {
        continue;
      }
      command.add(a);
    }
    if (master != null) {
      command.add("-Dspark.master=" + master);
    }
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /**
   * Runs {@code command}, handing each line it prints on its standard output to {@code eachLine} as it
   * comes; its standard error goes to {@code log}. Returns its exit status.
   */
  static int run(List<String> command, Path log, Consumer<String> eachLine) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    // its flags are on the command line already: JDK_JAVA_OPTIONS would add them a second time
    builder.environment().remove("JDK_JAVA_OPTIONS");
    try {
      Process child = builder.start();
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          eachLine.accept(line);
        }
      }
      return child.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a JVM: " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for a JVM of " + command, e);
    }
  }

  /**
   * What a child JVM's timed run prints for its parent, on a line of its own: {@code tag}, wall and CPU seconds,
   * peak heap bytes, then any counts of what it made.
   */
  static String runLine(String tag, Benchmark.Step step, long... counts) {
    StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%s %.3f %.3f %d", tag, step.seconds(),
        step.cpuSeconds(), step.peakHeapBytes()));
    for (long c : counts) {
      line.append(' ').append(c);
    }
    return line.toString();
  }

  /** A timed run as its {@link #runLine} gave it. */
  record TimedRun(double seconds, double cpuSeconds, long peakHeapBytes, List<Long> counts) {
    Benchmark.Step step(String name, long documents, long bytes) {
      return new Benchmark.Step(name, seconds, cpuSeconds, documents, bytes, peakHeapBytes);
    }

    /** The run a line gives, if it is a {@link #runLine} of {@code tag} with {@code counts} counts; else null. */
    static TimedRun parse(String tag, int counts, String line) {
      String[] f = line.trim().split(" ");
      if (f.length != 4 + counts || !f[0].equals(tag)) {
        return null;
      }
      List<Long> made = new ArrayList<>();
      for (int i = 4; i < f.length; i++) {
        made.add(Long.parseLong(f[i]));
      }
      return new TimedRun(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]), made);
    }
  }

  /**
   * Runs {@code mainClass} cold in a new JVM started as this one was, with {@code args}, and returns the one
   * timed run it printed as its {@link #runLine} of {@code tag}. Its standard error goes to {@code log}.
   */
  static TimedRun timedRun(String mainClass, String tag, int counts, String master, List<String> args, Path log) {
    List<TimedRun> runs = new ArrayList<>();
    int status = run(command(mainClass, master, args), log, line -> {
      TimedRun r = TimedRun.parse(tag, counts, line);
      if (r != null) {
        runs.add(r);
      }
    });
    if (status != 0 || runs.size() != 1) {
      throw new IllegalStateException("the JVM of " + mainClass + " exited with status " + status + " and "
          + runs.size() + " timed runs; its log: " + log + "\n" + tail(log));
    }
    return runs.get(0);
  }

  /** The last lines of a child's log, for an error message. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
