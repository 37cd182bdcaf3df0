package org.nkwatch.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the project's tab-separated config files: one header line, '#' comments, blank lines ignored.
 * Errors name the file and line.
 */
public final class Tsv {
  private Tsv() {
  }

  /** One data row: its line number and its values by column name. */
  public record Row(String file, int line, Map<String, String> values) {
    public String get(String column) {
      return values.getOrDefault(column, "").trim();
    }

    public String required(String column) {
      String value = get(column);
      if (value.isEmpty()) {
        throw new ConfigException(file + ":" + line + ": column '" + column + "' is empty");
      }
      return value;
    }

    /** A ';'-separated list column. */
    public List<String> list(String column) {
      String value = get(column);
      if (value.isEmpty()) {
        return List.of();
      }
      return Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
  }

  /**
   * @param requiredColumns columns the header must have
   * @param knownColumns    every column the caller reads or allows, the required ones too: any other is
   *                        most likely a misspelt one ("alias"), whose values would be dropped unseen
   */
  public static List<Row> parse(String file, String text, List<String> requiredColumns, List<String> knownColumns) {
    List<Row> rows = new ArrayList<>();
    String[] header = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (header == null) {
        header = Arrays.stream(cells).map(c -> c.trim().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        List<String> present = Arrays.asList(header);
        for (String column : present) {
          // an empty name is a spreadsheet's trailing tab, not a column
          if (!column.isEmpty() && !knownColumns.contains(column)) {
            throw new ConfigException(file + ":" + (i + 1) + ": unknown column '" + column + "' (expected one of "
                + knownColumns + ")");
          }
        }
        for (String required : requiredColumns) {
          if (!present.contains(required)) {
            throw new ConfigException(file + ":" + (i + 1) + ": header lacks column '" + required + "' (has " + present + ")");
          }
        }
        continue;
      }
      if (cells.length > header.length) {
        throw new ConfigException(file + ":" + (i + 1) + ": " + cells.length + " fields, the header has " + header.length);
      }
      Map<String, String> values = new HashMap<>();
      for (int c = 0; c < cells.length; c++) {
        values.put(header[c], cells[c]);
      }
      rows.add(new Row(file, i + 1, values));
    }
    if (header == null) {
      throw new ConfigException(file + ": no header line");
    }
    return rows;
  }
}
