package org.nkwatch.cli;

import org.nkwatch.spark.Pipeline;
import picocli.CommandLine.Command;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Render charts (PNG) and PDF briefs from the tables into <output>/briefs.")
final class ReportCommand extends StepCommand {
  @Override
  boolean ingests() {
    return false;
  }

  @Override
  boolean reports() {
    return true;
  }

  @Override
  void steps(Pipeline pipeline) {
    pipeline.report();
  }
}
