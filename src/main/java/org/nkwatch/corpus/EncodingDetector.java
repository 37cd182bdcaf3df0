package org.nkwatch.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.nkwatch.model.RejectReason;

/**
 * Decides how to decode a file from its first bytes: a byte order mark (UTF-8, UTF-16LE/BE), UTF-16
 * without one (NUL bytes at every other position), strict UTF-8, then CP949 (the Windows superset of
 * EUC-KR) when the bytes look Korean, then windows-1252 when the bytes are plausibly Western text.
 * Binary content (NUL-heavy, control bytes, known file signatures) is told apart first.
 */
final class EncodingDetector {
  static final Charset CP949 = Charset.forName("x-windows-949");
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The outcome: a charset and the BOM length to skip, or the reason the bytes are not text. */
  record Result(Charset charset, int bomLength, RejectReason problem, String detail) {
    static Result of(Charset charset, int bomLength) {
      return new Result(charset, bomLength, null, "");
    }

    static Result reject(RejectReason reason, String detail) {
      return new Result(null, 0, reason, detail);
    }

    boolean ok() {
      return problem == null;
    }

    String charsetName() {
      return charset == CP949 ? "CP949" : charset.name();
    }
  }

  private EncodingDetector() {
  }

  /**
   * @param bytes    the first bytes of the file (all of it when {@code complete})
   * @param length   how many of {@code bytes} are filled
   * @param complete whether these are all of the file's bytes (else a multi-byte sequence may be cut at the end)
   */
  static Result detect(byte[] bytes, int length, boolean complete) {
    if (startsWith(bytes, length, 0xEF, 0xBB, 0xBF)) {
      return Result.of(StandardCharsets.UTF_8, 3);
    }
    if (startsWith(bytes, length, 0xFF, 0xFE)) {
      return Result.of(StandardCharsets.UTF_16LE, 2);
    }
    if (startsWith(bytes, length, 0xFE, 0xFF)) {
      return Result.of(StandardCharsets.UTF_16BE, 2);
    }
    String signature = binarySignature(bytes, length);
    if (signature != null) {
      return Result.reject(RejectReason.BINARY, signature + " file signature");
    }
    int nuls = 0;
    int nulsAtEven = 0;
    int controls = 0;
    int highBytes = 0;
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        nuls++;
        if ((i & 1) == 0) {
          nulsAtEven++;
        }
      } else if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B || b == 0x7F) {
        controls++;
      } else if (b >= 0x80) {
        highBytes++;
      }
    }
    if (nuls * 4 >= length && length >= 4) {
      // ASCII-range text in UTF-16 without a BOM: one byte in two is NUL, all on the same side
      if (nulsAtEven >= nuls * 95 / 100 && nuls * 5 >= length * 2) {
        return decodes(bytes, 0, length, StandardCharsets.UTF_16BE, complete)
            ? Result.of(StandardCharsets.UTF_16BE, 0) : Result.reject(RejectReason.BINARY, nulRatio(nuls, length));
      }
      if (nulsAtEven <= nuls * 5 / 100 && nuls * 5 >= length * 2) {
        return decodes(bytes, 0, length, StandardCharsets.UTF_16LE, complete)
            ? Result.of(StandardCharsets.UTF_16LE, 0) : Result.reject(RejectReason.BINARY, nulRatio(nuls, length));
      }
    }
    if (nuls * 100 >= length && nuls > 0) {
      return Result.reject(RejectReason.BINARY, nulRatio(nuls, length));
    }
    if (controls * 20 >= length && controls > 0) {
      return Result.reject(RejectReason.BINARY, String.format(Locale.ROOT,
          "%d control bytes in the first %d bytes", controls, length));
    }
    if (highBytes == 0 || decodes(bytes, 0, length, StandardCharsets.UTF_8, complete)) {
      return Result.of(StandardCharsets.UTF_8, 0);
    }
    if (looksKorean(bytes, length) && decodes(bytes, 0, length, CP949, complete)) {
      return Result.of(CP949, 0);
    }
    if (looksWindows1252(bytes, length, highBytes)) {
      return Result.of(WINDOWS_1252, 0);
    }
    return Result.reject(RejectReason.UNDECODABLE,
        "not valid UTF-8, CP949/EUC-KR or windows-1252 text (" + highBytes + " non-ASCII bytes in the first " + length + ")");
  }

  /** A strict decoder: malformed or unmappable input is an error, never a replacement character. */
  static CharsetDecoder strictDecoder(Charset charset) {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Decodes strictly; when not {@code complete}, an incomplete sequence at the very end is dropped. */
  static String decode(byte[] bytes, int offset, int length, Charset charset, boolean complete)
      throws CharacterCodingException {
    CharsetDecoder decoder = strictDecoder(charset);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 4);
    CoderResult result = decoder.decode(in, out, complete);
    if (result.isError()) {
      result.throwException();
    }
    if (complete) {
      result = decoder.flush(out);
      if (result.isError()) {
        result.throwException();
      }
    }
    out.flip();
    return out.toString();
  }

  private static boolean decodes(byte[] bytes, int offset, int length, Charset charset, boolean complete) {
    try {
      decode(bytes, offset, length, charset, complete);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Korean text in CP949 is mostly KS X 1001 pairs (both bytes 0xA1-0xFE); the extension area (second
   * byte an ASCII letter) holds rare syllables. Western text misread as CP949 lands there instead.
   */
  private static boolean looksKorean(byte[] bytes, int length) {
    int standard = 0;
    int extension = 0;
    for (int i = 0; i < length - 1; i++) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x81 || lead == 0xFF) {
        continue;
      }
      int trail = bytes[i + 1] & 0xFF;
      if (lead >= 0xA1 && trail >= 0xA1 && trail <= 0xFE) {
        standard++;
      } else {
        extension++;
      }
      i++;
    }
    return standard > 0 && extension * 10 <= standard;
  }

  /** Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not characters in windows-1252; Western text is mostly ASCII. */
  private static boolean looksWindows1252(byte[] bytes, int length, int highBytes) {
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
        return false;
      }
    }
    return highBytes * 10 <= length * 3;
  }

  private static String binarySignature(byte[] b, int n) {
    if (startsWith(b, n, '%', 'P', 'D', 'F')) {
      return "PDF";
    }
    if (startsWith(b, n, 'P', 'K', 3, 4)) {
      return "ZIP";
    }
    if (startsWith(b, n, 0x89, 'P', 'N', 'G')) {
      return "PNG";
    }
    if (startsWith(b, n, 0xFF, 0xD8, 0xFF)) {
      return "JPEG";
    }
    if (startsWith(b, n, 'G', 'I', 'F', '8')) {
      return "GIF";
    }
    if (startsWith(b, n, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "OLE2 (old Office document)";
    }
    if (startsWith(b, n, 0x7F, 'E', 'L', 'F')) {
      return "ELF";
    }
    if (startsWith(b, n, 'P', 'A', 'R', '1')) {
      return "Parquet";
    }
    if (startsWith(b, n, 0x28, 0xB5, 0x2F, 0xFD)) {
      return "zstd";
    }
    return null;
  }

  static boolean startsWith(byte[] bytes, int length, int... prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String nulRatio(int nuls, int length) {
    return String.format(Locale.ROOT, "%d NUL bytes in the first %d bytes", nuls, length);
  }
}
