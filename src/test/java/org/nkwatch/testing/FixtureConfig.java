package org.nkwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.nkwatch.config.ConfigBundle;

/** A small gazetteer and taxonomy written for the tests, so they do not move when conf/ grows. */
public final class FixtureConfig {
  private FixtureConfig() {
  }

  public static ConfigBundle bundle() {
    Map<String, String> files = new HashMap<>();
    for (String name : ConfigBundle.FILES) {
      try (InputStream in = FixtureConfig.class.getResourceAsStream("/org/nkwatch/fixture-conf/" + name)) {
        if (in == null) {
          throw new IllegalStateException("fixture " + name + " missing");
        }
        files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ConfigBundle.of(files);
  }
}
