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

  /** How every query nkwatch names begins ({@link QueryLabels}). */
  private static final String NAMED = QueryLabels.PREFIX + " ";

  /** One query: its name as Spark shows it, and its wall time. */
  record Query(String name, double seconds) {
    /** The step the query ran in ("annotate" of "nkwatch annotate: write mentions"), or "other". */
    String step() {
      if (!name.startsWith(NAMED)) {
        return "other";
      }
      String rest = shortName();
      int end = rest.indexOf(':');
      return end < 0 ? rest : rest.substring(0, end);
    }

    /** The name without the common prefix: "annotate: write mentions". */
    String shortName() {
      return name.startsWith(NAMED) ? name.substring(NAMED.length()) : name;
    }
  }

  /** The summary's lines: the queries per step (in the order steps first ran), then the {@code longest} longest. */
  static List<String> summary(List<Query> queries, int longest) {
    List<String> lines = new ArrayList<>();
    Map<String, List<Query>> bySteps = new LinkedHashMap<>();
    for (Query q : queries) {
      bySteps.computeIfAbsent(q.step(), k -> new ArrayList<>()).add(q);
    }
    lines.add(String.format(Locale.ROOT, "queries per step (wall time summed; the brief's queries run %d at a time, "
        + "so theirs overlap):", ReportJob.QUERIES_AT_ONCE));
    bySteps.forEach((step, list) -> lines.add(String.format(Locale.ROOT, "  %-10s %3d queries %8.1f s", step,
        list.size(), list.stream().mapToDouble(Query::seconds).sum())));
    lines.add("the longest queries:");
    queries.stream().sorted(Comparator.comparingDouble(Query::seconds).reversed()).limit(longest)
        .forEach(q -> lines.add(String.format(Locale.ROOT, "  %6.1f s  %s", q.seconds(), q.shortName())));
    return lines;
  }
}
