package org.nkwatch.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.nkwatch.cli.Main;

/** Runs the CLI in this JVM as ./nkwatch would, capturing what the job prints. */
public final class CliRun {
  /** The exit code and what the job printed on standard output. */
  public record Result(int code, String log) {
  }

  private CliRun() {
  }

  /**
   * Writes, in {@code dir}, a job file for a test's small input: few shuffle partitions, no web UI, no brief
   * (briefs are tested elsewhere). Returns its path, for {@code --job}.
   */
  public static java.nio.file.Path smallJobFile(java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path jobFile = dir.resolve("job.yaml");
    java.nio.file.Files.writeString(jobFile, """
        briefs: []
        spark-conf:
          spark.ui.enabled: false
          spark.sql.shuffle.partitions: 4
        """, StandardCharsets.UTF_8);
    return jobFile;
  }

  /**
   * {@code command} with the small job file of {@link #smallJobFile} (written in {@code dir}), {@code --output out}
   * and local[2], then {@code extra}; the command must succeed (an AssertionError gives its log otherwise).
   */
  public static Result succeeded(java.nio.file.Path dir, String command, java.nio.file.Path out, String... extra)
      throws java.io.IOException {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command, "--job",
        smallJobFile(dir).toString(), "--output", out.toString(), "--master", "local[2]"));
    args.addAll(java.util.List.of(extra));
    Result result = run(args.toArray(String[]::new));
    if (result.code() != 0) {
      throw new AssertionError(command + " exited with " + result.code() + "; log:\n" + result.log());
    }
    return result;
  }

  public static Result run(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(System.out, System.err, args);
    } finally {
      System.setOut(previous);
    }
    String log = stdout.toString(StandardCharsets.UTF_8);
    System.out.println(log);
    return new Result(code, log);
  }
}
