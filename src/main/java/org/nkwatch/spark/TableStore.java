package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.functions;

/**
 * Reads and writes the tables under {@code <output>/tables/}. A table is written to
 * {@code tables/_staging/<table>-<run>} first; only when Spark's job has committed (its {@code _SUCCESS}
 * is there) is the old table renamed to {@code tables/_retired/<table>-<run>} and the staging folder renamed
 * into place, and the retired copy deleted. So a crash mid-write leaves the previous table readable, and a
 * crash between the two renames leaves a swap half done, which {@link #repair} settles: the next write,
 * and every read of a store that owns the output (it holds the run lock), finish the swap when the staging
 * folder is complete and otherwise put the retired table back; leftovers are deleted once the table is
 * whole. Tables written together ({@link #writeAll}) are all staged before a marker listing them is written and
 * the first is swapped in: a crash between their swaps is finished by repair, so that none is left new beside
 * another still old.
 */
public final class TableStore {
  static final String STAGING = "_staging";
  static final String RETIRED = "_retired";
  static final String SUCCESS = "_SUCCESS";
  /**
   * Fault injection, for the test of a crash between two swaps: in a JVM with this system property set, a write
   * stops right after swapping in the table it names.
   */
  static final String STOP_AFTER_SWAP_PROPERTY = "nkwatch.test.stopAfterSwapOf";
  /** Names, with the run id, the marker of a several-table write that is swapping its tables in. */
  static final String SWAP_MARKER = "_swap-";
  /** How {@link #inAny} joins partition values into one key, and writes a null one. */
  private static final String KEY_SEPARATOR = "\u0001";
  private static final String NULL_IN_KEY = "\u0000";

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
      throw new InputException("table '" + table + "' does not exist under " + tablesDir
          + ": run the step that writes it first (ingest, annotate, aggregate)");
    }
    // the schema is given, not inferred: an empty table (no files) reads as zero rows
    return spark.read().schema(TableSchemas.of(table)).parquet(path(table).toString());
  }

  /** Writes {@code data} as {@code table}, partitioned Hive-style, a few files per partition. */
  public void write(String table, Dataset<Row> data, String runId) {
    writeAll(Map.of(table, data), runId, null);
  }

  /** As {@link #writeAll} for one table: only the {@code rewritten} partitions are written (null: all). */
  public void write(String table, Dataset<Row> data, String runId, Set<List<String>> rewritten) {
    writeAll(Map.of(table, data), runId, rewritten);
  }

  /**
   * Writes {@code data} as {@code table} with small text files beside its Parquet files, by name (each name
   * starting with "_", so that no Parquet reader takes it for data). They are in the staging folder before Spark
   * writes its {@code _SUCCESS}: a table swapped in, or finished by {@link #repair}, has them.
   */
  public void writeWithNotes(String table, Dataset<Row> data, String runId, Map<String, String> notes) {
    write(Map.of(table, data), runId, Map.of(), Map.of(table, notes));
  }

  /** The text of a note written with the table (see {@link #writeWithNotes}), null if none. */
  public String note(String table, String name) {
    try {
      Path file = new Path(path(table), name);
      FileSystem fs = fs();
      if (!exists(table) || !fs.exists(file)) {
        return null;
      }
      return readText(fs, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The table's rows, as its Parquet files' footers give them: no Spark query, whose fixed cost (planning, a
   * job, a task per file) is most of a small count's time. Zero for a table with no files.
   */
  public long rows(String table) {
    if (!exists(table)) {
      throw new InputException("table '" + table + "' does not exist under " + tablesDir
          + ": run the step that writes it first (ingest, annotate, aggregate)");
    }
    try {
      FileSystem fs = fs();
      long rows = 0;
      for (org.apache.hadoop.fs.FileStatus file : parquetFilesUnder(fs, path(table))) {
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
            org.apache.parquet.hadoop.util.HadoopInputFile.fromStatus(file, spark.sparkContext().hadoopConfiguration()))) {
          rows += reader.getRecordCount();
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("counting the rows of table " + table + ": " + e.getMessage(), e);
    }
  }

  /**
   * What the table holds now, as a short digest of its Parquet files' paths and sizes; "none" for a table that
   * does not exist. Any write changes it: Spark names every file it writes anew, and a partition copied as it
   * was keeps its files' names and bytes, so equal digests mean the same rows.
   */
  public String contentsDigest(String table) {
    if (!exists(table)) {
      return "none";
    }
    try {
      return digestOf(fs(), path(table));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A line per table, {@code table: digest} ({@link #contentsDigest}): equal only while none of them is written. */
  public String contentsDigests(List<String> tables) {
    StringBuilder lines = new StringBuilder();
    for (String table : tables) {
      lines.append(table).append(": ").append(contentsDigest(table)).append('\n');
    }
    return lines.toString();
  }

  /**
   * What each partition of the table holds now, digested as {@link #contentsDigest} digests the whole table, by
   * the partition's folder under the table ({@code corpus=kcna/year=2012}; {@link #partitionValues} reads its
   * values back). Empty for a table that does not exist.
   */
  public Map<String, String> partitionDigests(String table) {
    if (!exists(table)) {
      return Map.of();
    }
    try {
      // one listing of the table, its files grouped by partition folder (on an object store, one listing per prefix)
      FileSystem fs = fs();
      int depth = TableSchemas.partitionColumns(table).size();
      String root = fs.makeQualified(path(table)).toUri().getPath() + "/";
      Map<String, List<String>> files = new java.util.TreeMap<>();
      for (org.apache.hadoop.fs.FileStatus file : parquetFilesUnder(fs, path(table))) {
        String[] parts = file.getPath().toUri().getPath().substring(root.length()).split("/", depth + 1);
        if (parts.length > depth) {  // not an empty table's one file, at the table's root
          files.computeIfAbsent(String.join("/", java.util.Arrays.asList(parts).subList(0, depth)),
              folder -> new ArrayList<>()).add(parts[depth] + " " + file.getLen());
        }
      }
      Map<String, String> digests = new java.util.TreeMap<>();
      files.forEach((folder, inFolder) -> digests.put(folder, digest(inFolder)));
      return digests;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The partition values a folder under a table names ({@code corpus=kcna/year=2012}), null for a null value. */
  static List<String> partitionValues(String relative) {
    List<String> values = new ArrayList<>();
    for (String folder : relative.split("/")) {
      values.add(partitionValue(folder));
    }
    return values;
  }

  /** The value a partition folder's name gives ({@code year=2012}), unescaped; null for Spark's name of a null. */
  private static String partitionValue(String folder) {
    String value = ExternalCatalogUtils.unescapePathName(folder.substring(folder.indexOf('=') + 1));
    return ExternalCatalogUtils.DEFAULT_PARTITION_NAME().equals(value) ? null : value;
  }

  /** A short digest of the Parquet files under {@code dir}: their paths under it and their sizes. */
  private static String digestOf(FileSystem fs, Path dir) throws IOException {
    String root = fs.makeQualified(dir).toUri().getPath();
    List<String> files = new ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus file : parquetFilesUnder(fs, dir)) {
      files.add(file.getPath().toUri().getPath().substring(root.length()) + " " + file.getLen());
    }
    return digest(files);
  }

  /** A short digest of lines naming files and their sizes, in any order. */
  private static String digest(List<String> files) {
    List<String> sorted = new ArrayList<>(files);
    java.util.Collections.sort(sorted);
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (String f : sorted) {
        sha.update((f + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return sorted.size() + " files " + java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }


  /**
   * Writes several tables: each is staged in turn, and only once all are staged are they swapped into place, in
   * the same order. So every dataset may read any of the tables it replaces (an incremental annotate's mentions
   * and events read both old tables) without its rows being kept aside first: no file a plan reads is gone before
   * the last write ends. A crash leaves them all as they were or all as they became (see {@link #repair}).
   *
   * @param rewritten the partitions (values in {@link TableSchemas#partitionColumns} order, as strings, null for
   *                  a null value) whose rows may differ from the current table's; every other partition of the
   *                  current table is copied as it is, file by file, and {@code data}'s rows in it are left out.
   *                  Null: rewrite every partition.
   * @return per table, how many partitions were copied as they were
   */
  public Map<String, Integer> writeAll(Map<String, Dataset<Row>> tables, String runId, Set<List<String>> rewritten) {
    return writeAllWithNotes(tables, runId, rewritten, Map.of());
  }

  /** As {@link #writeAll}, with the same notes (see {@link #writeWithNotes}) beside each table. */
  public Map<String, Integer> writeAllWithNotes(Map<String, Dataset<Row>> tables, String runId,
      Set<List<String>> rewritten, Map<String, String> notes) {
    Map<String, Set<List<String>>> each = new java.util.HashMap<>();
    tables.keySet().forEach(table -> each.put(table, rewritten));
    Map<String, Map<String, String>> notesOf = new java.util.HashMap<>();
    tables.keySet().forEach(table -> notesOf.put(table, notes));
    return write(tables, runId, each, notesOf);
  }

  /** As {@link #writeAll}, with the partitions rewritten given per table (a table not in the map: all of them). */
  public Map<String, Integer> writeAllRewriting(Map<String, Dataset<Row>> tables, String runId,
      Map<String, Set<List<String>>> rewritten) {
    return write(tables, runId, rewritten, Map.of());
  }

  /** Stages each table (its rewritten partitions and notes by its name), then swaps them in together. */
  private Map<String, Integer> write(Map<String, Dataset<Row>> tables, String runId,
      Map<String, Set<List<String>>> rewritten, Map<String, Map<String, String>> notes) {
    try {
      FileSystem fs = fs();
      Map<String, Integer> copied = new LinkedHashMap<>();
      for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
        copied.put(t.getKey(), stage(fs, t.getKey(), t.getValue(), runId, rewritten.get(t.getKey()),
            notes.getOrDefault(t.getKey(), Map.of())));
      }
      // once every table is staged, a marker says so: a crash between two swaps is then finished by repair, not
      // left with one table new and the other old
      Path marker = tables.size() > 1 ? swapMarker(tablesDir, runId) : null;
      if (marker != null) {
        // written aside and renamed: a marker cut short by a crash would list some tables and not the others
        Path written = marker.suffix(".tmp");
        writeText(fs, written, String.join("\n", tables.keySet()));
        if (!fs.rename(written, marker)) {
          throw new IOException("cannot move " + written + " to " + marker);
        }
      }
      for (String table : tables.keySet()) {
        swapIn(fs, tablesDir, table, runId);
        if (table.equals(System.getProperty(STOP_AFTER_SWAP_PROPERTY))) {
          throw new IllegalStateException("stopped after swapping in " + table + " (" + STOP_AFTER_SWAP_PROPERTY + ")");
        }
      }
      if (marker != null) {
        fs.delete(marker, false);
      }
      return copied;
    } catch (IOException e) {
      throw new UncheckedIOException("writing table " + String.join(", ", tables.keySet()) + ": " + e.getMessage(), e);
    }
  }

  /** Writes the staging folder of {@code table}; returns how many partitions it copied from the current table. */
  private int stage(FileSystem fs, String table, Dataset<Row> data, String runId, Set<List<String>> rewritten,
      Map<String, String> notes) throws IOException {
    List<String> partitions = TableSchemas.partitionColumns(table);
    Column[] partitionCols = partitions.stream().map(functions::col).toArray(Column[]::new);
    for (String name : notes.keySet()) {
      if (!name.startsWith("_") || name.contains("/")) {
        throw new IllegalArgumentException("a note of table " + table + " is named _<name>, not " + name);
      }
    }
    Path staging = stagingFolder(tablesDir, table, runId);
    repair(fs, tablesDir, table);
    fs.delete(staging, true);
    Map<List<String>, String> unchanged = new LinkedHashMap<>();
    if (rewritten != null && fs.exists(path(table))) {
      partitionDirs(fs, path(table), partitions.size(), List.of(), "", unchanged);
      unchanged.keySet().removeAll(rewritten);
    }
    // notes and copies before Spark writes: its _SUCCESS, written last, marks the staging folder complete for repair
    for (Map.Entry<String, String> note : notes.entrySet()) {
      writeText(fs, new Path(staging, note.getKey()), note.getValue());
    }
    for (String relative : unchanged.values()) {
      Path into = new Path(staging, relative);
      for (org.apache.hadoop.fs.FileStatus file : fs.listStatus(new Path(path(table), relative), TableStore::isDataFile)) {
        FileUtil.copy(fs, file.getPath(), fs, new Path(into, file.getPath().getName()), false,
            spark.sparkContext().hadoopConfiguration());
      }
    }
    Dataset<Row> rows = unchanged.isEmpty() ? data : data.filter(not(inAny(partitions, unchanged.keySet())));
    // rebalanced, not repartitioned: adaptive execution splits a large (corpus, year) into several tasks and
    // files (a year of mentions was one task at x8, and one task per year on any cluster), merges small ones
    QueryLabels.part(spark, "write " + table, () -> {
      rows.hint("rebalance", (Object[]) partitionCols)
          .sortWithinPartitions(partitionCols)
          .write()
          .mode(SaveMode.Append)
          .partitionBy(partitions.toArray(String[]::new))
          .parquet(staging.toString());
      return null;
    });
    if (!hasDataFiles(fs, staging)) {
      // an empty table: one empty file that carries the schema, so that every Parquet reader sees zero rows. Spark
      // has written its _SUCCESS already: taken away until the file is there, so that it still comes last
      Path success = new Path(staging, SUCCESS);
      fs.delete(success, false);
      writeEmpty(data.schema(), new Path(staging, "part-00000-empty.parquet"));
      fs.create(success, true).close();
    }
    return unchanged.size();
  }

  /**
   * The leaf partition folders under {@code dir}, by their values (Hive-style names unescaped, null for Spark's
   * name of a null value), each with its path relative to the table's folder.
   */
  private static void partitionDirs(FileSystem fs, Path dir, int depth, List<String> values, String relative,
      Map<List<String>, String> found) throws IOException {
    if (values.size() == depth) {
      found.put(values, relative);
      return;
    }
    for (org.apache.hadoop.fs.FileStatus sub : fs.listStatus(dir)) {
      String name = sub.getPath().getName();
      if (!sub.isDirectory() || name.indexOf('=') < 0) {
        continue;
      }
      List<String> next = new ArrayList<>(values);
      next.add(partitionValue(name));
      partitionDirs(fs, sub.getPath(), depth, next, relative.isEmpty() ? name : relative + "/" + name, found);
    }
  }

  /** The partitions that rows of partition columns (in the table's order) fall in, named as writeAll names them. */
  static Set<List<String>> partitionsOf(Dataset<Row> partitionColumns) {
    Set<List<String>> found = new java.util.HashSet<>();
    for (Row r : partitionColumns.distinct().collectAsList()) {
      found.add(partitionOf(r, 0, r.length()));
    }
    return found;
  }

  /** The partition named by {@code count} columns of {@code r} from {@code from}: values as strings, null for null. */
  static List<String> partitionOf(Row r, int from, int count) {
    List<String> values = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) {
      values.add(r.isNullAt(i) ? null : String.valueOf(r.get(i)));
    }
    return values;
  }

  /**
   * Whether a row's partition is one of {@code partitionValues}: one flat IN over a key of the partition columns
   * (a partition filter, so Spark reads no file of the others), not a tree of comparisons as deep as there are
   * partitions.
   */
  private static Column inAny(List<String> columns, java.util.Collection<List<String>> partitionValues) {
    return inPartitions(columns.stream().map(functions::col).toList(), partitionValues);
  }

  /**
   * Whether a row's values of {@code columns} are one of {@code partitionValues} (as strings, null for null):
   * {@link #inAny} over expressions, such as the year of a date, rather than over partition columns.
   */
  static Column inPartitions(List<Column> columns, java.util.Collection<List<String>> partitionValues) {
    Column key = functions.concat_ws(KEY_SEPARATOR, columns.stream()
        .map(c -> functions.coalesce(c.cast("string"), lit(NULL_IN_KEY))).toArray(Column[]::new));
    return key.isin(partitionValues.stream().map(TableStore::key).toArray());
  }

  private static String key(List<String> values) {
    return String.join(KEY_SEPARATOR, values.stream().map(v -> v == null ? NULL_IN_KEY : v).toList());
  }

  private static boolean isDataFile(Path file) {
    String name = file.getName();
    return !name.startsWith(".") && !name.startsWith("_");
  }

  /** The marker of a writeAll whose tables are all staged and not yet all swapped in: their names, a line each. */
  private static Path swapMarker(Path tablesDir, String runId) {
    return new Path(new Path(tablesDir, STAGING), SWAP_MARKER + runId);
  }

  /**
   * Swaps in the staged tables of every writeAll that a crash stopped between its swaps (its marker is still
   * there): each listed table whose staging folder is complete; those already swapped in have none left.
   */
  private static void finishSwaps(FileSystem fs, Path tablesDir) throws IOException {
    Path stagingDir = new Path(tablesDir, STAGING);
    if (!fs.exists(stagingDir)) {
      return;
    }
    for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(stagingDir)) {
      String name = status.getPath().getName();
      if (!status.isFile() || !name.startsWith(SWAP_MARKER)) {
        continue;
      }
      if (name.endsWith(".tmp")) {
        // a marker not yet renamed: its write stopped before the first swap, so its tables stay as they were
        fs.delete(status.getPath(), false);
        continue;
      }
      String runId = name.substring(SWAP_MARKER.length());
      for (String table : readText(fs, status.getPath()).split("\n")) {
        if (!table.isBlank() && fs.exists(new Path(stagingFolder(tablesDir, table, runId), SUCCESS))) {
          swapIn(fs, tablesDir, table, runId);
        }
      }
      fs.delete(status.getPath(), false);
    }
  }

  private static void swapIn(FileSystem fs, Path tablesDir, String table, String runId) throws IOException {
    Path staging = stagingFolder(tablesDir, table, runId);
    Path target = new Path(tablesDir, table);
    Path retired = new Path(new Path(tablesDir, RETIRED), table + "-" + runId);
    fs.mkdirs(retired.getParent());
    if (fs.exists(target) && !fs.rename(target, retired)) {
      throw new IOException("cannot move " + target + " aside");
    }
    if (!fs.rename(staging, target)) {
      throw new IOException("cannot move " + staging + " to " + target);
    }
    fs.delete(retired, true);
  }

  /** Where a run stages its write of a table: {@code _staging/<table>-<run>}. */
  private static Path stagingFolder(Path tablesDir, String table, String runId) {
    return new Path(new Path(tablesDir, STAGING), table + "-" + runId);
  }

  private static String readText(FileSystem fs, Path file) throws IOException {
    try (java.io.InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static void writeText(FileSystem fs, Path file, String text) throws IOException {
    try (org.apache.hadoop.fs.FSDataOutputStream out = fs.create(file, true)) {
      out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /**
   * Settles what a crash left of earlier writes of {@code table}: with the table missing, the newest
   * complete staging folder (with {@code _SUCCESS}) is renamed into place, else the newest retired copy is
   * renamed back; with the table whole, leftover staging and retired folders of it are deleted. Call only
   * while holding the output's lock: it moves and deletes folders another run might be writing.
   */
  static Repair repair(FileSystem fs, Path tablesDir, String table) throws IOException {
    // first: a crash between the swaps of several tables left complete staging folders that are to go in, not
    // leftovers to delete
    finishSwaps(fs, tablesDir);
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
    for (org.apache.hadoop.fs.FileStatus file : parquetFilesUnder(fs, dir)) {
      count++;
      bytes += file.getLen();
    }
    return new ParquetFiles(count, bytes);
  }

  /**
   * The Parquet files under {@code dir} that a reader of the table reads: none under a folder or with a name
   * starting with "_" or "." (a job's {@code _temporary}, checksums), as Spark skips them.
   */
  private static List<org.apache.hadoop.fs.FileStatus> parquetFilesUnder(FileSystem fs, Path dir) throws IOException {
    String root = fs.makeQualified(dir).toUri().getPath();
    List<org.apache.hadoop.fs.FileStatus> found = new ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus file : FileListing.filesUnder(fs, dir)) {
      String relative = file.getPath().toUri().getPath().substring(root.length());
      boolean skipped = java.util.Arrays.stream(relative.split("/")).anyMatch(p -> p.startsWith("_") || p.startsWith("."));
      if (!skipped && file.getPath().getName().endsWith(".parquet")) {
        found.add(file);
      }
    }
    return found;
  }

  private FileSystem fs() throws IOException {
    return tablesDir.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
