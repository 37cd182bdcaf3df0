package org.nkwatch.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A digest of the code some classes come from: every jar or class folder they were loaded from, whole. Two JVMs give
 * the same digest only when that code is the same. A jar is read from its central directory (each entry's name, size
 * and CRC), not decompressed, so a jar of 20 MB costs milliseconds.
 */
final class CodeDigest {
  private CodeDigest() {
  }

  /** The digest of the jars and folders {@code classes} were loaded from; null when one of them is not a local file. */
  static String ofClasses(List<Class<?>> classes) {
    Set<Path> locations = new TreeSet<>();
    for (Class<?> c : classes) {
      Path location = locationOf(c);
      if (location == null) {
        return null;
      }
      locations.add(location);
    }
    return of(locations);
  }

  /** The digest of these jars and class folders, whole (in any order). */
  static String of(Set<Path> locations) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path location : new TreeSet<>(locations)) {
        update(sha, Files.isDirectory(location) ? "folder" : "jar");
        if (Files.isDirectory(location)) {
          digestFolder(location, sha);
        } else {
          digestJar(location, sha);
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the code in " + locations + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The local jar or folder a class was loaded from; null when that is not a local file (or not known). */
  private static Path locationOf(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
      return null;
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      return Files.exists(path) ? path : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void digestJar(Path jar, MessageDigest sha) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        update(sha, entry.getName() + " " + entry.getSize() + " " + entry.getCrc());
      }
    }
  }

  private static void digestFolder(Path folder, MessageDigest sha) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        update(sha, folder.relativize(file).toString());
        sha.update(Files.readAllBytes(file));
      }
    }
  }

  private static void update(MessageDigest sha, String line) {
    sha.update(line.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) '\n');
  }
}
