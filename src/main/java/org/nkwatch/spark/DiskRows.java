package org.nkwatch.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * A step's rows kept on the executors' local disks for the several queries that read them, as Spark's own
 * binary rows. A persisted Dataset (Spark's cache) would first rebuild them as compressed column batches and
 * back into rows for each reader: worth it for a table read a column at a time, not for rows written once
 * and read whole a few times.
 */
final class DiskRows {
  private DiskRows() {
  }

  /** {@code data}, computed once by the first query that reads it and from disk by later ones. */
  static Dataset<Row> keep(Dataset<Row> data) {
    return data.localCheckpoint(false, StorageLevel.DISK_ONLY());
  }

  /** Deletes what {@link #keep} stored (a no-op for a dataset it did not make). */
  static void release(Dataset<Row> kept) {
    LogicalPlan plan = kept.queryExecution().analyzed();
    if (plan instanceof LogicalRDD rows) {
      rows.rdd().unpersist(false);
    }
  }
}
