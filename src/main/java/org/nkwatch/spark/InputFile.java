package org.nkwatch.spark;

import java.io.Serializable;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.schedule.RunLedger;

/**
 * One file to ingest, found by listing a corpus's paths on the driver.
 *
 * @param modified the modification time the filesystem lists (milliseconds), for the run ledger
 */
record InputFile(CorpusSpec corpus, String uri, long size, long modified) implements Serializable {
  /** A file whose modification time does not matter (tests of the reader). */
  InputFile(CorpusSpec corpus, String uri, long size) {
    this(corpus, uri, size, 0L);
  }

  RunLedger.InputState state() {
    return new RunLedger.InputState(uri, size, modified, corpus.reading());
  }
}
