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
