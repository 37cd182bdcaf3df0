package org.nkwatch.config;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nkwatch.schedule.PublicationWindow;

/**
 * A job's settings, resolved from three levels. Precedence, for every key:
 * <ol>
 *   <li>the command line ({@code --output out2});</li>
 *   <li>the job file named by {@code --job FILE|URI} ({@code output: out2});</li>
 *   <li>the defaults packaged from {@code conf/job.yaml}.</li>
 * </ol>
 * A key a level does not set falls through to the level below. Two keys resolve as a unit rather than
 * one by one: the window (the highest level giving any of {@code period}, {@code since}, {@code until}
 * decides it whole, so {@code --since} on the command line is not combined with a job file's
 * {@code period}) and {@code spark-conf} (merged setting by setting, the higher level winning per setting).
 * Corpora come from {@code registry} and {@code inputs} of the winning levels; with neither, the packaged
 * sample corpus is used.
 *
 * @param corpora      which corpora to read: a registry (and its data root, and the names chosen from it)
 *                     and/or input paths
 * @param window       the publication dates the run covers; {@link PublicationWindow#ALL} when none is given
 * @param incremental  read only inputs the ledger has not seen, or that changed since
 */
public record JobSettings(
    CorpusSelection corpora,
    String output,
    List<String> briefs,
    PublicationWindow window,
    boolean incremental,
    Map<String, String> sparkConf,
    String confDir,
    String reportsDir) {

  /**
   * @param registry a registry file or URI, or null
   * @param dataRoot what the registry's relative paths resolve against, or null for the default
   * @param names    the registry's corpora to read (empty: all)
   * @param inputs   files and folders given directly, each folder a corpus
   */
  public record CorpusSelection(String registry, String dataRoot, List<String> names, List<String> inputs) {
    public CorpusSelection {
      names = List.copyOf(names);
      inputs = List.copyOf(inputs);
    }
  }

  public JobSettings {
    briefs = List.copyOf(briefs);
    sparkConf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sparkConf));
  }

  /**
   * @param levels the command line first, then the job file (if any), then the packaged defaults
   * @param today  the run's day (from its clock), against which relative periods resolve
   */
  public static JobSettings resolve(List<JobConfig> levels, LocalDate today) {
    Map<String, String> sparkConf = new LinkedHashMap<>();
    for (int i = levels.size() - 1; i >= 0; i--) {
      sparkConf.putAll(levels.get(i).sparkConf());
    }
    String output = first(levels, JobConfig::output);
    if (output == null || output.isBlank()) {
      throw new ConfigException("no output: give --output DIR (or 'output' in the job file)");
    }
    CorpusSelection corpora = new CorpusSelection(first(levels, JobConfig::registry), first(levels, JobConfig::dataRoot),
        firstList(levels, JobConfig::corpora), firstList(levels, JobConfig::inputs));
    return new JobSettings(corpora, output,
        firstList(levels, JobConfig::briefs),
        window(levels, today),
        Boolean.TRUE.equals(first(levels, JobConfig::incremental)),
        sparkConf,
        first(levels, JobConfig::confDir),
        first(levels, JobConfig::reportsDir));
  }

  private static <T> T first(List<JobConfig> levels, Function<JobConfig, T> key) {
    return levels.stream().map(key).filter(v -> v != null).findFirst().orElse(null);
  }

  private static List<String> firstList(List<JobConfig> levels, Function<JobConfig, List<String>> key) {
    return levels.stream().map(key).filter(v -> v != null).findFirst().orElse(List.of());
  }

  private static PublicationWindow window(List<JobConfig> levels, LocalDate today) {
    for (JobConfig level : levels) {
      if (level.period() == null && level.since() == null && level.until() == null) {
        continue;
      }
      if (level.period() != null && (level.since() != null || level.until() != null)) {
        throw new IllegalArgumentException(level.where("period") + " '" + level.period() + "' and "
            + (level.since() != null ? "since '" + level.since() + "'" : "until '" + level.until() + "'")
            + " both name a window: give a period, or since/until");
      }
      if (level.period() != null) {
        return named(level, "period", () -> PublicationWindow.period(level.period(), today));
      }
      LocalDate since = level.since() == null ? null : named(level, "since", () -> PublicationWindow.date(level.since()));
      LocalDate until = level.until() == null ? null : named(level, "until", () -> PublicationWindow.date(level.until()));
      if (since != null && until != null && until.isBefore(since)) {
        throw new IllegalArgumentException(level.where("until") + " '" + level.until() + "' is before "
            + level.where("since").replaceFirst("^.*: ", "") + " '" + level.since() + "'");
      }
      return PublicationWindow.between(since, until);
    }
    return PublicationWindow.ALL;
  }

  /** Runs a parse, its message prefixed with where the value came from ("--period '2024-13' is not a period ..."). */
  private static <T> T named(JobConfig level, String key, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(level.where(key) + " " + e.getMessage(), e);
    }
  }
}
