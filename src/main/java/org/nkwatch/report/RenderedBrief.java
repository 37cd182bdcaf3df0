package org.nkwatch.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Reporter#render} wrote.
 *
 * @param pdf      the brief
 * @param charts   the chart PNGs, in the order of the definition
 * @param manifest the manifest that now lists the brief
 */
public record RenderedBrief(Path pdf, List<Path> charts, Path manifest) {

  public RenderedBrief {
    charts = List.copyOf(charts);
  }

  /** Every file written: the PDF, the charts, the manifest. */
  public List<Path> all() {
    List<Path> out = new ArrayList<>();
    out.add(pdf);
    out.addAll(charts);
    out.add(manifest);
    return List.copyOf(out);
  }
}
