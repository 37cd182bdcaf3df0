package org.nkwatch.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A simple table: a header row repeated on every page it spans, striped rows, wrapped cells. A cell holds
 * at most {@value #MAX_CELL_LINES} lines (the last ends in an ellipsis), so one huge value cannot make a row
 * taller than a page.
 */
final class PdfTable {
  static final int MAX_CELL_LINES = 6;
  private static final float PAD_X = 4;
  private static final float PAD_Y = 3.5f;
  private static final Color HEADER_FILL = new Color(0xE6EBF1);
  private static final Color STRIPE = new Color(0xF6F8FA);
  private static final Color LINE = new Color(0xC9D1DA);

  /** A column: its header, its share of the width, and whether numbers align right. */
  record Column(String header, float weight, boolean right) {
  }

  private final List<Column> columns;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<Boolean> emphasised = new ArrayList<>();

  PdfTable(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  PdfTable row(List<String> cells) {
    return add(cells, false);
  }

  /** A row in bold, e.g. totals. */
  PdfTable totalRow(List<String> cells) {
    return add(cells, true);
  }

  private PdfTable add(List<String> cells, boolean bold) {
    if (cells.size() != columns.size()) {
      throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + columns.size() + " columns");
    }
    rows.add(List.copyOf(cells));
    emphasised.add(bold);
    return this;
  }

  void draw(PdfCanvas c, TextStyle body, TextStyle header) throws IOException {
    float[] widths = widths(c.contentWidth());
    List<List<String>> headerCells = wrapRow(c, columns.stream().map(Column::header).toList(), header, widths);
    float headerHeight = height(headerCells, header);
    // keep the header with at least its first row
    float firstRow = rows.isEmpty() ? 0 : height(wrapRow(c, rows.get(0), body, widths), body);
    c.ensure(headerHeight + firstRow);
    drawHeader(c, headerCells, header, widths, headerHeight);
    for (int r = 0; r < rows.size(); r++) {
      TextStyle style = emphasised.get(r) ? new TextStyle(c.fonts.bold, body.size(), body.colour(), body.leading()) : body;
      List<List<String>> cells = wrapRow(c, rows.get(r), style, widths);
      float h = height(cells, style);
      if (c.y() - h < PdfCanvas.BOTTOM) {
        c.newPage();
        drawHeader(c, headerCells, header, widths, headerHeight);
      }
      if (r % 2 == 1) {
        c.fillRect(PdfCanvas.LEFT, c.y() - h, c.contentWidth(), h, STRIPE);
      }
      drawCells(c, cells, style, widths);
      c.gap(h);
    }
    c.rule(LINE, 0.6f);
  }

  private void drawHeader(PdfCanvas c, List<List<String>> cells, TextStyle style, float[] widths, float h)
      throws IOException {
    c.fillRect(PdfCanvas.LEFT, c.y() - h, c.contentWidth(), h, HEADER_FILL);
    drawCells(c, cells, style, widths);
    c.gap(h);
  }

  private void drawCells(PdfCanvas c, List<List<String>> cells, TextStyle style, float[] widths) throws IOException {
    float x = PdfCanvas.LEFT;
    for (int col = 0; col < columns.size(); col++) {
      float baseline = c.y() - PAD_Y - style.size();
      for (String line : cells.get(col)) {
        c.drawAligned(line, style, x + PAD_X, widths[col] - 2 * PAD_X, baseline, columns.get(col).right());
        baseline -= style.leading();
      }
      x += widths[col];
    }
  }

  private List<List<String>> wrapRow(PdfCanvas c, List<String> cells, TextStyle style, float[] widths) {
    List<List<String>> out = new ArrayList<>();
    for (int col = 0; col < cells.size(); col++) {
      List<String> lines = c.wrap(cells.get(col), style, widths[col] - 2 * PAD_X);
      if (lines.size() > MAX_CELL_LINES) {
        lines = new ArrayList<>(lines.subList(0, MAX_CELL_LINES));
        String last = lines.get(MAX_CELL_LINES - 1);
        String cut = last.substring(0, last.offsetByCodePoints(0, Math.max(0, last.codePointCount(0, last.length()) - 2)));
        lines.set(MAX_CELL_LINES - 1, cut + "\u2026");
      }
      out.add(lines);
    }
    return out;
  }

  private static float height(List<List<String>> cells, TextStyle style) {
    int lines = Math.max(1, cells.stream().mapToInt(List::size).max().orElse(1));
    return lines * style.leading() + 2 * PAD_Y - (style.leading() - style.size()) + 2;
  }

  private float[] widths(float total) {
    float sum = 0;
    for (Column col : columns) {
      sum += col.weight();
    }
    float[] w = new float[columns.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = total * columns.get(i).weight() / sum;
    }
    return w;
  }
}
