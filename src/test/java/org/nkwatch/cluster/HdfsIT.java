package org.nkwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nkwatch.cluster.ClusterFixtures.inputArgs;
import static org.nkwatch.cluster.ClusterFixtures.seconds;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.cluster.ClusterFixtures.LocalRun;
import org.nkwatch.spark.TableSchemas;

/**
 * The job reads its corpora from and writes its tables to {@code hdfs://} (an in-process MiniDFSCluster),
 * with the same result as on the local filesystem: every path goes through Hadoop's FileSystem.
 */
class HdfsIT {
  /** Tables without a column that names the input's location, so equal row for row across filesystems. */
  private static final List<String> LOCATION_FREE = List.of(TableSchemas.MENTIONS, TableSchemas.SANCTION_EVENTS,
      TableSchemas.COUNTS);

  private static java.nio.file.Path work;
  private static MiniDFSCluster hdfs;
  private static final Map<String, String> timings = new LinkedHashMap<>();

  @BeforeAll
  static void startHdfs() throws IOException {
    work = Files.createTempDirectory("nkwatch-hdfs-it-");
    long started = System.nanoTime();
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("dfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf, work.resolve("dfs").toFile()).numDataNodes(1).build();
    hdfs.waitActive();
    timings.put("hdfs start", seconds(java.time.Duration.ofNanos(System.nanoTime() - started)));
  }

  @AfterAll
  static void stopHdfs() {
    try {
      if (hdfs != null) {
        hdfs.shutdown(true);
      }
    } finally {
      StandaloneCluster.deleteTree(work);
      System.out.println("HdfsIT timings: " + timings);
    }
  }

  @Test
  void theStepsReadAndWriteHdfsAndCountAsOnLocalDisk() throws IOException {
    List<java.nio.file.Path> corpora = ClusterFixtures.sampleCorpus(Files.createDirectories(work.resolve("corpora")));
    java.nio.file.Path conf = ClusterFixtures.fixtureConf(work.resolve("conf"));
    FileSystem fs = hdfs.getFileSystem();
    String root = hdfs.getURI().toString();
    List<String> hdfsCorpora = new ArrayList<>();
    for (java.nio.file.Path corpus : corpora) {
      Path target = new Path(root + "/corpora/" + corpus.getFileName());
      fs.copyFromLocalFile(new Path(corpus.toUri()), target);
      hdfsCorpora.add(target.toString());
    }
    String hdfsOut = root + "/nkwatch/out";
    java.nio.file.Path localOut = work.resolve("out-local");

    // the HDFS run reads its gazetteer and taxonomy from HDFS too: equal tables show they were used
    String hdfsConf = root + "/conf";
    fs.copyFromLocalFile(new Path(conf.toUri()), new Path(hdfsConf));
    run("hdfs", hdfsCorpora, hdfsOut, hdfsConf);
    run("local", corpora.stream().map(java.nio.file.Path::toString).toList(), localOut.toString(), conf.toString());

    // on HDFS: every table committed, the run manifests written, the lock released
    for (String table : TableSchemas.ALL) {
      assertThat(fs.exists(new Path(hdfsOut + "/tables/" + table + "/_SUCCESS"))).as("%s on HDFS", table).isTrue();
    }
    FileStatus[] manifests = fs.listStatus(new Path(hdfsOut + "/runs"), p -> p.getName().endsWith(".json"));
    assertThat(manifests).hasSize(3);
    assertThat(fs.exists(new Path(hdfsOut + "/_nkwatch.lock"))).isFalse();

    // the same tables: row counts of all, and row for row where no column names the input's location
    java.nio.file.Path copied = work.resolve("out-hdfs-copy");
    fs.copyToLocalFile(false, new Path(hdfsOut + "/tables"), new Path(copied.resolve("tables").toUri()), true);
    Map<String, TableDigest> fromHdfs = TableDigest.ofTables(copied, TableSchemas.ALL);
    Map<String, TableDigest> fromLocal = TableDigest.ofTables(localOut, TableSchemas.ALL);
    assertThat(fromLocal.get(TableSchemas.ARTICLES).count()).isEqualTo(32);
    assertThat(fromLocal.get(TableSchemas.MENTIONS).count()).isPositive();
    for (String table : TableSchemas.ALL) {
      assertThat(fromHdfs.get(table).count()).as("rows of %s", table).isEqualTo(fromLocal.get(table).count());
    }
    for (String table : LOCATION_FREE) {
      assertThat(fromHdfs.get(table).sha256())
          .as("%s", TableDigest.difference(fromLocal.get(table), fromHdfs.get(table), 3))
          .isEqualTo(fromLocal.get(table).sha256());
    }
    // and the articles point at where they were read from
    assertThat(fromHdfs.get(TableSchemas.ARTICLES).rows()).allMatch(r -> r.contains("locator=" + root + "/corpora/"));
    timings.put("rows", fromHdfs.values().toString());

    // counts whose note gives mentions, and one of its partitions, other files: aggregate counts that one again and
    // reads the others' day counts back from HDFS, in a plan that also reads shuffle output, with the locality wait
    // that once stalled such a stage; the same counts
    Path note = new Path(hdfsOut + "/tables/counts/_sources");
    String sources;
    try (java.io.InputStream in = fs.open(note)) {
      sources = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String stale = sources.replaceFirst("(?m)^(mentions: ).*$", "$10 files stale")
        .replaceFirst("(?m)^(mentions partition [^\\n]*: ).*$", "$10 files stale");
    assertThat(stale).isNotEqualTo(sources);
    try (java.io.OutputStream out = fs.create(note, true)) {
      out.write(stale.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    LocalRun recount = ClusterFixtures.runInProcess(List.of("aggregate", "--master", "local[2]", "--conf",
        "spark.ui.enabled=false", "--conf", "spark.locality.wait=3s", "--conf-dir", hdfsConf, "--output", hdfsOut));
    assertThat(recount.exitCode()).as("aggregate:%n%s", recount.output()).isZero();
    assertThat(latestRunManifest(fs, hdfsOut)).as("the recount's manifest")
        .containsPattern("\"count_partitions_kept\"\\s*:\\s*[1-9]");
    java.nio.file.Path recounted = work.resolve("out-hdfs-recount");
    fs.copyToLocalFile(false, new Path(hdfsOut + "/tables"), new Path(recounted.resolve("tables").toUri()), true);
    assertThat(TableDigest.ofTables(recounted, List.of(TableSchemas.COUNTS)).get(TableSchemas.COUNTS).sha256())
        .isEqualTo(fromLocal.get(TableSchemas.COUNTS).sha256());
    timings.put("hdfs aggregate, one partition again", seconds(recount.wallTime()));

    // a job file on HDFS names the output; the brief is rendered locally and lands under <output>/briefs on HDFS
    Path jobFile = new Path(root + "/jobs/report.yaml");
    try (java.io.OutputStream out = fs.create(jobFile)) {
      out.write(("output: " + hdfsOut + "\nbriefs: [monthly-brief]\nconf-dir: " + conf + "\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    LocalRun report = ClusterFixtures.runInProcess(List.of("report", "--job", jobFile.toString(), "--master", "local[2]",
        "--conf", "spark.ui.enabled=false"));
    assertThat(report.exitCode()).as("report:%n%s", report.output()).isZero();
    FileStatus[] pdfs = fs.listStatus(new Path(hdfsOut + "/briefs"), p -> p.getName().endsWith(".pdf"));
    assertThat(pdfs).hasSize(1);
    assertThat(pdfs[0].getLen()).isGreaterThan(10_000);
    assertThat(fs.exists(new Path(hdfsOut + "/briefs/manifest.json"))).isTrue();

    // again with nothing changed: the brief on HDFS is kept as it is; once gone, it is rendered again
    LocalRun again = ClusterFixtures.runInProcess(List.of("report", "--job", jobFile.toString(), "--master",
        "local[2]", "--conf", "spark.ui.enabled=false"));
    assertThat(again.exitCode()).as("report again:%n%s", again.output()).isZero();
    assertThat(latestRunManifest(fs, hdfsOut)).as("the second report's manifest")
        .containsPattern("\"briefs_kept\"\\s*:\\s*\\[\\s*\"[^\"]*" + pdfs[0].getPath().getName());
    assertThat(fs.getFileStatus(pdfs[0].getPath()).getModificationTime()).isEqualTo(pdfs[0].getModificationTime());
    fs.delete(pdfs[0].getPath(), false);
    LocalRun gone = ClusterFixtures.runInProcess(List.of("report", "--job", jobFile.toString(), "--master",
        "local[2]", "--conf", "spark.ui.enabled=false"));
    assertThat(gone.exitCode()).as("report, the brief gone:%n%s", gone.output()).isZero();
    assertThat(latestRunManifest(fs, hdfsOut)).as("the third report's manifest")
        .containsPattern("\"briefs_kept\"\\s*:\\s*\\[\\s*\\]");
    assertThat(fs.getFileStatus(pdfs[0].getPath()).getLen()).isGreaterThan(10_000);  // anew, with this run's id and time
  }

  /** The text of the latest run's manifest under {@code output} on HDFS. */
  private static String latestRunManifest(FileSystem fs, String output) throws IOException {
    FileStatus[] runs = fs.listStatus(new Path(output + "/runs"), p -> p.getName().endsWith(".json"));
    java.util.Arrays.sort(runs, java.util.Comparator.comparing(f -> f.getPath().getName()));
    try (java.io.InputStream in = fs.open(runs[runs.length - 1].getPath())) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static void run(String label, List<String> inputs, String output, String conf) {
    for (String step : List.of("ingest", "annotate", "aggregate")) {
      List<String> args = new ArrayList<>(List.of(step, "--master", "local[2]", "--conf", "spark.ui.enabled=false",
          "--conf-dir", conf, "--output", output));
      if (step.equals("ingest")) {
        args.addAll(inputArgs(inputs));
      }
      LocalRun result = ClusterFixtures.runInProcess(args);
      assertThat(result.exitCode()).as("%s %s:%n%s", label, step, result.output()).isZero();
      timings.put(label + " " + step, seconds(result.wallTime()));
    }
  }
}
