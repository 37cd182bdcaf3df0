package org.nkwatch.report;

/**
 * Predictable output names: {@code <brief>_<start>_<end>.pdf} (or {@code <brief>_undated.pdf}) and, beside
 * it, {@code <brief>_<start>_<end>_<chart>.png}.
 */
public final class BriefFiles {
  private BriefFiles() {
  }

  /** "2025-01-01_2025-03-31", or "undated" when no article is dated. */
  public static String periodPart(BriefData data) {
    return data.period().map(DateWindow::toString).orElse("undated");
  }

  public static String pdfName(BriefDefinition def, BriefData data) {
    return def.name() + "_" + periodPart(data) + ".pdf";
  }

  public static String chartName(BriefDefinition def, BriefData data, ChartKind kind) {
    return def.name() + "_" + periodPart(data) + "_" + kind.key() + ".png";
  }
}
