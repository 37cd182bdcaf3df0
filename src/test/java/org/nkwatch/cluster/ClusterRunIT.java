package org.nkwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nkwatch.cluster.ClusterFixtures.inputArgs;
import static org.nkwatch.cluster.ClusterFixtures.seconds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.cluster.StandaloneCluster.Submission;
import org.nkwatch.spark.TableSchemas;

/**
 * The cluster jar, submitted with SparkSubmit to a real standalone cluster (Master, Worker and executors in
 * their own JVMs), writes the same tables as the CLI in local mode on the same input.
 *
 * <p>Everything the runs touch is outside the project: the input is a copy of the sample corpus in a
 * temporary folder, the configuration is the one packaged in the jar (as on a serverless runtime), and the
 * submissions run from an empty temporary working directory, so a path that only resolves against the
 * project, or against the driver's working directory, fails here.
 */
class ClusterRunIT {
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(8);
  private static final String MAIN_CLASS = "org.nkwatch.cli.Main";

  private static Path work;
  private static StandaloneCluster cluster;
  private static final Map<String, String> timings = new LinkedHashMap<>();

  @BeforeAll
  static void startCluster() throws IOException {
    work = Files.createTempDirectory("nkwatch-cluster-it-");
    cluster = StandaloneCluster.startFromBuild();
    timings.put("cluster start", seconds(cluster.startTime()));
  }

  @AfterAll
  static void stopCluster() {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      StandaloneCluster.deleteTree(work);
      System.out.println("ClusterRunIT timings: " + timings);
    }
  }

  @Test
  void aClusterRunWritesTheSameTablesAsALocalRun() throws IOException {
    List<Path> corpora = ClusterFixtures.sampleCorpus(Files.createDirectories(work.resolve("corpora")));
    Path localOut = work.resolve("out-local");
    Path clusterOut = work.resolve("out-cluster");
    Path cwd = Files.createDirectories(work.resolve("submit-cwd"));
    Path jar = Path.of(System.getProperty("nkwatch.clusterJar", "target/nkwatch-cluster.jar")).toAbsolutePath();
    assertThat(jar).isRegularFile();

    // the reference: the CLI in this JVM, local[2]
    ClusterFixtures.localReferenceRun(corpora, localOut).forEach((step, time) -> timings.put("local " + step, seconds(time)));

    // the same steps on the cluster; ingest and annotate through SparkSubmit directly, with Spark settings
    // passed both ways: spark-submit --conf (executor memory and JVM options) and the CLI's own --conf
    for (String step : List.of("ingest", "annotate")) {
      List<String> submitOptions = List.of("--class", MAIN_CLASS, "--conf", "spark.ui.enabled=false",
          "--conf", "spark.executor.memory=768m",
          "--conf", "spark.executor.extraJavaOptions=-Dnkwatch.passthrough=" + step + " "
              + String.join(" ", StandaloneCluster.QUICK_START_FLAGS));
      List<String> args = new ArrayList<>(List.of(step, "--conf", "spark.app.name=nkwatch-it-" + step,
          "--output", clusterOut.toString()));
      if (step.equals("ingest")) {
        args.addAll(inputArgs(corpora));
      }
      Submission s = cluster.submit(cwd, SUBMIT_TIMEOUT, submitOptions, jar, args);
      assertThat(s.exitCode()).as("cluster %s:%n%s", step, s.output()).isZero();
      timings.put("cluster " + step, seconds(s.wallTime()));
    }

    // aggregate through jobs/spark-submit.sh, as an operator would run it (SPARK_HOME/bin/spark-submit)
    Path script = Path.of("jobs/spark-submit.sh").toAbsolutePath();
    Submission aggregate = cluster.runToCompletion(
        List.of(script.toString(), cluster.masterUrl(), "aggregate", "--conf", "spark.app.name=nkwatch-it-aggregate",
            "--output", clusterOut.toString()),
        cwd,
        Map.of("NKWATCH_JAR", jar.toString(), "NKWATCH_DRIVER_MEMORY", "1g", "NKWATCH_EXECUTOR_MEMORY", "768m",
            "NKWATCH_SPARK_OPTS", "--conf spark.ui.enabled=false"),
        SUBMIT_TIMEOUT);
    assertThat(aggregate.exitCode()).as("cluster aggregate via jobs/spark-submit.sh:%n%s", aggregate.output()).isZero();
    assertThat(aggregate.output()).containsPattern("aggregate \\d+ count rows");
    timings.put("cluster aggregate (script)", seconds(aggregate.wallTime()));

    // the work really ran on the cluster: every app registered with the Master under the name the CLI's
    // --conf gave it, and got executors from the Worker
    for (String step : List.of("ingest", "annotate", "aggregate")) {
      assertThat(cluster.masterLog()).contains("Registering app nkwatch-it-" + step);
    }
    List<String> executorCommands = executorCommands();
    assertThat(executorCommands).as("executors launched by the Worker").hasSize(3);
    // spark-submit --conf reached the executors, and Spark still added its module flags to ours
    assertThat(executorCommands).anySatisfy(c -> assertThat(c)
        .contains("-Dnkwatch.passthrough=ingest", "-Xmx768M", "--add-opens=java.base/java.nio=ALL-UNNAMED"));
    // the script passed nkwatch's JVM flags to the executors
    assertThat(executorCommands).anySatisfy(c -> assertThat(c).contains("-Djava.awt.headless=true", "-Xmx768M"));

    // no driver-relative path: the submissions' working directory is left as it was
    try (Stream<Path> left = Files.list(cwd)) {
      assertThat(left.toList()).as("files the driver wrote into its working directory").isEmpty();
    }

    // the same tables, read by DuckDB
    Map<String, TableDigest> local = TableDigest.ofTables(localOut, TableSchemas.ALL);
    Map<String, TableDigest> remote = TableDigest.ofTables(clusterOut, TableSchemas.ALL);
    assertThat(local.get(TableSchemas.ARTICLES).count()).isEqualTo(32);
    assertThat(local.get(TableSchemas.MENTIONS).count()).isPositive();
    assertThat(local.get(TableSchemas.SANCTION_EVENTS).count()).isPositive();
    assertThat(local.get(TableSchemas.COUNTS).count()).isPositive();
    for (String table : TableSchemas.ALL) {
      assertThat(remote.get(table).sha256())
          .as("%s", TableDigest.difference(local.get(table), remote.get(table), 3))
          .isEqualTo(local.get(table).sha256());
    }
    timings.put("rows", local.values().toString());
  }

  /** The "Spark Executor Command" each executor logged in its stderr under the Worker's work folder. */
  private static List<String> executorCommands() {
    List<String> commands = new ArrayList<>();
    try (Stream<Path> files = Files.walk(cluster.workDir())) {
      for (Path stderr : (Iterable<Path>) files.filter(p -> p.getFileName().toString().equals("stderr"))::iterator) {
        Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
            .filter(line -> line.startsWith("Spark Executor Command:"))
            .findFirst()
            .ifPresent(commands::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return commands;
  }
}
