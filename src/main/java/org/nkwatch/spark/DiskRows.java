package org.nkwatch.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * A step's rows kept on the executors' local disks for the several queries that read them.
 *
 * <p>In local mode they are kept as Spark's own binary rows (a local checkpoint): a persisted Dataset (Spark's
 * cache) first rebuilds them as compressed column batches and back into rows for each reader, worth it for a
 * table read a column at a time, not for rows written once and read whole a few times (x1 and x8 about 4%
 * quicker). On a cluster they stay a persisted Dataset: a local checkpoint forgets how its rows were made, so
 * the rows on an executor that is lost could not be made again, and the run would fail where a persisted
 * Dataset's are recomputed (README, "A worker lost mid-job"). In local mode the executors are the driver's
 * JVM: losing them ends the run anyway.
 */
final class DiskRows {
  private DiskRows() {
  }

  /** {@code data}, computed once by the first query that reads it and from disk by later ones. */
  static Dataset<Row> keep(Dataset<Row> data) {
    return keep(data, data.sparkSession().sparkContext().isLocal());
  }

  static Dataset<Row> keep(Dataset<Row> data, boolean local) {
    return local
        ? QueryLabels.part(data.sparkSession(), "plan the rows kept on disk",
            () -> data.localCheckpoint(false, StorageLevel.DISK_ONLY()))
        : data.persist(StorageLevel.DISK_ONLY());
  }

  /** Deletes what {@link #keep} stored (a no-op for a dataset it did not keep). */
  static void release(Dataset<Row> kept) {
    kept.unpersist();
    LogicalPlan plan = kept.queryExecution().analyzed();
    if (plan instanceof LogicalRDD rows && rows.rdd().getStorageLevel().useDisk()) {
      rows.rdd().unpersist(false);
    }
  }
}
