package org.nkwatch.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/** The first bytes of a file, read ahead to recognise it, and the way back to all of its bytes. */
final class FileHead {
  final byte[] bytes;
  final int length;
  /** Whether {@link #bytes} hold the whole file. */
  final boolean complete;
  private final InputStream rest;

  private FileHead(byte[] bytes, int length, boolean complete, InputStream rest) {
    this.bytes = bytes;
    this.length = length;
    this.complete = complete;
    this.rest = rest;
  }

  static FileHead read(InputStream in, int max) throws IOException {
    byte[] buffer = new byte[max];
    int n = in.readNBytes(buffer, 0, max);
    boolean complete = n < max;
    if (!complete) {
      int next = in.read();
      if (next < 0) {
        complete = true;
      } else {
        return new FileHead(buffer, n, false,
            new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) next}), in));
      }
    }
    return new FileHead(buffer, n, true, InputStream.nullInputStream());
  }

  boolean startsWith(int... prefix) {
    return EncodingDetector.startsWith(bytes, length, prefix);
  }

  /** All the file's bytes from {@code skip} on (the head, then the rest). */
  InputStream stream(int skip) {
    return new SequenceInputStream(new ByteArrayInputStream(bytes, skip, length - skip), rest);
  }

  /** All the file's bytes, up to {@code max + 1} of them (more than {@code max} means too large). */
  byte[] readAll(long max) throws IOException {
    if (complete) {
      return java.util.Arrays.copyOf(bytes, length);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(length * 2, 1 << 16));
    out.write(bytes, 0, length);
    byte[] chunk = new byte[1 << 16];
    int n;
    while ((n = rest.read(chunk)) > 0) {
      out.write(chunk, 0, n);
      if (out.size() > max) {
        break;
      }
    }
    return out.toByteArray();
  }
}
