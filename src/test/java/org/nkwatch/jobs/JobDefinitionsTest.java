package org.nkwatch.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nkwatch.cli.Main;
import org.nkwatch.config.JobConfig;
import org.nkwatch.config.JobSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Every launch definition in jobs/ names the real main class and passes arguments that nkwatch's own
 * command line accepts. The arguments go through the CLI's picocli parser (nothing runs), so a renamed
 * option or command breaks this test, not a night's run.
 */
class JobDefinitionsTest {
  private static final String MAIN_CLASS = "org.nkwatch.cli.Main";
  private static final Path JOBS = Path.of("jobs");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The arguments as the CLI sees them; fails the test if picocli rejects them. */
  private static ParseResult parse(List<String> args) {
    CommandLine cli = new CommandLine(new Main());
    ParseResult result = cli.parseArgs(args.toArray(String[]::new));
    assertThat(result.subcommand()).as("a subcommand in %s", args).isNotNull();
    return result.subcommand();
  }

  private static List<String> values(ParseResult command, String option) {
    return command.matchedOptionValue(option, List.<String>of());
  }

  /** A nightly run on remote storage: run, every input and the output a URI, nothing on local disk. */
  private static void assertRemoteRun(List<String> args, String scheme) {
    ParseResult run = parse(args);
    assertThat(run.commandSpec().name()).isEqualTo("run");
    assertThat(values(run, "--input")).isNotEmpty().allMatch(p -> p.startsWith(scheme + "://"));
    assertThat(run.matchedOptionValue("--output", "")).startsWith(scheme + "://");
    assertThat(run.hasMatchedOption("--master")).as("the runtime sets the master, not the job").isFalse();
  }

  private static String read(String name) throws IOException {
    return Files.readString(JOBS.resolve(name), StandardCharsets.UTF_8);
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String name) throws IOException {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(read(name));
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Map<String, Object> map, String... keys) {
    Object node = map;
    for (String key : keys) {
      assertThat(node).as("parent of %s", key).isInstanceOf(Map.class);
      node = ((Map<String, Object>) node).get(key);
      assertThat(node).as("key %s", key).isNotNull();
    }
    return (T) node;
  }

