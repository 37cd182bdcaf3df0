package org.nkwatch.corpus;

import org.nkwatch.model.Article;
import org.nkwatch.model.Reject;

/** Receives what reading one input file yields, one record at a time (files can be large). */
public interface IngestSink {
  void article(Article article);

  void reject(Reject reject);
}
