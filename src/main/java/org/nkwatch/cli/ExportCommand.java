package org.nkwatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.nkwatch.spark.ExportJob;
import org.nkwatch.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write one table as a single CSV or JSON Lines file, for people without Spark.")
final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TABLE",
      description = "articles, rejects, duplicates, mentions, sanction_events or counts.")
  String table;

  @Option(names = "--output", paramLabel = "DIR", required = true, description = "Folder to write TABLE.csv or TABLE.jsonl into.")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv or jsonl. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--from", paramLabel = "DIR", defaultValue = "out", description = "The run's output root. Default: ${DEFAULT-VALUE}.")
  String from;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: what spark-submit or ./nkwatch sets.")
  String master;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
  boolean verbose;

  @Override
  public Integer call() {
    if (!org.nkwatch.spark.TableSchemas.ALL.contains(table)) {
      throw new IllegalArgumentException("unknown table '" + table + "' (known: " + org.nkwatch.spark.TableSchemas.ALL + ")");
    }
    if (!ExportJob.FORMATS.contains(format)) {
      throw new IllegalArgumentException("unknown export format '" + format + "' (expected csv or jsonl)");
    }
    Map<String, String> conf = new LinkedHashMap<>();
    if (master != null) {
      conf.put("spark.master", master);
    }
    SparkSession spark = SparkSessions.create("nkwatch-export", conf);
    try {
      System.out.println("export  " + ExportJob.run(spark, from, table, format, output));
    } finally {
      spark.stop();
    }
    return 0;
  }
}
