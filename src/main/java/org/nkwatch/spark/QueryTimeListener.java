package org.nkwatch.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;

/**
 * Collects the SQL queries Spark runs while it is registered, with their names and wall times, for
 * {@link QueryTimes}. Only top-level queries count: a query Spark runs inside another (its root) is part of
 * that one's time. Events arrive on Spark's listener bus thread, a little after the fact.
 */
final class QueryTimeListener extends SparkListener {
  private record Started(String name, long startMillis) {
  }

  private final Map<Long, Started> running = new LinkedHashMap<>();
  private final List<QueryTimes.Query> finished = new ArrayList<>();

  @Override
  public synchronized void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof SparkListenerSQLExecutionStart start) {
      long root = (Long) start.rootExecutionId().getOrElse(start::executionId);
      if (root == start.executionId()) {
        running.put(start.executionId(), new Started(start.description(), start.time()));
      }
    } else if (event instanceof SparkListenerSQLExecutionEnd end) {
      Started started = running.remove(end.executionId());
      if (started != null) {
        finished.add(new QueryTimes.Query(started.name(), (end.time() - started.startMillis()) / 1000.0));
      }
      notifyAll();
    }
  }

  /**
   * The queries that ended, once every query that started has ended (the bus delivers their ends a little
   * after they return), or after {@code timeoutMillis} with those that had.
   */
  synchronized List<QueryTimes.Query> queries(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    try {
      while (!running.isEmpty() && System.currentTimeMillis() < deadline) {
        wait(Math.max(1, deadline - System.currentTimeMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.copyOf(finished);
  }
}
