package org.nkwatch.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.ConfigException;
import org.nkwatch.config.CorpusSpec;

/**
 * Checks of input and output locations made before Spark starts, so that a typo costs a second and one
 * line naming the value: a path or URI that does not parse, a URI scheme no filesystem on the classpath
 * serves (with the {@code spark.hadoop.*} settings given, which may name one), and a local output
 * folder that cannot be created or written. Remote outputs are checked when the run takes their lock.
 */
public final class Locations {
  private static final String HADOOP_PREFIX = "spark.hadoop.";

  private Locations() {
  }

  public static void checkInputs(List<CorpusSpec> corpora, Map<String, String> sparkConf) {
    Configuration conf = hadoopConf(sparkConf);
    for (CorpusSpec corpus : corpora) {
      for (String location : corpus.paths()) {
        String what = "input '" + location + "' of corpus '" + corpus.name() + "'";
        Path path = check(what, location, conf);
        boolean glob = location.contains("*") || location.contains("?") || location.contains("[") || location.contains("{");
        if ("file".equals(path.toUri().getScheme()) && !glob && !Files.exists(java.nio.file.Path.of(path.toUri().getPath()))) {
          throw new InputException(what + " does not exist");
        }
      }
    }
  }

  public static void checkOutput(String output, Map<String, String> sparkConf) {
    Path path = check("output '" + output + "'", output, hadoopConf(sparkConf));
    String scheme = path.toUri().getScheme();
    if (scheme != null && !scheme.equals("file")) {
      return;
    }
    java.nio.file.Path local;
    try {
      local = scheme == null ? java.nio.file.Path.of(output) : java.nio.file.Path.of(path.toUri().getPath());
    } catch (InvalidPathException e) {
      throw new InputException("output '" + output + "' is not a valid path: " + e.getMessage());
    }
    // probed in the output, or in the nearest folder above it that exists: a run that fails before it writes
    // anything (a bad master, a bad setting) leaves no empty output folder behind
    java.nio.file.Path existing = local.toAbsolutePath();
    while (existing.getParent() != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (!Files.isDirectory(existing)) {
      throw new InputException("output '" + output + "' is not writable: " + existing + " is a file, not a folder");
    }
    try {
      java.nio.file.Path probe = Files.createTempFile(existing, "_nkwatch-write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new InputException("output '" + output + "' is not writable: " + describe(e));
    }
  }

  /**
   * The text (UTF-8) of a small file the job reads on the driver before Spark starts (a job file, a
   * registry): a local path, or any Hadoop URI through its filesystem, with the {@code spark.hadoop.*}
   * settings given.
   *
   * @param what what the file is, for messages ("job file", "registry")
   */
  public static String readText(String what, String location, Map<String, String> sparkConf) {
    Configuration conf = hadoopConf(sparkConf);
    Path path = check(what + " '" + location + "'", location, conf);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        throw new InputException(what + " '" + location + "' does not exist");
      }
      try (java.io.InputStream in = fs.open(path)) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new InputException("cannot read " + what + " '" + location + "': " + firstLine(e.getMessage()));
    }
  }

  /**
   * A gazetteer and taxonomy folder given as a Hadoop URI ({@code hdfs://.../conf}): each file read on the
   * driver through its filesystem (and shipped to executors inside the bundle), the packaged copy for files
   * the folder lacks.
   */
  public static ConfigBundle configFrom(String uri, Map<String, String> sparkConf) {
    Configuration conf = hadoopConf(sparkConf);
    Path dir = check("conf directory '" + uri + "'", uri, conf);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.getFileStatus(dir).isDirectory()) {
        throw new ConfigException("conf directory '" + uri + "' is not a directory");
      }
      return ConfigBundle.load(name -> {
        Path file = new Path(dir, name);
        try {
          if (!fs.exists(file)) {
            return java.util.Optional.empty();
          }
          try (java.io.InputStream in = fs.open(file)) {
            return java.util.Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
          }
        } catch (IOException e) {
          throw new ConfigException("cannot read " + file + ": " + firstLine(e.getMessage()), e);
        }
      });
    } catch (java.io.FileNotFoundException e) {
      throw new ConfigException("conf directory '" + uri + "' does not exist");
    } catch (IOException e) {
      throw new ConfigException("cannot read conf directory '" + uri + "': " + firstLine(e.getMessage()), e);
    }
  }

  /** True for a location with a scheme (hdfs://, s3a://, file:), false for a plain local path. */
  public static boolean isUri(String location) {
    return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !location.matches("^[a-zA-Z]:[\\\\/].*");
  }

  private static Path check(String what, String location, Configuration conf) {
    Path path;
    try {
      path = new Path(location);
    } catch (IllegalArgumentException e) {
      String why = e.getCause() instanceof java.net.URISyntaxException u ? u.getReason() : firstLine(e.getMessage());
      throw new InputException(what + " is not a valid path or URI: " + why);
    }
    String scheme = path.toUri().getScheme();
    if (scheme != null) {
      try {
        FileSystem.getFileSystemClass(scheme, conf);
      } catch (IOException e) {
        throw new InputException(what + ": no filesystem for the scheme '" + scheme + "' (file:, hdfs: and others "
            + "whose connector is on the classpath, such as s3a: with hadoop-aws)");
      }
    }
    return path;
  }

  private static Configuration hadoopConf(Map<String, String> sparkConf) {
    Configuration conf = new Configuration();
    System.getProperties().forEach((k, v) -> {
      if (k.toString().startsWith(HADOOP_PREFIX)) {
        conf.set(k.toString().substring(HADOOP_PREFIX.length()), v.toString());
      }
    });
    sparkConf.forEach((k, v) -> {
      if (k.startsWith(HADOOP_PREFIX)) {
        conf.set(k.substring(HADOOP_PREFIX.length()), v);
      }
    });
    return conf;
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.FileSystemException f) {
      String reason = f.getReason() == null ? "" : f.getReason().toLowerCase(Locale.ROOT);
      String file = f.getFile() == null ? "" : f.getFile();
      return reason.isEmpty() ? e.getClass().getSimpleName() + " " + file : file + ": " + reason;
    }
    return firstLine(String.valueOf(e.getMessage()));
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse(s);
  }
}
