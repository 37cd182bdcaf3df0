package org.nkwatch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a table holds, independent of how it was split into files: its rows read with DuckDB (not Spark),
 * each row rendered as {@code column=value} in column-name order, sorted, and hashed.
 *
 * @param rows   the rendered rows, sorted (kept for a readable difference when two digests disagree)
 * @param sha256 the hash of the sorted rows
 */
record TableDigest(String table, List<String> rows, String sha256) {

  long count() {
    return rows.size();
  }

  @Override
  public String toString() {
    return table + "[" + rows.size() + " rows, " + sha256.substring(0, 12) + "]";
  }

  /** Digests of every table under {@code <outputRoot>/tables/}, by name. */
  static Map<String, TableDigest> ofTables(Path outputRoot, List<String> tables) {
    Map<String, TableDigest> digests = new LinkedHashMap<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String table : tables) {
        digests.put(table, of(duck, table, outputRoot.resolve("tables").resolve(table)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB cannot read the tables under " + outputRoot + ": " + e.getMessage(), e);
    }
    return digests;
  }

  private static TableDigest of(Connection duck, String table, Path dir) throws SQLException {
    if (!Files.isRegularFile(dir.resolve("_SUCCESS"))) {
      throw new AssertionError("table " + table + " was not written (no " + dir.resolve("_SUCCESS") + ")");
    }
    List<String> files = parquetFiles(dir);
    List<String> rows = new ArrayList<>();
    if (!files.isEmpty()) {
      String list = files.stream().map(f -> "'" + f.replace("'", "''") + "'").collect(Collectors.joining(", "));
      String sql = "SELECT * FROM read_parquet([" + list + "], hive_partitioning = true, union_by_name = true)";
      try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        ResultSetMetaData meta = rs.getMetaData();
        TreeMap<String, Integer> columns = new TreeMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.put(meta.getColumnName(i), i);
        }
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (Map.Entry<String, Integer> c : columns.entrySet()) {
            row.append(c.getKey()).append('=').append(rs.getString(c.getValue())).append('\u0001');
          }
          rows.add(row.toString());
        }
      }
    }
    rows.sort(null);
    return new TableDigest(table, List.copyOf(rows), sha256(rows));
  }

  /** Data files of a table, not Spark's bookkeeping (_SUCCESS, .crc, _temporary). */
  private static List<String> parquetFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> hiddenBelow(dir, p).isEmpty())
          .map(Path::toString).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.Optional<Path> hiddenBelow(Path dir, Path file) {
    for (Path part : dir.relativize(file)) {
      String name = part.toString();
      if (name.startsWith("_") || name.startsWith(".")) {
        return java.util.Optional.of(part);
      }
    }
    return java.util.Optional.empty();
  }

  /** Rows in one digest and not in the other, a few of each, for an assertion message. */
  static String difference(TableDigest a, TableDigest b, int limit) {
    TreeSet<String> onlyA = new TreeSet<>(a.rows());
    b.rows().forEach(onlyA::remove);
    TreeSet<String> onlyB = new TreeSet<>(b.rows());
    a.rows().forEach(onlyB::remove);
    return a.table() + ": " + a.count() + " vs " + b.count() + " rows; only in the first "
        + onlyA.stream().limit(limit).map(TableDigest::shorten).toList() + "; only in the second "
        + onlyB.stream().limit(limit).map(TableDigest::shorten).toList();
  }

  private static String shorten(String row) {
    String r = row.replace('\u0001', '|');
    return r.length() > 400 ? r.substring(0, 400) + "..." : r;
  }

  private static String sha256(List<String> rows) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String row : rows) {
        digest.update(row.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
