package org.nkwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.ConfigException;
import org.nkwatch.config.CorpusRegistry;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.config.JobConfig;
import org.nkwatch.config.JobSettings;
import org.nkwatch.spark.InputException;
import org.nkwatch.spark.JobOptions;
import org.nkwatch.spark.Locations;
import org.nkwatch.spark.Pipeline;
import org.nkwatch.spark.RunClock;
import org.nkwatch.spark.SampleCorpus;
import picocli.CommandLine.Option;

/**
 * Options every job command shares, and how they resolve into {@link JobOptions}: the command line over
 * the job file ({@code --job}) over the packaged {@code conf/job.yaml}, by {@link JobSettings#resolve}.
 * Options here have no picocli defaults on purpose: an option not given must fall through to the job file.
 */
final class JobMixin {
  @Option(names = "--job", paramLabel = "FILE|URI",
      description = "A job file (YAML; a path or any Hadoop URI) whose keys are these options' long names: registry, "
          + "data-root, corpora, inputs, output, briefs, period, since, until, incremental, spark-conf, conf-dir, "
          + "reports-dir. The command line overrides it; it overrides the packaged conf/job.yaml.")
  String jobFile;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Output root (a path or any Hadoop URI): tables under DIR/tables, briefs under DIR/briefs. "
          + "Default: out (conf/job.yaml).")
  String output;

  @Option(names = "--input", paramLabel = "PATH",
      description = "A file or folder to ingest (repeatable). Each folder is one corpus named after it; the format "
          + "is recognised from each file (plain text, CSV, JSON array, JSON Lines, HTML).")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--registry", paramLabel = "FILE|URI",
      description = "A corpus registry (see conf/corpora.yaml) naming corpora, paths, formats and field mappings.")
  String registry;

  @Option(names = "--data-root", paramLabel = "DIR",
      description = "What relative paths in the registry resolve against. Default: $NKWATCH_DATA_ROOT.")
  String dataRoot;

  @Option(names = "--corpus", paramLabel = "NAME",
      description = "Only this corpus of the registry (repeatable). Default: all of them.")
  List<String> corpusNames = new ArrayList<>();

  @Option(names = "--conf-dir", paramLabel = "DIR|URI",
      description = "A folder (local path or Hadoop URI) with gazetteer/ and taxonomy/ files overriding the packaged conf/.")
  String confDir;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A Spark setting passed through, e.g. --conf spark.sql.shuffle.partitions=8 (repeatable).")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (local[*], spark://host:7077, yarn). Default: what spark-submit or ./nkwatch sets.")
  String master;

  @Option(names = "--brief", paramLabel = "NAME",
      description = "A brief definition from reports/ to render (repeatable). Default: monthly-brief (conf/job.yaml).")
  List<String> briefs = new ArrayList<>();

  @Option(names = "--reports-dir", paramLabel = "DIR",
      description = "A folder of brief definitions (NAME.yaml) instead of the packaged reports/.")
  String reportsDir;

  @Option(names = "--period", paramLabel = "PERIOD",
      description = "Only articles published in this period: 2024, 2024-05, 2024-W19, 2024-05-06, yesterday, "
          + "last-week, last-month (relative ones against the run's clock, SOURCE_DATE_EPOCH if set). The run "
          + "replaces that window's rows and leaves the others as they are.")
  String period;

  @Option(names = "--since", paramLabel = "DATE", description = "Only articles published on or after DATE (YYYY-MM-DD).")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Only articles published on or before DATE (YYYY-MM-DD).")
  String until;

  @Option(names = "--incremental", negatable = true,
      description = "Read only input files the ledger (<output>/ledger/) has not seen, or that changed since; "
          + "append their articles. --no-incremental overrides a job file's incremental: true.")
  Boolean incremental;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
  boolean verbose;

  JobOptions resolve(boolean needsCorpora) {
    java.time.Instant startedAt = RunClock.now(System.getenv());
    List<JobConfig> levels = new ArrayList<>();
    levels.add(commandLine());
    if (jobFile != null) {
      levels.add(JobConfig.parse(jobFile, Locations.readText("job file", jobFile, sparkConf)));
    }
    levels.add(JobConfig.packagedDefaults());
    JobSettings settings = JobSettings.resolve(levels, startedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate());
    List<CorpusSpec> corpora = new ArrayList<>();
    if (needsCorpora) {
      if (!settings.corpora().names().isEmpty() && settings.corpora().registry() == null) {
        throw new InputException("--corpus " + settings.corpora().names() + " picks corpora of a registry, and no "
            + "registry is given: add --registry FILE (or registry: in the job file)");
      }
      if (settings.corpora().registry() != null) {
        corpora.addAll(fromRegistry(settings.corpora(), settings.sparkConf()));
      }
      if (!settings.corpora().inputs().isEmpty()) {
        corpora.addAll(corporaFromPaths(settings.corpora().inputs()));
      }
      if (corpora.isEmpty()) {
        corpora = sampleCorpora();
      }
    }
    ConfigBundle config;
    if (settings.confDir() == null) {
      config = ConfigBundle.packaged();
    } else if (Locations.isUri(settings.confDir())) {
      config = Locations.configFrom(settings.confDir(), settings.sparkConf());
      remoteConfDir = settings.confDir();
    } else {
      resolvedConfDir = Path.of(settings.confDir());
      config = ConfigBundle.fromDirectory(resolvedConfDir);
    }
    Map<String, String> conf = new LinkedHashMap<>(settings.sparkConf());
    if (master != null) {
      conf.put("spark.master", master);
    }
    // --corpus picks some of a registry's corpora: the run is about them alone, the other corpora's rows stay
    java.util.Set<String> only = settings.corpora().names().isEmpty() ? java.util.Set.of()
        : corpora.stream().map(CorpusSpec::name).collect(java.util.stream.Collectors.toSet());
    return new JobOptions(corpora, settings.output(), config, settings.briefs(), conf, startedAt,
        settings.reportsDir() == null ? null : Path.of(settings.reportsDir()), settings.window(), settings.incremental(),
        only);
  }

  /** The command line as the highest level of settings: what was given, nothing else. */
  JobConfig commandLine() {
    return new JobConfig(JobConfig.COMMAND_LINE, Map.of(), registry, dataRoot, givenOrNull(corpusNames),
        givenOrNull(inputs), output, givenOrNull(briefs), period, since, until, incremental, sparkConf, confDir, reportsDir);
  }

  /** A repeatable option not given at all leaves the key to the job file. */
  private static List<String> givenOrNull(List<String> values) {
    return values == null || values.isEmpty() ? null : values;
  }

  /** The master URLs Spark 4 accepts (SparkContext.createTaskScheduler). */
  private static final java.util.regex.Pattern SPARK_MASTER = java.util.regex.Pattern.compile(
      "local|local\\[\\s*(\\*|\\d+)\\s*(,\\s*\\d+\\s*)?\\]|local-cluster\\[\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*\\]"
          + "|spark://.+|yarn|k8s://.+");

  private Path resolvedConfDir;
  /** --conf-dir when it is a URI: its files were read through Hadoop. */
  private String remoteConfDir;

  /**
   * Before Spark starts: the locations parse and have a filesystem, a local output is writable, (for
   * commands that annotate) the gazetteer and taxonomy load, and (for those that render briefs) the briefs'
   * definitions are found and parse; a configuration error names the file as the
   * user knows it (the path in --conf-dir, or the packaged conf/).
   */
  void check(JobOptions options, boolean annotates, boolean reports) {
    String master = options.sparkConf().get("spark.master");
    if (master != null && !SPARK_MASTER.matcher(master).matches()) {
      // Spark would say so too, but after a stack trace of its own
      throw new InputException("--master '" + master + "' is not a Spark master URL (local, local[*], local[N], "
          + "spark://HOST:PORT, yarn, k8s://HOST:PORT)");
    }
    Locations.checkInputs(options.corpora(), options.sparkConf());
    Locations.checkOutput(options.output(), options.sparkConf());
    if (reports) {
      for (String brief : options.briefs()) {
        org.nkwatch.report.BriefDefinitions.load(options.reportsDir(), brief);
      }
    }
    if (annotates) {
      try {
        Pipeline.checkAnnotationConfig(options.config());
      } catch (ConfigException e) {
        throw new ConfigException(withConfigPath(e.getMessage()), e);
      }
    }
  }

  /** "taxonomy/sanctions.yaml:3: ..." with the file's path in --conf-dir, or marked as the packaged copy. */
  String withConfigPath(String message) {
    for (String name : ConfigBundle.FILES) {
      if (message.startsWith(name)) {
        Path file = resolvedConfDir == null ? null : resolvedConfDir.resolve(name);
        String where = file != null && Files.exists(file) ? file.toString()
            : remoteConfDir != null ? remoteConfDir.replaceAll("/+$", "") + "/" + name + " (or the packaged copy)"
            : "packaged conf/" + name;
        return where + message.substring(name.length());
      }
    }
    return message;
  }

  private static List<CorpusSpec> fromRegistry(JobSettings.CorpusSelection selection, Map<String, String> sparkConf) {
    String registry = selection.registry();
    String root = selection.dataRoot() != null ? selection.dataRoot() : System.getenv(CorpusRegistry.DATA_ROOT_ENV);
    if (root == null) {
      root = registryFolder(registry);
    }
    List<CorpusSpec> all = CorpusRegistry.parse(Locations.readText("registry", registry, sparkConf), registry, root);
    if (selection.names().isEmpty()) {
      return all;
    }
    List<CorpusSpec> chosen = new ArrayList<>();
    for (String name : selection.names()) {
      chosen.add(all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new InputException(
          "corpus '" + name + "' is not in " + registry + " (it has " + all.stream().map(CorpusSpec::name).toList() + ")")));
    }
    return chosen;
  }

  /** The folder of the registry: a local registry's relative paths resolve against it when no data root is given. */
  private static String registryFolder(String registry) {
    if (Locations.isUri(registry) && !registry.startsWith("file:")) {
      String parent = new org.apache.hadoop.fs.Path(registry).getParent().toString();
      return parent;
    }
    String local = registry.startsWith("file:") ? java.net.URI.create(registry).getPath() : registry;
    return Path.of(local).toAbsolutePath().getParent().toString();
  }

  private static List<CorpusSpec> sampleCorpora() {
    return SampleCorpus.extracted();
  }

  /** Each folder one corpus named after it; a file joins the corpus of its folder. */
  static List<CorpusSpec> corporaFromPaths(List<String> paths) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    Map<String, Path> folderOf = new LinkedHashMap<>();
    for (String path : paths) {
      boolean local = !Locations.isUri(path);
      boolean glob = path.contains("*") || path.contains("?") || path.contains("[") || path.contains("{");
      if (local && !glob && !Files.exists(Path.of(path))) {
        // fail before Spark starts: a typo should cost a second, not a session
        throw new InputException("input '" + path + "' does not exist");
      }
      String name = corpusName(path);
      if (local && !glob) {
        // two folders of one name would be one corpus: their articles mixed, and nothing would say so
        Path folder = corpusFolder(path);
        Path before = folderOf.putIfAbsent(name, folder);
        if (before != null && !before.equals(folder)) {
          throw new InputException("inputs in " + before + " and " + folder + " would both be corpus '" + name
              + "': give them different folder names, or name them in a registry (--registry)");
        }
      }
      byName.computeIfAbsent(name, k -> new ArrayList<>()).add(path);
    }
    List<CorpusSpec> corpora = new ArrayList<>();
    byName.forEach((name, list) -> corpora.add(CorpusSpec.adHoc(name, list)));
    return corpora;
  }

  /** The local folder whose corpus a path's files join: the path's own, or a file's. */
  private static Path corpusFolder(String path) {
    Path absolute = Path.of(path).toAbsolutePath().normalize();
    return Files.isRegularFile(absolute) ? absolute.getParent() : absolute;
  }

  static String corpusName(String path) {
    String trimmed = path.replaceAll("[/\\\\]+$", "");
    if (trimmed.isEmpty()) {
      throw new InputException("input '" + path + "' is not a file or folder");
    }
    boolean local = !Locations.isUri(trimmed);
    if (local) {
      // ".", "..", "a/../b": the folder's own name, not the path's last segment
      Path folder = corpusFolder(trimmed);
      trimmed = folder == null || folder.getFileName() == null ? "corpus" : folder.getFileName().toString();
    }
    String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    String name = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "corpus" : name;
  }
}
