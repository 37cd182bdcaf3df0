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
