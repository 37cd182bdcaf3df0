package org.nkwatch.spark;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.schedule.PublicationWindow;

/**
 * Everything one run needs, resolved by the CLI from the command line, the job config and conf/ defaults.
 *
 * @param corpora   the corpora to ingest (empty for steps that start from tables)
 * @param output    the output root: tables under {@code tables/}, briefs under {@code briefs/}
 * @param briefs    names of the brief definitions to render
 * @param sparkConf Spark settings passed through ({@code --conf key=value})
 * @param reportsDir a folder of brief definitions, or null for the packaged reports/
 * @param window      the publication dates this run covers: it replaces only their rows
 *                    ({@link PublicationWindow#ALL}: every row, the tables are rewritten whole)
 * @param incremental read only the input files the ledger has not seen or that changed since
 * @param onlyCorpora the corpora a run over some of a registry's ({@code --corpus}) is limited to: the rows of
 *                    every other corpus are kept as they are. Empty when the run covers the whole of its input
 */
public record JobOptions(
    List<CorpusSpec> corpora,
    String output,
    ConfigBundle config,
    List<String> briefs,
    Map<String, String> sparkConf,
    Instant startedAt,
    java.nio.file.Path reportsDir,
    PublicationWindow window,
    boolean incremental,
    java.util.Set<String> onlyCorpora) {

  public JobOptions {
    corpora = List.copyOf(corpora);
    onlyCorpora = java.util.Set.copyOf(onlyCorpora);
    briefs = List.copyOf(briefs);
    sparkConf = Map.copyOf(sparkConf);
    java.util.Objects.requireNonNull(window, "window");
  }


  public String runId() {
    return RunClock.runId(startedAt);
  }
}
