package org.nkwatch.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.nkwatch.config.CorpusSpec;

/**
 * {@code <output>/runs/<run id>.json}: run id, command, inputs, account of records, step durations,
 * versions and status. Written last, through a temporary file and a rename, so a run without a manifest
 * is known to be incomplete.
 */
final class RunManifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .findAndRegisterModules();

  private RunManifest() {
  }

  static String write(SparkSession spark, JobOptions options, String command, Map<String, Object> results,
      Map<String, Double> seconds) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_id", options.runId());
    doc.put("status", "succeeded");
    doc.put("command", command);
    doc.put("started_at", options.startedAt().toString());
    doc.put("inputs", options.corpora().stream().map(RunManifest::describe).toList());
    doc.put("output", options.output());
    doc.put("config_fingerprint", options.config().fingerprint());
    doc.put("versions", Map.of("nkwatch", version(), "spark", spark.version(), "java",
        System.getProperty("java.version")));
    doc.put("seconds", seconds);
    doc.putAll(results);
    Path target = new Path(new Path(options.output(), "runs"), options.runId() + ".json");
    try {
      replaceAtomically(target, JSON.writeValueAsBytes(doc), spark.sparkContext().hadoopConfiguration());
      return target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run manifest " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a small file whole or not at all: to {@code _<name>.tmp} beside it, then renamed over it (atomic
   * on a local disk and HDFS), so a reader never sees half of it.
   */
  static void replaceAtomically(Path target, byte[] content, org.apache.hadoop.conf.Configuration conf)
      throws IOException {
    Path temp = new Path(target.getParent(), "_" + target.getName() + ".tmp");
    FileSystem fs = target.getFileSystem(conf);
    try (OutputStream out = fs.create(temp, true)) {
      out.write(content);
    }
    fs.delete(target, false);
    if (!fs.rename(temp, target)) {
      throw new IOException("cannot rename " + temp + " to " + target);
    }
  }

  private static Map<String, Object> describe(CorpusSpec c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("paths", c.paths());
    m.put("format", c.format());
    m.put("publisher", c.publisher());
    m.put("source_type", c.sourceType());
    return m;
  }

  private static String version() {
    String v = RunManifest.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
