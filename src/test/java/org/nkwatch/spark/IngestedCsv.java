package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nkwatch.testing.CliRun;

/** A test's own small corpus: one CSV written under target/it/NAME/reports, ingested in local[2]. */
final class IngestedCsv {
  private IngestedCsv() {
  }

  /** Writes {@code csv} as the corpus "reports", ingests it from a clean folder, and returns the output root. */
  static Path ingest(String name, String csv) throws Exception {
    Path root = Path.of("target", "it", name).toAbsolutePath();
    SampleRunIT.deleteTree(root);
    Path input = root.resolve("reports");
    Files.createDirectories(input);
    Files.writeString(input.resolve("articles.csv"), csv, StandardCharsets.UTF_8);
    Path out = root.resolve("out");
    CliRun.Result ingest = CliRun.run("ingest", "--input", input.toString(), "--output", out.toString(),
        "--master", "local[2]");
    assertThat(ingest.code()).as(ingest.log()).isZero();
    return out;
  }
}
