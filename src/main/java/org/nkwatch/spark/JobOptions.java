package org.nkwatch.spark;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.CorpusSpec;

/**
 * Everything one run needs, resolved by the CLI from the command line, the job config and conf/ defaults.
 *
 * @param corpora   the corpora to ingest (empty for steps that start from tables)
 * @param output    the output root: tables under {@code tables/}, briefs under {@code briefs/}
 * @param briefs    names of the brief definitions to render
 * @param sparkConf Spark settings passed through ({@code --conf key=value})
 * @param reportsDir a folder of brief definitions, or null for the packaged reports/
 */
public record JobOptions(
    List<CorpusSpec> corpora,
    String output,
    ConfigBundle config,
    List<String> briefs,
    Map<String, String> sparkConf,
    Instant startedAt,
    java.nio.file.Path reportsDir) {

  public JobOptions {
    corpora = List.copyOf(corpora);
    briefs = List.copyOf(briefs);
    sparkConf = Map.copyOf(sparkConf);
  }

  public String runId() {
    return RunClock.runId(startedAt);
  }
}
