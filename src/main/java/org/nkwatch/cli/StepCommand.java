package org.nkwatch.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.nkwatch.spark.JobOptions;
import org.nkwatch.spark.OutputLock;
import org.nkwatch.spark.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs steps of the pipeline in one SparkSession. */
abstract class StepCommand implements Callable<Integer> {
  @Mixin
  JobMixin job;

  @Spec
  CommandSpec spec;

  /** Whether the command reads corpora (and so needs --input or the sample). */
  abstract boolean ingests();

  abstract void steps(Pipeline pipeline);

  /** Whether the command annotates (and so needs a valid gazetteer and taxonomy). */
  boolean annotates() {
    return false;
  }

  /** Whether the command renders briefs (and so needs their definitions). */
  boolean reports() {
    return false;
  }

  /**
   * An option this command does nothing with, given on its command line: a mistake to say so of, not to ignore
   * (a report's --period would be recorded in its manifest and change nothing). A job file's keys are shared by
   * every step, so only the command line is checked.
   */
  private void rejectUnusedOptions() {
    List<String> corpora = List.of("--input", "--registry", "--data-root", "--corpus", "--incremental");
    List<String> window = List.of("--period", "--since", "--until");
    List<String> briefs = List.of("--brief", "--reports-dir");
    for (CommandLine.Model.OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
      String name = option.longestName();
      String usedBy = corpora.contains(name) && !ingests() ? "run and ingest"
          : window.contains(name) && !ingests() && !annotates() ? "run, ingest and annotate"
          : briefs.contains(name) && !reports() ? "run and report" : null;
      if (usedBy != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "'" + spec.name() + "' does not use " + name
            + " (" + usedBy + " do)");
      }
    }
  }

  @Override
  public Integer call() {
    rejectUnusedOptions();
    JobOptions options = job.resolve(ingests());
    // what a user can get wrong is checked before Spark starts: one line naming the value, in a second (a brief
    // misnamed is found before a run rewrites every table, not after)
    job.check(options, annotates(), reports());
    SparkSession spark = Pipeline.session(options);
    try (OutputLock lock = OutputLock.acquire(options.output(), options.runId(), options.startedAt(),
        spark.sparkContext().hadoopConfiguration())) {
      Pipeline pipeline = new Pipeline(spark, options, new PrintStream(System.out, true, StandardCharsets.UTF_8));
      steps(pipeline);
      pipeline.finish(spec.name());
    } finally {
      spark.stop();
    }
    return 0;
  }
}
