package org.nkwatch.spark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Report: reads the tables and renders the briefs the run asks for. */
public final class ReportJob {
  private ReportJob() {
  }

  public static List<Path> run(SparkSession spark, TableStore store, JobOptions options, PrintStream log) {
    throw new UnsupportedOperationException("report: not yet");
  }
}
