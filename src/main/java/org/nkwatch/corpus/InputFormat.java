package org.nkwatch.corpus;

import java.util.Locale;

/** The file formats a corpus can come in (the {@code format} values of the registry, {@code auto} aside). */
enum InputFormat {
  TEXT(false), CSV(true), JSON(true), JSONL(true), HTML(false);

  private final boolean multiRecord;

  InputFormat(boolean multiRecord) {
    this.multiRecord = multiRecord;
  }

  /** Whether a file holds many records (streamed) rather than one article (read whole). */
  boolean multiRecord() {
    return multiRecord;
  }

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
