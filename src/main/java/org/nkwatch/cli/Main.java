package org.nkwatch.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.nkwatch.config.ConfigException;
import org.nkwatch.spark.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The nkwatch command line: {@code main} exits with what {@link #run} returns, which is what tests call. */
@Command(name = "nkwatch", mixinStandardHelpOptions = true, version = "nkwatch 0.1.0",
    description = "Follow North Korea through its news: entities, themes and sanctions from corpora of "
        + "articles to Parquet tables, charts and PDF briefs.",
    subcommands = {RunCommand.class, IngestCommand.class, AnnotateCommand.class, AggregateCommand.class,
        ReportCommand.class, ExportCommand.class, BenchCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the command line and returns the exit code: 0 done, 1 failed, 2 bad usage. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    // a bad command line: one line naming the offending value and where to look, not the whole usage
    cli.setParameterExceptionHandler((e, arguments) -> {
      CommandLine where = e.getCommandLine();
      // picocli words a bad option value "Value for option option '--conf' ..."
      where.getErr().println("nkwatch: error: " + message(e).replace("option option '", "option '") + " (see " + where.getCommandSpec().qualifiedName()
          + " --help)");
      return 2;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = parseResult.hasMatchedOption("--verbose")
          || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
      commandLine.getErr().println("nkwatch: error: " + message(e));
      if (verbose) {
        e.printStackTrace(commandLine.getErr());
      } else if (!isUserError(e)) {
        commandLine.getErr().println("(run again with --verbose for the stack trace)");
      }
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, ingest, annotate, "
        + "aggregate, report, export); see nkwatch --help");
  }

  private static boolean isUserError(Throwable e) {
    return e instanceof InputException || e instanceof ConfigException || e instanceof IllegalArgumentException;
  }

  /** "Error while instantiating '...':": a message that only announces its cause, which says what went wrong. */
  private static boolean introducesCause(Throwable t) {
    return t.getMessage() != null && t.getMessage().strip().endsWith(":");
  }

  private static String message(Throwable e) {
    Throwable t = e;
    // Spark wraps task failures: the first cause with our own message is the one worth reading (and a
    // user error's own message, which names the file and line, not the parser's cause under it)
    while (t.getCause() != null && (!isUserError(t) || introducesCause(t))) {
      t = t.getCause();
    }
    String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    return message.lines().findFirst().orElse(message);
  }
}
