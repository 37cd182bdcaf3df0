package org.nkwatch.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;

import java.sql.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nkwatch.schedule.PublicationWindow;

/**
 * The rows of the tables a run replaces: those published in its window (every row, undated ones too,
 * without one) that came from the files it read (every file, unless it is incremental) of its corpora (every
 * corpus, unless it was limited to some of a registry's). Rows outside the scope are kept as they are; the rows
 * the run makes are all inside it, so rerunning a scope replaces exactly what the previous run of it made: no
 * duplicates, no gaps.
 *
 * <p>Rejects have no date: a run replaces the rejects of the files it read, whatever its window.
 */
final class RunScope {
  /** A record's file: its locator without the record's place ("#row=3", "#line=3", "#index=3"). */
  private static final String RECORD_PLACE = "#(row|line|index)=[0-9]+$";

  private final PublicationWindow window;
  /** The files the run read, or null when it read every input (then every file's rows are in scope). */
  private final Set<String> filesRead;
  /**
   * The corpora the run is limited to, or null for every corpus. Only a run that read every file of them needs
   * this: the files an incremental run read are all of its corpora already.
   */
  private final Set<String> corpora;

  private RunScope(PublicationWindow window, Set<String> filesRead, Set<String> corpora) {
    this.window = window;
    this.filesRead = filesRead == null ? null : new TreeSet<>(filesRead);
    this.corpora = corpora == null ? null : new TreeSet<>(corpora);
  }

  /** A run that read every input: its window decides. */
  static RunScope everyFile(PublicationWindow window) {
    return new RunScope(window, null, null);
  }

  /** An incremental run: only rows from {@code filesRead} (new and changed files) are in scope. */
  static RunScope filesRead(PublicationWindow window, List<String> filesRead) {
    return new RunScope(window, Set.copyOf(filesRead), null);
  }

  /** This scope limited to the rows of {@code only} (a run over some of a registry's corpora); empty: unchanged. */
  RunScope ofCorpora(Set<String> only) {
    return only.isEmpty() || filesRead != null ? this : new RunScope(window, null, only);
  }

  PublicationWindow window() {
    return window;
  }

  /** Whether every row of every table is in scope: the tables are then written whole, as a full run always did. */
  boolean everything() {
    return window.isAll() && filesRead == null && corpora == null;
  }

  /** Whether the run read no file at all (an incremental run with nothing new): nothing is to be replaced. */
  boolean readsNoFile() {
    return filesRead != null && filesRead.isEmpty();
  }

  /** True for a publication date in the window (an undated row only when there is no window). */
  Column inWindow(Column published) {
    if (window.isAll()) {
      return lit(true);
    }
    Column in = published.isNotNull();
    if (window.since() != null) {
      in = in.and(published.geq(lit(Date.valueOf(window.since()))));
    }
    if (window.until() != null) {
      in = in.and(published.leq(lit(Date.valueOf(window.until()))));
    }
    return in;
  }

  /** Rows of a dated table (articles, duplicates) that the run replaces. */
  Dataset<Row> inScope(SparkSession spark, Dataset<Row> table) {
    return fromFilesRead(spark, table, true).filter(inWindow(col("published")));
  }

  /** Rows of a dated table the run keeps as they are: out of its window, or from files it did not read. */
  Dataset<Row> kept(SparkSession spark, Dataset<Row> table) {
    return fromFilesRead(spark, table, false).union(inFilesReadOutsideWindow(spark, table));
  }

  /** Rejects the run keeps: those of files it did not read. */
  Dataset<Row> keptRejects(SparkSession spark, Dataset<Row> rejects) {
    return fromFilesRead(spark, rejects, false);
  }

  /** Rejects the run made: those of the files it read. */
  Dataset<Row> rejectsInScope(SparkSession spark, Dataset<Row> rejects) {
    return fromFilesRead(spark, rejects, true);
  }

  private Dataset<Row> inFilesReadOutsideWindow(SparkSession spark, Dataset<Row> table) {
    if (window.isAll()) {
      return table.limit(0);
    }
    // inWindow is never null for a bounded window (an undated row is false), so not() keeps exactly the rest
    return fromFilesRead(spark, table, true).filter(not(inWindow(col("published"))));
  }

  /** Rows whose locator is (read = true) or is not (false) in a file the run read. */
  private Dataset<Row> fromFilesRead(SparkSession spark, Dataset<Row> table, boolean read) {
    if (filesRead == null && corpora != null) {
      // every file of the run's corpora was read, and none of another's
      Column ofRunsCorpora = col("corpus").isin(corpora.toArray());
      return table.filter(read ? ofRunsCorpora : not(ofRunsCorpora));
    }
    if (filesRead == null) {
      return read ? table : table.limit(0);
    }
    Dataset<Row> files = spark.createDataset(List.copyOf(filesRead), Encoders.STRING()).toDF("_file");
    Column fileOf = regexp_replace(col("locator"), RECORD_PLACE, "");
    // a broadcast join: the list of files can be long, the table longer
    return table.join(broadcast(files), fileOf.equalTo(col("_file")), read ? "left_semi" : "left_anti");
  }
}
