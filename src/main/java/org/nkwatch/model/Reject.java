package org.nkwatch.model;

import java.util.Objects;

/** An input record that did not become an article, with the reason and where to find it. */
public record Reject(String corpus, String locator, RejectReason reason, String detail, long size) {
  public Reject {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(locator, "locator");
    Objects.requireNonNull(reason, "reason");
    detail = detail == null ? "" : detail;
  }
}
