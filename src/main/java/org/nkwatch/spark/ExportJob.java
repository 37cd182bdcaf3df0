package org.nkwatch.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Export: one table as one CSV or JSON Lines file, for people without Spark or a Parquet reader. */
public final class ExportJob {
  public static final List<String> FORMATS = List.of("csv", "jsonl");

  private ExportJob() {
  }

  public static Path run(SparkSession spark, String root, String table, String format, String destination) {
    if (!TableSchemas.ALL.contains(table)) {
      throw new IllegalArgumentException("unknown table '" + table + "' (known: " + TableSchemas.ALL + ")");
    }
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException("unknown export format '" + format + "' (expected csv or jsonl)");
    }
    Dataset<Row> data = new TableStore(spark, root, false).read(table);
    Path dir = new Path(destination);
    Path scratch = new Path(dir, "_" + table + "-export");
    Path target = new Path(dir, table + "." + format);
    // one file: coalesce to a single partition and sort so the export is stable
    String[] columns = data.columns();
    Dataset<Row> ordered = data.coalesce(1).sortWithinPartitions(columns[0],
        java.util.Arrays.copyOfRange(columns, 1, columns.length));
    if (format.equals("csv")) {
      ordered.write().mode(SaveMode.Overwrite).option("header", "true").option("escape", "\"")
          .csv(scratch.toString());
    } else {
      // every line has every column, null ones too: a reader of the export sees one shape of record
      ordered.write().mode(SaveMode.Overwrite).option("ignoreNullFields", "false").json(scratch.toString());
    }
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] parts = fs.globStatus(new Path(scratch, "part-*"));
      if (parts == null || parts.length != 1) {
        throw new IOException("expected one part file in " + scratch);
      }
      fs.delete(target, false);
      // locally, Hadoop's checksumming filesystem would move the part's checksum too, as a hidden .crc beside the
      // export that nothing reads; the raw filesystem moves the file alone (the checksum goes with the scratch)
      FileSystem mover = fs instanceof org.apache.hadoop.fs.ChecksumFileSystem checksummed
          ? checksummed.getRawFileSystem() : fs;
      if (!mover.rename(parts[0].getPath(), target)) {
        throw new IOException("cannot move the export to " + target);
      }
      fs.delete(scratch, true);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
