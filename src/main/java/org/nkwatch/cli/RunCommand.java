package org.nkwatch.cli;

import org.nkwatch.spark.Pipeline;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole job: ingest, annotate, aggregate, report.",
        "With no --input it runs on the sample corpus packaged with nkwatch and writes to ./out."})
final class RunCommand extends StepCommand {
  @Override
  boolean ingests() {
    return true;
  }

  @Override
  boolean annotates() {
    return true;
  }

  @Override
  boolean reports() {
    return true;
  }

  @Override
  void steps(Pipeline pipeline) {
    pipeline.ingest();
    pipeline.annotate();
    pipeline.aggregate();
    pipeline.report();
  }
}
