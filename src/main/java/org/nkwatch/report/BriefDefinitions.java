package org.nkwatch.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds brief definitions: in a reports folder the user names, else in the copy of {@code reports/}
 * packaged in the jar (so cluster and serverless runs need no local files).
 */
public final class BriefDefinitions {
  private static final String PACKAGED = "/nkwatch/reports/";

  private BriefDefinitions() {
  }

  public static BriefDefinition load(Path reportsDir, String name) {
    if (reportsDir != null) {
      Path file = reportsDir.resolve(name + ".yaml");
      if (!Files.exists(file)) {
        throw new BriefDefinitionException("no brief definition " + file);
      }
      return BriefDefinition.load(file);
    }
    try (InputStream in = BriefDefinitions.class.getResourceAsStream(PACKAGED + name + ".yaml")) {
      if (in == null) {
        throw new BriefDefinitionException("no brief definition named '" + name + "' (packaged briefs live in reports/)");
      }
      return DefinitionParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), "reports/" + name + ".yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
