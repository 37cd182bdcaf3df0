package org.nkwatch.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The TrueType fonts briefs and charts are set in, found at run time (font files are third-party assets:
 * the project never commits them).
 *
 * <p>Order: the file named by the system property {@value #PROPERTY} or the environment variable
 * {@value #ENV}; then a Hangul-capable font (Nanum Gothic from Debian's fonts-nanum, or any *.ttf under the
 * search roots whose cmap has '김' U+AE40); then a Latin font (DejaVu Sans from fonts-dejavu-core, or any
 * *.ttf found). With no TrueType font at all, PDFs fall back to Standard 14 Helvetica and WinAnsi text, and
 * charts to Java's logical SansSerif font: the brief is still written.
 */
public final class Fonts {
  public static final String PROPERTY = "nkwatch.font";
  public static final String ENV = "NKWATCH_FONT";
  static final List<Path> SEARCH_ROOTS = List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"));
  static final List<Path> KNOWN_HANGUL = List.of(
      Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
      Path.of("/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf"));
  static final List<Path> KNOWN_LATIN = List.of(
      Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
  private static final int HANGUL_PROBE = 0xAE40; // '김'
  private static final int MAX_FILES_SCANNED = 2000;
  private static volatile Fonts system;

  private final Path regular;
  private final Path bold;
  private final boolean hangul;
  private final ConcurrentHashMap<Integer, Font> awtFonts = new ConcurrentHashMap<>();

  private Fonts(Path regular, Path bold, boolean hangul) {
    this.regular = regular;
    this.bold = bold;
    this.hangul = hangul;
  }

  /** The fonts of this machine, resolved once per JVM. */
  public static Fonts system() {
    Fonts f = system;
    if (f == null) {
      synchronized (Fonts.class) {
        if (system == null) {
          String configured = System.getProperty(PROPERTY, System.getenv(ENV));
          system = resolve(Optional.ofNullable(configured).filter(s -> !s.isBlank()).map(Path::of), SEARCH_ROOTS);
        }
        f = system;
      }
    }
    return f;
  }

  /** Resolves fonts from an optional configured file, then the known paths, then the search roots. */
  public static Fonts resolve(Optional<Path> configured, List<Path> searchRoots) {
    if (configured.isPresent()) {
      Path file = configured.get();
      if (isUsableTtf(file)) {
        return new Fonts(file, boldSibling(file).orElse(file), covers(file, HANGUL_PROBE));
      }
      System.err.println("nkwatch: font " + file + " (from " + PROPERTY + "/" + ENV
          + ") is not a readable TrueType font; searching the system fonts instead");
    }
    // the known paths first: scanning every font file is only needed on machines without them
    Optional<Path> hangulFont = firstMatch(KNOWN_HANGUL, searchRoots, true)
        .or(() -> scan(searchRoots).stream().filter(p -> isUsableTtf(p) && covers(p, HANGUL_PROBE)).findFirst());
    if (hangulFont.isPresent()) {
      Path r = hangulFont.get();
      return new Fonts(r, boldSibling(r).orElse(r), true);
    }
    Optional<Path> latin = firstMatch(KNOWN_LATIN, searchRoots, false)
        .or(() -> scan(searchRoots).stream().filter(Fonts::isUsableTtf).findFirst());
    return latin.map(r -> new Fonts(r, boldSibling(r).orElse(r), false)).orElseGet(Fonts::none);
  }

  private static Optional<Path> firstMatch(List<Path> known, List<Path> roots, boolean needHangul) {
    return known.stream()
        .filter(p -> roots.stream().anyMatch(p::startsWith))
        .filter(p -> isUsableTtf(p) && (!needHangul || covers(p, HANGUL_PROBE)))
        .findFirst();
  }

  /** No TrueType font: Standard 14 Helvetica in PDFs, SansSerif in charts. */
  public static Fonts none() {
    return new Fonts(null, null, false);
  }

  public Optional<Path> regularFile() {
    return Optional.ofNullable(regular);
  }

  public Optional<Path> boldFile() {
    return Optional.ofNullable(bold);
  }

  /** Whether the regular font has Hangul glyphs (so Korean names print as Korean, not '?'). */
  public boolean hasHangul() {
    return hangul;
  }

  /** One line for logs and the appendix: which font files are used. */
  public String describe() {
    if (regular == null) {
      return "no TrueType font found: Standard 14 Helvetica (WinAnsi only)";
    }
    String b = bold.equals(regular) ? "" : ", bold " + bold.getFileName();
    return regular.getFileName() + b + (hangul ? " (with Hangul)" : " (no Hangul)") + " from " + regular.getParent();
  }

  /**
   * The chart font at a size; the TTF is registered with the GraphicsEnvironment once, so that text
   * JFreeChart draws in other fonts can fall back to it.
   */
  public Font awtFont(boolean isBold, float size) {
    Path file = isBold ? bold : regular;
    if (file == null) {
      return new Font(Font.SANS_SERIF, isBold ? Font.BOLD : Font.PLAIN, Math.round(size));
    }
    Font base = awtFonts.computeIfAbsent(isBold ? 1 : 0, k -> loadAwt(file, isBold));
    return base.deriveFont(size);
  }

  private static Font loadAwt(Path file, boolean isBold) {
    try {
      Font f = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
      return f;
    } catch (IOException | FontFormatException | RuntimeException e) {
      System.err.println("nkwatch: cannot load " + file + " for charts (" + e + "); using SansSerif");
      return new Font(Font.SANS_SERIF, isBold ? Font.BOLD : Font.PLAIN, 12);
    }
  }

  /** Every *.ttf under the roots, regular styles first, then by path, so the choice is stable. */
  static List<Path> scan(List<Path> roots) {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttf"))
            .filter(Files::isRegularFile).limit(MAX_FILES_SCANNED).forEach(out::add);
      } catch (IOException | RuntimeException e) {
        System.err.println("nkwatch: cannot search " + root + " for fonts: " + e);
      }
    }
    out.sort(Comparator.comparing(Fonts::isStyled).thenComparing(Path::toString));
    return out;
  }

  private static boolean isStyled(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.contains("bold") || n.contains("italic") || n.contains("oblique") || n.contains("light")
        || n.contains("mono") || n.contains("coding") || n.contains("condensed") || n.contains("serif");
  }

  /** "NanumGothic.ttf" -> "NanumGothicBold.ttf", "DejaVuSans.ttf" -> "DejaVuSans-Bold.ttf", when present. */
  static Optional<Path> boldSibling(Path regular) {
    String name = regular.getFileName().toString();
    String stem = name.substring(0, name.length() - 4);
    for (String candidate : List.of(stem + "Bold.ttf", stem + "-Bold.ttf", stem + "_Bold.ttf")) {
      Path p = regular.resolveSibling(candidate);
      if (isUsableTtf(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static boolean isUsableTtf(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return false;
    }
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))) {
      return ttf.getUnicodeCmapLookup(false) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static boolean covers(Path file, int codePoint) {
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))) {
      var cmap = ttf.getUnicodeCmapLookup(false);
      return cmap != null && cmap.getGlyphId(codePoint) > 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
