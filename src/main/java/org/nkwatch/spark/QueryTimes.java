package org.nkwatch.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a run's time went, query by query: the queries' names ({@link QueryLabels}: "nkwatch annotate: write
 * mentions") and wall times, summed per step and the longest listed. Spark-free: {@link QueryTimeListener}
 * collects the queries from Spark's listener bus.
 */
final class QueryTimes {
  private QueryTimes() {
  }

  /** One query: its name as Spark shows it, and its wall time. */
  record Query(String name, double seconds) {
    /** The step the query ran in ("annotate" of "nkwatch annotate: write mentions"), or "other". */
    String step() {
      String prefix = QueryLabels.PREFIX + " ";
      if (!name.startsWith(prefix)) {
        return "other";
      }
      int end = name.indexOf(':', prefix.length());
      return name.substring(prefix.length(), end < 0 ? name.length() : end);
    }

    /** The name without the common prefix: "annotate: write mentions". */
    String shortName() {
      String prefix = QueryLabels.PREFIX + " ";
      return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }
  }

  /** The summary's lines: the queries per step (in the order steps first ran), then the {@code longest} longest. */
  static List<String> summary(List<Query> queries, int longest) {
    List<String> lines = new ArrayList<>();
    Map<String, List<Query>> bySteps = new LinkedHashMap<>();
    for (Query q : queries) {
      bySteps.computeIfAbsent(q.step(), k -> new ArrayList<>()).add(q);
    }
    lines.add("queries per step (wall time summed; the brief's queries run three at a time, so theirs overlap):");
    bySteps.forEach((step, list) -> lines.add(String.format(Locale.ROOT, "  %-10s %3d queries %8.1f s", step,
        list.size(), list.stream().mapToDouble(Query::seconds).sum())));
    lines.add("the longest queries:");
    queries.stream().sorted(Comparator.comparingDouble(Query::seconds).reversed()).limit(longest)
        .forEach(q -> lines.add(String.format(Locale.ROOT, "  %6.1f s  %s", q.seconds(), q.shortName())));
    return lines;
  }
}
