package org.nkwatch.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nkwatch.testing.Duck;

/**
 * A table's content, independent of how Spark split it into files: every row read with DuckDB (an
 * independent Parquet reader), rendered as text, sorted, and hashed. Two runs that give the same rows give
 * the same checksum.
 */
public final class TableChecksums {
  static final List<String> TABLES = List.of("articles", "duplicates", "rejects", "mentions", "sanction_events", "counts");

  private TableChecksums() {
  }

  /** "rows:sha256" for each table of {@link #TABLES} present under {@code out/tables}; "missing" otherwise. */
  public static Map<String, String> of(Path out) throws Exception {
    Map<String, String> sums = new TreeMap<>();
    try (Duck duck = new Duck(out)) {
      for (String table : TABLES) {
        if (!Files.exists(out.resolve("tables").resolve(table).resolve("_SUCCESS"))) {
          sums.put(table, "missing");
          continue;
        }
        sums.put(table, ofQuery(duck, "SELECT * FROM " + duck.table(table)));
      }
    }
    return sums;
  }

  /** "rows:sha256" of the rows a query returns, rendered as text and sorted. */
  public static String ofQuery(Duck duck, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    for (List<Object> row : duck.rows(sql)) {
      rows.add(row.toString());
    }
    rows.sort(null);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String r : rows) {
      sha.update(r.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return rows.size() + ":" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }
}
