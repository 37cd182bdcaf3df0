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
 * Reads and writes the tables under {@code <output>/tables/}. A table is written to
 * {@code tables/_staging/<table>-<run>} first; only when Spark's job has committed (its {@code _SUCCESS}
 * is there) is the old table renamed to {@code tables/_retired/<table>-<run>} and the staging folder renamed
 * into place, and the retired copy deleted. So a crash mid-write leaves the previous table readable, and a
 * crash between the two renames leaves a swap half done, which {@link #repair} settles: the next write,
 * and every read of a store that owns the output (it holds the run lock), finish the swap when the staging
 * folder is complete and otherwise put the retired table back; leftovers are deleted once the table is
 * whole.
 */
public final class TableStore {
  static final String STAGING = "_staging";
  static final String RETIRED = "_retired";
  static final String SUCCESS = "_SUCCESS";

  /** What {@link #repair} did to one table. */
  enum Repair {
    /** nothing was left over */
    NONE,
    /** the table was whole; leftover staging or retired folders were deleted */
    CLEANED,
    /** the table was missing and a complete staging folder was renamed into place */
    FINISHED_SWAP,
    /** the table was missing and its retired copy was renamed back */
    RESTORED
  }

  private final SparkSession spark;
  private final Path tablesDir;
  private final boolean owner;

  /** A store that reads and writes, for a run that holds the output's lock: reads repair half-done swaps. */
  public TableStore(SparkSession spark, String outputRoot) {
    this(spark, outputRoot, true);
  }

  /**
   * @param owner whether this store holds the output's lock; a store that does not (an export) never moves
   *              or deletes anything when it reads
   */
  public TableStore(SparkSession spark, String outputRoot, boolean owner) {
    this.spark = spark;
    this.tablesDir = new Path(outputRoot, "tables");
    this.owner = owner;
  }

  /** The session the store reads and writes with. */
  SparkSession spark() {
    return spark;
  }

  public Path path(String table) {
    return new Path(tablesDir, table);
  }

  public boolean exists(String table) {
    try {
      if (owner) {
        repair(fs(), tablesDir, table);
      }
      return fs().exists(new Path(path(table), SUCCESS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table's Parquet files (none when it has none): how much a step that reads it whole has to read. */
  ParquetFiles files(String table) {
    try {
      Path dir = path(table);
      FileSystem fs = fs();
      return fs.exists(dir) ? parquetFiles(fs, dir) : new ParquetFiles(0, 0);
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
    Path staging = new Path(new Path(tablesDir, STAGING), table + "-" + runId);
    Path target = path(table);
    Path retired = new Path(new Path(tablesDir, RETIRED), table + "-" + runId);
    try {
      FileSystem fs = fs();
      repair(fs, tablesDir, table);
      fs.delete(staging, true);
      // rebalanced, not repartitioned: adaptive execution splits a large (corpus, year) into several tasks and
      // files (a year of mentions was one task at x8, and one task per year on any cluster), merges small ones
      QueryLabels.part(spark, "write " + table, () -> {
        data.hint("rebalance", (Object[]) partitionCols)
            .sortWithinPartitions(partitionCols)
            .write()
            .mode(SaveMode.Overwrite)
            .partitionBy(partitions.toArray(String[]::new))
            .parquet(staging.toString());
        return null;
      });
      if (!hasDataFiles(fs, staging)) {
        // an empty table: one empty file that carries the schema, so that every Parquet reader sees zero rows
        writeEmpty(data.schema(), new Path(staging, "part-00000-empty.parquet"));
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

  /**
   * Settles what a crash left of earlier writes of {@code table}: with the table missing, the newest
   * complete staging folder (with {@code _SUCCESS}) is renamed into place, else the newest retired copy is
   * renamed back; with the table whole, leftover staging and retired folders of it are deleted. Call only
   * while holding the output's lock: it moves and deletes folders another run might be writing.
   */
  static Repair repair(FileSystem fs, Path tablesDir, String table) throws IOException {
    Path target = new Path(tablesDir, table);
    List<Path> staged = leftovers(fs, new Path(tablesDir, STAGING), table);
    List<Path> retired = leftovers(fs, new Path(tablesDir, RETIRED), table);
    if (staged.isEmpty() && retired.isEmpty()) {
      return Repair.NONE;
    }
    Repair done = Repair.CLEANED;
    if (!fs.exists(target)) {
      Path complete = null;
      for (Path p : staged) {
        if (fs.exists(new Path(p, SUCCESS))) {
          complete = p;       // the newest complete one wins: leftovers sort by run id
        }
      }
      Path from = complete != null ? complete : retired.isEmpty() ? null : retired.get(retired.size() - 1);
      if (from != null) {
        fs.mkdirs(tablesDir);
        if (!fs.rename(from, target)) {
          throw new IOException("cannot move " + from + " back to " + target);
        }
        done = complete != null ? Repair.FINISHED_SWAP : Repair.RESTORED;
      }
    }
    for (Path p : staged) {
      fs.delete(p, true);
    }
    for (Path p : retired) {
      fs.delete(p, true);
    }
    return done;
  }

  /** {@code <table>-<run>} folders under {@code dir}, oldest run first. */
  private static List<Path> leftovers(FileSystem fs, Path dir, String table) throws IOException {
    if (!fs.exists(dir)) {
      return List.of();
    }
    java.util.List<Path> found = new java.util.ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(dir)) {
      String name = status.getPath().getName();
      if (status.isDirectory() && name.startsWith(table + "-") && name.substring(table.length() + 1).startsWith("run-")) {
        found.add(status.getPath());
      }
    }
    found.sort(java.util.Comparator.comparing(Path::getName));
    return found;
  }

  /**
   * A Parquet file of no rows with the table's schema, written directly: as a Spark write of an empty
   * dataset it was a query of its own for each empty table (a tenth of a second each on a small run).
   */
  private void writeEmpty(org.apache.spark.sql.types.StructType schema, Path file) throws IOException {
    org.apache.parquet.schema.MessageType parquetSchema =
        new org.apache.spark.sql.execution.datasources.parquet.SparkToParquetSchemaConverter(
            spark.sessionState().conf()).convert(schema);
    org.apache.parquet.hadoop.ParquetFileWriter writer = new org.apache.parquet.hadoop.ParquetFileWriter(
        spark.sparkContext().hadoopConfiguration(), parquetSchema, file,
        org.apache.parquet.hadoop.ParquetFileWriter.Mode.OVERWRITE);
    writer.start();
    // Spark reads its own schema (types Parquet cannot say exactly) from this key of the footer
    writer.end(java.util.Map.of("org.apache.spark.sql.parquet.row.metadata", schema.json()));
  }

  private static boolean hasDataFiles(FileSystem fs, Path dir) throws IOException {
    return parquetFiles(fs, dir).count() > 0;
  }

  /** How many Parquet files a folder holds, at any depth, and their bytes. */
  record ParquetFiles(int count, long bytes) {
  }

  private static ParquetFiles parquetFiles(FileSystem fs, Path dir) throws IOException {
    int count = 0;
    long bytes = 0;
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(dir, true);
    while (files.hasNext()) {
      org.apache.hadoop.fs.LocatedFileStatus file = files.next();
      if (file.getPath().getName().endsWith(".parquet")) {
        count++;
        bytes += file.getLen();
      }
    }
    return new ParquetFiles(count, bytes);
  }

  private FileSystem fs() throws IOException {
    return tablesDir.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
