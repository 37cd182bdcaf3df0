package org.nkwatch.cli;

import org.nkwatch.spark.Pipeline;
import picocli.CommandLine.Command;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read corpora into the articles, duplicates and rejects tables, and print the account of records.")
final class IngestCommand extends StepCommand {
  @Override
  boolean ingests() {
    return true;
  }

  @Override
  void steps(Pipeline pipeline) {
    pipeline.ingest();
  }
}
