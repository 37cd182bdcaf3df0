package org.nkwatch.cli;

import org.nkwatch.spark.Pipeline;
import picocli.CommandLine.Command;

@Command(name = "aggregate", mixinStandardHelpOptions = true,
    description = "Count mentions per corpus, period, kind and key: writes the counts table.")
final class AggregateCommand extends StepCommand {
  @Override
  boolean ingests() {
    return false;
  }

  @Override
  void steps(Pipeline pipeline) {
    pipeline.aggregate();
  }
}
