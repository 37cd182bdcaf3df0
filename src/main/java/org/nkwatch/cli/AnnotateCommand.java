package org.nkwatch.cli;

import org.nkwatch.spark.Pipeline;
import picocli.CommandLine.Command;

@Command(name = "annotate", mixinStandardHelpOptions = true,
    description = "Find entities, themes and sanction types in the articles table: writes mentions and sanction_events.")
final class AnnotateCommand extends StepCommand {
  @Override
  boolean ingests() {
    return false;
  }

  @Override
  boolean annotates() {
    return true;
  }

  @Override
  void steps(Pipeline pipeline) {
    pipeline.annotate();
  }
}
