package org.nkwatch.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A chart of a brief: its PNG file, and a sharper image of it (without title, which the PDF's figure heading
 * gives) for the PDF.
 */
public record RenderedChart(ChartKind kind, Path png, BufferedImage printImage) {
}
