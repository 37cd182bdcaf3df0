package org.nkwatch.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the Parquet tables with DuckDB: an independent reader, so the tables are checked outside Spark. */
public final class Duck implements AutoCloseable {
  private final Connection connection;
  private final Path tables;

  public Duck(Path outputRoot) throws SQLException {
    this.connection = DriverManager.getConnection("jdbc:duckdb:");
    this.tables = outputRoot.resolve("tables");
  }

  /** A FROM clause item for a table, with Hive partition columns. */
  public String table(String name) {
    return "read_parquet('" + tables.resolve(name) + "/**/*.parquet', hive_partitioning = true)";
  }

  public long count(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  public List<String> strings(String sql) throws SQLException {
    return rows(sql).stream().map(r -> String.valueOf(r.get(0))).toList();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
