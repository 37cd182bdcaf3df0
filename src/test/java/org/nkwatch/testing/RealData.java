package org.nkwatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real corpora are (../shared/data beside the checkout in CI): -Dnkwatch.dataRoot, else
 * $NKWATCH_DATA_ROOT, else ../shared/data. Tests that need them are skipped, saying why, when absent.
 */
public final class RealData {
  private RealData() {
  }

  public static Optional<Path> root() {
    String configured = System.getProperty("nkwatch.dataRoot", System.getenv("NKWATCH_DATA_ROOT"));
    Path root = Path.of(configured != null && !configured.isBlank() ? configured : "../shared/data")
        .toAbsolutePath().normalize();
    return Files.isDirectory(root.resolve("kcna-2024")) ? Optional.of(root) : Optional.empty();
  }

  public static String missingMessage() {
    return "real corpora not found (set -Dnkwatch.dataRoot or NKWATCH_DATA_ROOT to ../shared/data): skipping";
  }
}
