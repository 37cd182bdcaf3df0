package org.nkwatch.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads and writes the tables under {@code <output>/tables/}. A table is written to a staging folder
 * first and swapped into place only when Spark's job has committed, so a crash mid-write leaves the
 * previous table readable; a leftover staging folder is removed by the next write.
 */
public final class TableStore {
  private final SparkSession spark;
  private final Path tablesDir;

  public TableStore(SparkSession spark, String outputRoot) {
    this.spark = spark;
    this.tablesDir = new Path(outputRoot, "tables");
  }

  public Path path(String table) {
    return new Path(tablesDir, table);
  }

  public boolean exists(String table) {
    try {
      return fs().exists(new Path(path(table), "_SUCCESS"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Dataset<Row> read(String table) {
    if (!exists(table)) {
      throw new IllegalStateException("table '" + table + "' does not exist under " + tablesDir
          + ": run the step that writes it first (ingest, annotate, aggregate)");
    }
    // the schema is given, not inferred: an empty table (no files) reads as zero rows
    return spark.read().schema(TableSchemas.of(table)).parquet(path(table).toString());
  }

  /** Writes {@code data} as {@code table}, partitioned Hive-style, a few files per partition. */
  public void write(String table, Dataset<Row> data, String runId) {
    List<String> partitions = TableSchemas.partitionColumns(table);
    Column[] partitionCols = partitions.stream().map(functions::col).toArray(Column[]::new);
    Path staging = new Path(new Path(tablesDir, "_staging"), table + "-" + runId);
    Path target = path(table);
    Path retired = new Path(new Path(tablesDir, "_retired"), table + "-" + runId);
    try {
      FileSystem fs = fs();
      fs.delete(staging, true);
      data.repartition(partitionCols)
          .sortWithinPartitions(partitionCols)
          .write()
          .mode(SaveMode.Overwrite)
          .partitionBy(partitions.toArray(String[]::new))
          .parquet(staging.toString());
      if (!hasDataFiles(fs, staging)) {
        // an empty table: one empty file that carries the schema, so that every Parquet reader sees zero rows
        spark.createDataFrame(List.of(), data.schema()).coalesce(1).write().mode(SaveMode.Overwrite)
            .parquet(staging.toString());
      }
      fs.mkdirs(retired.getParent());
      if (fs.exists(target) && !fs.rename(target, retired)) {
        throw new IOException("cannot move " + target + " aside");
      }
      if (!fs.rename(staging, target)) {
        throw new IOException("cannot move " + staging + " to " + target);
      }
      fs.delete(retired, true);
    } catch (IOException e) {
      throw new UncheckedIOException("writing table " + table + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasDataFiles(FileSystem fs, Path dir) throws IOException {
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(dir, true);
    while (files.hasNext()) {
      if (files.next().getPath().getName().endsWith(".parquet")) {
        return true;
      }
    }
    return false;
  }

  private FileSystem fs() throws IOException {
    return tablesDir.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
