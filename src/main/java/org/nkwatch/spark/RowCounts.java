package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Row counts of several datasets in one Spark query. Each query has a fixed cost (planning, scheduling, a
 * task per partition: about a tenth of a second here) that on a small input is most of a step's time, and
 * the counts a step reports of its tables were a query each.
 */
final class RowCounts {
  private RowCounts() {
  }

  /** Rows of each dataset, by its label (0 for an empty one). */
  static Map<String, Long> of(Map<String, Dataset<Row>> labelled) {
    Map<String, Long> counts = new HashMap<>();
    for (Row r : by(labelled)) {
      counts.put(r.getString(0), r.getLong(1));
    }
    labelled.keySet().forEach(label -> counts.putIfAbsent(label, 0L));
    return counts;
  }

  /**
   * Rows of each dataset per value of the given columns (read as strings; the datasets must all have them):
   * rows of (label, column values..., count), in no particular order.
   */
  static List<Row> by(Map<String, Dataset<Row>> labelled, String... columns) {
    Dataset<Row> all = null;
    for (Map.Entry<String, Dataset<Row>> e : labelled.entrySet()) {
      List<Column> selected = new ArrayList<>();
      selected.add(lit(e.getKey()).as("counted"));
      for (String c : columns) {
        selected.add(col(c).cast("string").as(c));
      }
      Dataset<Row> rows = e.getValue().select(selected.toArray(Column[]::new));
      all = all == null ? rows : all.unionByName(rows);
    }
    if (all == null) {
      return List.of();
    }
    List<Column> keys = new ArrayList<>();
    keys.add(col("counted"));
    for (String c : columns) {
      keys.add(col(c));
    }
    Dataset<Row> counted = all.groupBy(keys.toArray(Column[]::new)).count();
    return QueryLabels.part(all.sparkSession(), "count " + String.join(", ", labelled.keySet()),
        counted::collectAsList);
  }
}
