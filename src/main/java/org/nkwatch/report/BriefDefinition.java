package org.nkwatch.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a brief holds, read from {@code reports/<name>.yaml}:
 *
 * <pre>
 * title: Weekly North Korea Watch      # required
 * audience: Sanctions-compliance teams # optional, ""
 * corpora: [dailynk, kcna]             # optional; empty or absent = all corpora
 * period: {grain: week, last: 1}       # or {grain: month, from: 2025-01-01, to: 2025-03-31}
 * comparison: previous                 # optional: previous | none (default none)
 * top_n: 10                            # optional, 1..50, default 10
 * sections: [key_figures, key_findings, charts, ...]   # optional, default all, in this order
 * charts: [top_people, sanctions_by_corpus, ...]        # optional, default all
 * </pre>
 *
 * @param name                the file name without ".yaml"; names the output files
 * @param title               the brief's title
 * @param audience            who it is for
 * @param corpora             the corpora to include; empty = all
 * @param period              which days it covers
 * @param compareWithPrevious whether entity counts are compared with the previous window
 * @param topN                how many entities the tables and bar charts show
 * @param sections            the sections, in order
 * @param charts              the charts, in order
 */
public record BriefDefinition(String name, String title, String audience, List<String> corpora, PeriodSpec period,
    boolean compareWithPrevious, int topN, List<Section> sections, List<ChartKind> charts) {

  public static final int DEFAULT_TOP_N = 10;
  public static final int MAX_TOP_N = 50;

  public BriefDefinition {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new IllegalArgumentException("brief name '" + name + "' must be lowercase letters, digits, '-' or '_'");
    }
    Objects.requireNonNull(title, "title");
    audience = Objects.requireNonNullElse(audience, "");
    corpora = List.copyOf(corpora);
    Objects.requireNonNull(period, "period");
    if (topN < 1 || topN > MAX_TOP_N) {
      throw new IllegalArgumentException("top_n must be between 1 and " + MAX_TOP_N + ", got " + topN);
    }
    sections = List.copyOf(sections);
    charts = List.copyOf(charts);
  }

  /** Reads a definition; the brief's name is the file name without ".yaml". */
  public static BriefDefinition load(Path file) {
    String fileName = file.getFileName().toString();
    String name = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5)
        : fileName.endsWith(".yml") ? fileName.substring(0, fileName.length() - 4) : fileName;
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new BriefDefinitionException(file + ": cannot read the brief definition: " + e.getMessage(), e);
    }
    return DefinitionParser.parse(name, text, file.toString());
  }

  /** Reads {@code reports/<name>.yaml} from a reports folder. */
  public static BriefDefinition load(Path reportsDir, String name) {
    return load(reportsDir.resolve(name + ".yaml"));
  }

  /** Whether the brief covers this corpus. */
  public boolean includesCorpus(String corpus) {
    return corpora.isEmpty() || corpora.contains(corpus);
  }

  public boolean has(Section section) {
    return sections.contains(section);
  }
}
