package org.nkwatch.classify;

import java.util.List;
import org.nkwatch.model.Mention;
import org.nkwatch.model.SanctionEvent;

/** What annotating one article yields. */
public record Annotation(List<Mention> mentions, List<SanctionEvent> events, int sentences, int tokens) {
  public Annotation {
    mentions = List.copyOf(mentions);
    events = List.copyOf(events);
  }
}
