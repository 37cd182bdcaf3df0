package org.nkwatch.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Decodes a byte stream strictly (malformed or unmappable bytes are an error, never a replacement
 * character) and, unlike {@link java.io.InputStreamReader}, hands over every character decoded before the
 * bad bytes first: the error comes on the next read, naming the byte offset. So a multi-record file
 * with one bad byte keeps every record before it.
 */
final class StrictDecodingReader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final String charsetName;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private long consumedBefore;
  private boolean endOfInput;
  private boolean flushed;
  private CharacterCodingException pending;

  StrictDecodingReader(InputStream in, Charset charset, String charsetName) {
    this.in = in;
    this.decoder = EncodingDetector.strictDecoder(charset);
    this.charsetName = charsetName;
    bytes.flip();
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (pending != null) {
      throw pending;
    }
    if (flushed) {
      return -1;                      // a decoder may not decode again once flushed
    }
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (true) {
      int before = bytes.position();
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      consumedBefore += bytes.position() - before;
      if (result.isError()) {
        pending = new CharacterCodingException() {
          private static final long serialVersionUID = 1L;

          @Override
          public String getMessage() {
            return "invalid " + charsetName + " bytes at byte offset " + consumedBefore;
          }
        };
        return produced(out, offset);
      }
      if (result.isOverflow() || out.position() > offset && !endOfInput && bytes.remaining() > 0) {
        return produced(out, offset);
      }
      if (endOfInput) {
        if (!flushed) {
          flushed = true;
          decoder.flush(out);
        }
        int n = out.position() - offset;
        return n == 0 ? -1 : n;
      }
      if (out.position() > offset) {
        return produced(out, offset);
      }
      fill();
    }
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private int produced(CharBuffer out, int offset) throws CharacterCodingException {
    int n = out.position() - offset;
    if (n == 0 && pending != null) {
      throw pending;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
