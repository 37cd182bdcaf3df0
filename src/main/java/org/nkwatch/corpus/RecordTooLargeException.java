package org.nkwatch.corpus;

import java.io.IOException;

/** A single record ran over {@link IngestSettings#maxRecordChars()}: parsing cannot safely go on. */
final class RecordTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  RecordTooLargeException(long limit) {
    super("a record runs over " + limit + " characters (an unbalanced quote?)");
  }
}