  @Test
  void emrServerless() throws IOException {
    JsonNode request = JSON.readTree(read("emr-serverless-start-job-run.json"));
    assertThat(request.path("applicationId").asText()).isNotBlank();
    assertThat(request.path("executionRoleArn").asText()).startsWith("arn:aws:iam::");
    JsonNode submit = request.path("jobDriver").path("sparkSubmit");
    assertThat(submit.path("entryPoint").asText()).startsWith("s3://").endsWith("/nkwatch-cluster.jar");
    List<String> parameters = ShellWords.split(submit.path("sparkSubmitParameters").asText());
    assertThat(parameters).containsSequence("--class", MAIN_CLASS);
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).equals("--conf")) {
        assertThat(parameters.get(i + 1)).as("a Spark setting").matches("spark\\.[\\w.]+=\\S+");
      }
    }
    assertRemoteRun(strings(submit.path("entryPointArguments")), "s3a");
  }

  @Test
  void dataprocServerless() throws IOException {
    Map<String, Object> batch = yaml("dataproc-batch.yaml");
    assertThat(at(batch, "sparkBatch", "mainClass").toString()).isEqualTo(MAIN_CLASS);
    List<String> jars = at(batch, "sparkBatch", "jarFileUris");
    assertThat(jars).singleElement().asString().startsWith("gs://").endsWith("/nkwatch-cluster.jar");
    // a Spark 4 runtime: the jar is built against Spark 4 and Scala 2.13
    assertThat(at(batch, "runtimeConfig", "version").toString()).startsWith("3.");
    Map<String, Object> properties = at(batch, "runtimeConfig", "properties");
    assertThat(properties).allSatisfy((k, v) -> assertThat(k).startsWith("spark."));
    assertRemoteRun(at(batch, "sparkBatch", "args"), "gs");
  }

  @Test
  void databricks() throws IOException {
    JsonNode job = JSON.readTree(read("databricks-job.json"));
    JsonNode task = job.path("tasks").path(0);
    assertThat(task.path("spark_jar_task").path("main_class_name").asText()).isEqualTo(MAIN_CLASS);
    assertThat(task.path("libraries").path(0).path("jar").asText()).endsWith("/nkwatch-cluster.jar");
    assertThat(task.path("new_cluster").path("spark_version").asText()).endsWith("-scala2.13");
    assertThat(job.path("max_concurrent_runs").asInt()).isEqualTo(1);
    assertRemoteRun(strings(task.path("spark_jar_task").path("parameters")), "s3a");
  }

  @Test
  void kubernetesSparkApplication() throws IOException {
    Map<String, Object> app = yaml("k8s-spark-application.yaml");
    assertThat(app.get("apiVersion")).isEqualTo("sparkoperator.k8s.io/v1beta2");
    assertThat(app.get("kind")).isEqualTo("SparkApplication");
    assertThat(at(app, "spec", "type").toString()).isEqualTo("Java");
    assertThat(at(app, "spec", "mainClass").toString()).isEqualTo(MAIN_CLASS);
    assertThat(at(app, "spec", "mainApplicationFile").toString()).endsWith("/nkwatch-cluster.jar");
    assertThat(at(app, "spec", "sparkVersion").toString()).isEqualTo("4.1.1");
    assertRemoteRun(at(app, "spec", "arguments"), "s3a");
  }

  @Test
  void sparkSubmitScriptUsesTheMainClassAndTheClusterJar() throws IOException {
    String script = read("spark-submit.sh");
    assertThat(script).contains("--class " + MAIN_CLASS).contains("nkwatch-cluster.jar");
    // the examples in its header are commands the CLI accepts
    List<String> examples = script.lines().filter(l -> l.startsWith("#   jobs/spark-submit.sh ")).toList();
    assertThat(examples).isNotEmpty();
    for (String example : examples) {
      List<String> words = ShellWords.split(example.substring(1));
      parse(words.subList(2, words.size()));
    }
  }

  @Test
  void sparkSubmitScriptIsValidBash() throws Exception {
    Path bash = Stream.of("/bin/bash", "/usr/bin/bash").map(Path::of).filter(Files::isExecutable).findFirst()
        .orElse(null);
    assumeThat(bash).as("bash").isNotNull();
    Process p = new ProcessBuilder(bash.toString(), "-n", JOBS.resolve("spark-submit.sh").toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    assertThat(Files.isExecutable(JOBS.resolve("spark-submit.sh"))).as("spark-submit.sh is executable").isTrue();
  }

  @Test
  void cron() throws IOException {
    List<String> entries = read("nkwatch-nightly.cron").lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.matches("^[A-Z_]+=.*"))
        .toList();
    assertThat(entries).hasSize(1);
    List<String> fields = ShellWords.split(entries.get(0));
    assertThat(fields.subList(0, 5)).as("schedule").containsExactly("30", "2", "*", "*", "*");
    assertNightlySubmit(fields.subList(6, fields.size()));
  }

  @Test
  void systemdServiceAndTimer() throws IOException {
    String service = read("systemd/nkwatch-nightly.service");
    List<String> execStart = service.lines().filter(l -> l.startsWith("ExecStart=")).toList();
    assertThat(execStart).hasSize(1);
    assertThat(service).contains("Type=oneshot");
    assertNightlySubmit(ShellWords.split(execStart.get(0).substring("ExecStart=".length())));
    String timer = read("systemd/nkwatch-nightly.timer");
    assertThat(timer).containsPattern("(?m)^OnCalendar=\\S").contains("Unit=nkwatch-nightly.service")
        .contains("WantedBy=timers.target");
  }

  /** ... jobs/spark-submit.sh MASTER run ... [>>log]: the nightly run through the script. */
  private static void assertNightlySubmit(List<String> command) {
    int script = -1;
    for (int i = 0; i < command.size(); i++) {
      if (command.get(i).endsWith("jobs/spark-submit.sh")) {
        script = i;
        break;
      }
    }
    assertThat(script).as("jobs/spark-submit.sh in %s", command).isNotNegative();
    String master = command.get(script + 1);
    assertThat(master).matches("yarn|spark://.+|k8s://.+");
    List<String> args = new ArrayList<>();
    for (String word : command.subList(script + 2, command.size())) {
      if (word.startsWith(">") || word.matches("\\d>.*")) {
        break;
      }
      args.add(word);
    }
    ParseResult run = parse(args);
    assertThat(run.commandSpec().name()).isEqualTo("run");
    JobSettings settings = settings(run);
    assertThat(settings.output()).startsWith("hdfs://");
    assertThat(settings.corpora().registry() != null || !settings.corpora().inputs().isEmpty()).isTrue();
  }

  /**
   * The settings a parsed command line resolves to, with its job file (an /opt/nkwatch/jobs/ path is the
   * file of the same name here) read by the CLI's own job-file parser.
   */
  private static JobSettings settings(ParseResult run) {
    List<JobConfig> levels = new ArrayList<>();
    levels.add(new JobConfig(JobConfig.COMMAND_LINE, Map.of(), run.matchedOptionValue("--registry", null), null, null,
        run.hasMatchedOption("--input") ? values(run, "--input") : null, run.matchedOptionValue("--output", null), null,
        run.matchedOptionValue("--period", null), null, null, null, Map.of(), null, null));
    String job = run.matchedOptionValue("--job", null);
    if (job != null) {
      String name = job.substring(job.lastIndexOf('/') + 1);
      try {
        levels.add(JobConfig.parse(name, read(name)));
      } catch (IOException e) {
        throw new AssertionError("job file " + job + " is not in jobs/", e);
      }
    }
    levels.add(JobConfig.packagedDefaults());
    return JobSettings.resolve(levels, java.time.LocalDate.of(2024, 5, 15));
  }

  @Test
  void nightlyJobFile() throws IOException {
    JobConfig nightly = JobConfig.parse("nightly.yaml", read("nightly.yaml"));
    assertThat(nightly.incremental()).isTrue();
    assertThat(nightly.output()).startsWith("hdfs://");
    assertThat(nightly.briefs()).isNotEmpty();
    assertThat(nightly.sparkConf()).allSatisfy((k, v) -> assertThat(k).startsWith("spark."));
    // the command line wins over the file: a window and a full read for a rerun of last month
    JobSettings rerun = settings(parse(List.of("run", "--job", "/opt/nkwatch/jobs/nightly.yaml", "--period", "last-month")));
    assertThat(rerun.window().label()).isEqualTo("last-month");
    assertThat(rerun.incremental()).isTrue();
  }

  /** Every file in jobs/ is covered by a test here (a new definition needs one). */
  @Test
  void everyDefinitionIsChecked() throws IOException {
    List<String> checked = List.of("README.md", "nightly.yaml", "spark-submit.sh", "emr-serverless-start-job-run.json",
        "dataproc-batch.yaml", "databricks-job.json", "k8s-spark-application.yaml", "nkwatch-nightly.cron",
        "systemd/nkwatch-nightly.service", "systemd/nkwatch-nightly.timer");
    try (Stream<Path> files = Files.walk(JOBS)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> JOBS.relativize(p).toString().replace('\\', '/')))
          .containsExactlyInAnyOrderElementsOf(checked);
    }
  }

  /** Splits a shell command line into words: quotes and backslashes as a POSIX shell reads them. */
  static final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String line) {
      List<String> words = new ArrayList<>();
      StringBuilder word = new StringBuilder();
      boolean inWord = false;
      char quote = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote == '\'') {
          if (c == '\'') {
            quote = 0;
          } else {
            word.append(c);
          }
        } else if (quote == '"') {
          if (c == '"') {
            quote = 0;
          } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
            word.append(line.charAt(++i));
          } else {
            word.append(c);
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
          inWord = true;
        } else if (c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
          inWord = true;
        } else if (Character.isWhitespace(c)) {
          if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
          }
        } else {
          word.append(c);
          inWord = true;
        }
      }
      if (quote != 0) {
        throw new IllegalArgumentException("unclosed quote in: " + line);
      }
      if (inWord) {
        words.add(word.toString());
      }
      return words;
    }
  }
}
