package org.nkwatch.corpus;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (LF, CRLF or CR) of at most {@code maxChars} characters; the rest of a longer line is
 * skipped and the line is reported as overlong, so one huge line cannot exhaust memory.
 */
final class BoundedLineReader {
  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private boolean overlong;
  private boolean pendingCr;

  BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its terminator, or null at the end of input. */
  String next() throws IOException {
    StringBuilder line = new StringBuilder();
    overlong = false;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return any ? line.toString() : null;
        }
      }
      char c = buffer[position++];
      if (pendingCr) {
        pendingCr = false;
        if (c == '\n') {
          continue;
        }
      }
      if (c == '\n' || c == '\r') {
        pendingCr = c == '\r';
        return line.toString();
      }
      any = true;
      if (line.length() < maxChars) {
        line.append(c);
      } else {
        overlong = true;
      }
    }
  }

  /** Whether the last line returned was cut at {@code maxChars}. */
  boolean overlong() {
    return overlong;
  }
}
