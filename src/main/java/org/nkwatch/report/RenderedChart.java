package org.nkwatch.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** A chart of a brief: its PNG file, and a sharper image of it for the PDF. */
record RenderedChart(ChartKind kind, Path png, BufferedImage printImage) {
}
