package org.nkwatch.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * The entry point the Spark side calls: renders one brief (chart PNGs, the PDF) into a briefs folder and
 * records it in that folder's {@code manifest.json}.
 */
public final class Reporter {
  /** Bumped when the layout changes, so that a new layout never shares a document ID with an old one. */
  static final String LAYOUT_VERSION = "nkwatch-brief-1";
  /** Charts in the PDF are drawn at twice their PNG resolution so that they print sharply. */
  static final double PRINT_SCALE = 2.5;
  /**
   * Charts in the PDF are laid out 720 points wide, not 1000, so that once scaled to the text width their
   * 13 px labels still print at about 9 pt.
   */
  static final int PRINT_WIDTH = 720;
  static final int PRINT_HEIGHT = 403;

  private Reporter() {
  }

  /**
   * Renders the brief {@code def} over {@code data} into {@code outputDir} (created if needed), with the
   * fonts of this machine.
   *
   * @param generatedAt the time written into the PDF as its creation date; pass the time from
   *                    SOURCE_DATE_EPOCH when set, so that the same inputs give byte-identical files
   * @return the PDF, the chart PNGs and the manifest
   * @throws UncheckedIOException when a file cannot be written
   */
  public static RenderedBrief render(BriefData data, BriefDefinition def, Path outputDir, Instant generatedAt) {
    return render(data, def, outputDir, generatedAt, Fonts.system());
  }

  /** As {@link #render(BriefData, BriefDefinition, Path, Instant)}, with the given fonts. */
  public static RenderedBrief render(BriefData data, BriefDefinition def, Path outputDir, Instant generatedAt,
      Fonts fonts) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(def, "def");
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(generatedAt, "generatedAt");
    try {
      Files.createDirectories(outputDir);
      ChartRenderer renderer = new ChartRenderer(paletteFor(data), fonts);
      List<RenderedChart> charts = new ArrayList<>();
      for (ChartKind kind : def.charts()) {
        JFreeChart chart = renderer.chart(kind, data, def.topN());
        Path png = outputDir.resolve(BriefFiles.chartName(def, data, kind));
        ChartRenderer.writePng(
            renderer.image(chart, ChartRenderer.DEFAULT_WIDTH, ChartRenderer.DEFAULT_HEIGHT, 1), png);
        ChartRenderer.withoutTitles(chart); // the PDF's figure heading and caption say it
        BufferedImage print = renderer.image(chart, PRINT_WIDTH, PRINT_HEIGHT, PRINT_SCALE);
        charts.add(new RenderedChart(kind, png, print));
      }
      Path pdf = outputDir.resolve(BriefFiles.pdfName(def, data));
      new BriefWriter(fonts).write(data, def, charts, Findings.of(data), generatedAt,
          documentId(data, def, generatedAt, fonts, charts), pdf);
      Path manifest = BriefManifest.record(outputDir, entry(data, def, generatedAt, pdf, charts));
      return new RenderedBrief(pdf, charts.stream().map(RenderedChart::png).toList(), manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render brief '" + def.name() + "' into " + outputDir + ": "
          + e.getMessage(), e);
    }
  }

  /** One palette per brief, built from every series key in it, so each key has one colour in all its charts. */
  static Palette paletteFor(BriefData data) {
    List<String> keys = new ArrayList<>();
    data.sanctionTypesByCorpus().forEach(t -> keys.add(t.series()));
    data.organizationsBySanctionType().forEach(t -> keys.add(t.series()));
    data.sanctionEvents().forEach(e -> keys.add(e.sanctionType()));
    data.themesOverTime().forEach(p -> keys.add(p.series()));
    return Palette.forKeys(keys);
  }

  /**
   * The PDF's trailer ID: a hash of everything that decides its content (the data and definition, whose
   * record strings list every value, the time, the fonts and the chart images).
   */
  static byte[] documentId(BriefData data, BriefDefinition def, Instant generatedAt, Fonts fonts,
      List<RenderedChart> charts) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(LAYOUT_VERSION, data.toString(), def.toString(), generatedAt.toString(),
          fonts.describe())) {
        md.update(part.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      for (RenderedChart c : charts) {
        md.update(Files.readAllBytes(c.png()));
      }
      return Arrays.copyOf(md.digest(), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static BriefManifest.Entry entry(BriefData data, BriefDefinition def, Instant generatedAt, Path pdf,
      List<RenderedChart> charts) throws IOException {
    List<BriefManifest.Chart> chartEntries = new ArrayList<>();
    for (RenderedChart c : charts) {
      chartEntries.add(new BriefManifest.Chart(c.kind().key(), c.png().getFileName().toString(),
          BriefManifest.sha256(c.png())));
    }
    return new BriefManifest.Entry(def.name(), data.title(), pdf.getFileName().toString(),
        data.periodStart() == null ? null : data.periodStart().toString(),
        data.periodEnd() == null ? null : data.periodEnd().toString(),
        data.grain().key(), data.runId(), data.generatedAt().toString(), generatedAt.toString(),
        BriefManifest.sha256(pdf), Files.size(pdf), chartEntries);
  }
}
