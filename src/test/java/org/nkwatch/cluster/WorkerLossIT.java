package org.nkwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nkwatch.cluster.ClusterFixtures.inputArgs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.cluster.StandaloneCluster.Running;
import org.nkwatch.cluster.StandaloneCluster.Submission;
import org.nkwatch.cluster.StandaloneCluster.Worker;
import org.nkwatch.spark.TableSchemas;

/**
 * A Worker dies (kill -9, with its executor) while the job runs on a standalone cluster of two Workers:
 * Spark re-runs the lost tasks (and the map outputs lost with the executor) on the Worker that is left, the
 * job finishes, and its tables equal those of a clean local run on the same input.
 */
class WorkerLossIT {
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(8);
  private static final Duration KILL_TIMEOUT = Duration.ofMinutes(4);
  /** The line the CLI prints when ingest is done: from then on the job is annotating. */
  private static final Pattern INGEST_DONE = Pattern.compile("(?m)^ingest\\s+done in");
  private static final Pattern RUNNING_TASK = Pattern.compile("Running task [0-9.]+ in stage");

  private static Path work;
  private static StandaloneCluster cluster;

  @BeforeAll
  static void startCluster() throws IOException {
    work = Files.createTempDirectory("nkwatch-worker-loss-it-");
    // two Workers of one core each: the job gets one executor on each, and keeps one when the other dies
    cluster = StandaloneCluster.startFromBuild(2, 1, "1g");
  }

  @AfterAll
  static void stopCluster() {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      StandaloneCluster.deleteTree(work);
    }
  }

  @Test
  void aWorkerKilledWhileAnnotatingLeavesTheTablesOfACleanRun() throws Exception {
    List<Path> corpora = ClusterFixtures.sampleCorpus(Files.createDirectories(work.resolve("corpora")));
    Path cleanOut = work.resolve("out-clean");
    Path clusterOut = work.resolve("out-cluster");
    Path cwd = Files.createDirectories(work.resolve("submit-cwd"));
    Path jar = Path.of(System.getProperty("nkwatch.clusterJar", "target/nkwatch-cluster.jar")).toAbsolutePath();

    ClusterFixtures.localReferenceRun(corpora, cleanOut);

    List<String> submitOptions = List.of("--class", "org.nkwatch.cli.Main", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.executor.memory=768m",
        "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", StandaloneCluster.QUICK_START_FLAGS));
    List<String> args = new ArrayList<>(List.of("run", "--output", clusterOut.toString()));
    args.addAll(inputArgs(corpora));
    Running job = cluster.startSubmission(cwd, submitOptions, jar, args);

    // once ingest is done and the first Worker's executor has started an annotate task, kill that Worker
    Worker victim = cluster.workers().get(0);
    long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
    int tasksBeforeAnnotate = -1;
    while (true) {
      assertThat(job.isAlive()).as("the job ended before the Worker was killed:%n%s", job.output()).isTrue();
      assertThat(System.nanoTime()).as("no annotate task on the first Worker:%n%s", job.output()).isLessThan(deadline);
      int tasks = count(RUNNING_TASK, victim.executorLogs());
      if (tasksBeforeAnnotate < 0 && INGEST_DONE.matcher(job.output()).find()) {
        tasksBeforeAnnotate = tasks;
      }
      if (tasksBeforeAnnotate >= 0 && tasks > tasksBeforeAnnotate) {
        break;
      }
      Thread.sleep(20);
    }
    cluster.kill(victim);
    assertThat(victim.process().isAlive()).isFalse();

    Submission finished = job.await(SUBMIT_TIMEOUT);
    assertThat(finished.exitCode()).as("the run after losing a Worker:%n%s", finished.output()).isZero();
    // the driver lost the executor with a task running on it, and ran that task again on the other one
    assertThat(finished.output()).containsPattern("Lost executor \\d+")
        .contains("while it was being computed, its executor exited");
    assertThat(cluster.masterLog()).containsPattern("Removing worker|worker .* got disassociated|lost worker");

    Map<String, TableDigest> clean = TableDigest.ofTables(cleanOut, TableSchemas.ALL);
    Map<String, TableDigest> afterLoss = TableDigest.ofTables(clusterOut, TableSchemas.ALL);
    assertThat(clean.get(TableSchemas.ARTICLES).count()).isEqualTo(32);
    assertThat(clean.get(TableSchemas.MENTIONS).count()).isPositive();
    for (String table : TableSchemas.ALL) {
      assertThat(afterLoss.get(table).sha256())
          .as("%s", TableDigest.difference(clean.get(table), afterLoss.get(table), 3))
          .isEqualTo(clean.get(table).sha256());
    }
  }

  private static int count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
