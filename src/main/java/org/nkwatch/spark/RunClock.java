package org.nkwatch.spark;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The time a run says it ran at: SOURCE_DATE_EPOCH (the reproducible-builds convention) when set, so that
 * identical inputs give identical outputs, else now.
 */
public final class RunClock {
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private RunClock() {
  }

  public static Instant now(Map<String, String> env) {
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return Instant.now();
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("SOURCE_DATE_EPOCH='" + epoch + "' is not a number of seconds");
    }
  }

  public static String runId(Instant at) {
    return "run-" + RUN_ID.format(at);
  }
}
