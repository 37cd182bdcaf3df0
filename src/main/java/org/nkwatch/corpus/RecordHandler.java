package org.nkwatch.corpus;

import org.nkwatch.model.RejectReason;

/** Where parsers put what they read: records to turn into articles, or records that failed to parse. */
interface RecordHandler {
  void record(SourceRecord record);

  /** @param size the failed record's size in characters when known, else 0 */
  void reject(String locator, RejectReason reason, String detail, long size);
}
