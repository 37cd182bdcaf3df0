package org.nkwatch.corpus;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the characters read since the last {@link #startRecord()} and fails once a record exceeds the
 * budget, so that a quote that is never closed cannot pull a whole large file into memory.
 */
final class RecordBudgetReader extends FilterReader {
  private final long budget;
  private long used;

  RecordBudgetReader(Reader in, long budget) {
    super(in);
    this.budget = budget;
  }

  void startRecord() {
    used = 0;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      spend(1);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      spend(n);
    }
    return n;
  }

  private void spend(int n) throws RecordTooLargeException {
    used += n;
    if (used > budget) {
      throw new RecordTooLargeException(budget);
    }
  }
}
