package org.nkwatch.corpus;

import java.io.IOException;
import java.io.InputStream;
import org.nkwatch.config.CorpusSpec;

/**
 * Reads one input file of a corpus into articles and rejects: recognises the format, decodes, parses,
 * extracts metadata, cleans, detects the language and computes the doc id. Spark-free; one instance
 * per task (not thread-safe).
 *
 * <p>Every record read ends as exactly one call to the sink: an article or a reject. Exact and near
 * duplicates across files are found later, over the whole dataset.
 */
public final class CorpusFileReader {
  private final CorpusSpec spec;

  public CorpusFileReader(CorpusSpec spec) {
    this.spec = spec;
  }

  /**
   * @param locator the file's path or URI; rejects and articles carry it (with a record index or line)
   * @param in      the file's bytes; not closed here
   * @param size    the file's size in bytes, or -1 if unknown
   */
  public void read(String locator, InputStream in, long size, IngestSink sink) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
