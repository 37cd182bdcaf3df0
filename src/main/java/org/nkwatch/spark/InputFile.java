package org.nkwatch.spark;

import java.io.Serializable;
import org.nkwatch.config.CorpusSpec;

/** One file to ingest, found by listing a corpus's paths on the driver. */
record InputFile(CorpusSpec corpus, String uri, long size) implements Serializable {
}
