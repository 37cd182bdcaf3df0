package org.nkwatch.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable article ids: the same normalised text always gets the same id, in any run, on any machine. */
public final class DocIds {
  private static final HexFormat HEX = HexFormat.of();

  private DocIds() {
  }

  /** The first 16 hex characters (64 bits) of the SHA-256 of the UTF-8 bytes of {@code normalisedText}. */
  public static String contentHash(String normalisedText) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalisedText.getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
