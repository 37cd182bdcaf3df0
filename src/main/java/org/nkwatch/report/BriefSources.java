package org.nkwatch.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jfree.chart.JFreeChart;

/**
 * What decides a brief's content, as one digest: the tables it reads, its definition, the configuration (gazetteer
 * and taxonomy), the font files, and the code that renders it (nkwatch's, PDFBox's, FontBox's and JFreeChart's jars,
 * Spark's version, the JVM's version and default locale). The {@link BriefLedger} records it with the brief; a brief
 * whose sources are as they were would come out the same but for the run that made it, and is kept rather than
 * rendered again.
 */
public final class BriefSources {
  /** The code a brief's content comes from: the jars or folders of these classes, whole. */
  private static final List<Class<?>> RENDERING_CODE = List.of(Reporter.class, PDDocument.class,
      org.apache.pdfbox.io.RandomAccessRead.class, org.apache.fontbox.ttf.TrueTypeFont.class, JFreeChart.class);

  private BriefSources() {
  }

  /**
   * The digest of a brief's sources.
   *
   * @param tables            a line per table the brief reads, with a digest of its files
   * @param configFingerprint the configuration's fingerprint
   * @param sparkVersion      the version of Spark that asks the brief's queries
   * @return null when the rendering code cannot be told apart from another build's (not loaded from local
   *     files, or not readable): such a brief is always rendered
   */
  public static String of(BriefDefinition def, String tables, String configFingerprint, Fonts fonts,
      String sparkVersion) {
    String code = Code.DIGEST;
    if (code == null) {
      return null;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(Reporter.LAYOUT_VERSION, code, def.toString(), tables, configFingerprint,
          fontFiles(fonts), sparkVersion, Runtime.version().toString(), java.util.Locale.getDefault().toString())) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The fonts, and each font file's size and modification time (a package upgrade keeps their names). */
  private static String fontFiles(Fonts fonts) {
    StringBuilder files = new StringBuilder(fonts.describe());
    for (java.util.Optional<java.nio.file.Path> file : List.of(fonts.regularFile(), fonts.boldFile())) {
      if (file.isPresent()) {
        java.io.File f = file.get().toFile();
        files.append('\n').append(f).append(' ').append(f.length()).append(' ').append(f.lastModified());
      }
    }
    return files.toString();
  }

  /** The rendering code's digest, worked out once per JVM; null when it cannot be. */
  private static final class Code {
    static final String DIGEST = digest();

    private static String digest() {
      try {
        return CodeDigest.ofClasses(RENDERING_CODE);
      } catch (java.io.UncheckedIOException e) {
        // not knowing the code only costs rendering every brief, never keeping one the code would change
        return null;
      }
    }
  }
}
