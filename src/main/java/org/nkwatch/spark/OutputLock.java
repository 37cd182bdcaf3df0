package org.nkwatch.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One run at a time per output root: {@code <output>/_nkwatch.lock}, created atomically, names its holder
 * (host, process id, run id, start time). A second run refuses with that name. A lock whose holder
 * process on this host is gone is stale and is taken over; on another host it can only be removed by
 * hand (the message says how).
 */
public final class OutputLock implements AutoCloseable {
  static final String FILE = "_nkwatch.lock";

  private final FileSystem fs;
  private final Path path;

  private OutputLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  public static OutputLock acquire(String outputRoot, String runId, Instant startedAt, Configuration conf) {
    Path path = new Path(outputRoot, FILE);
    try {
      FileSystem fs = path.getFileSystem(conf);
      fs.mkdirs(path.getParent());
      for (int attempt = 0; attempt < 2; attempt++) {
        try (OutputStream out = fs.create(path, false)) {
          holder(runId, startedAt).store(out, "nkwatch run lock");
          return new OutputLock(fs, path);
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
          Properties other = read(fs, path);
          if (attempt == 0 && isStale(other)) {
            fs.delete(path, false);
            continue;
          }
          throw new InputException("output " + outputRoot + " is in use by run " + other.getProperty("run", "?")
              + " (pid " + other.getProperty("pid", "?") + " on " + other.getProperty("host", "?") + ", started "
              + other.getProperty("started", "?") + "); wait for it, or delete " + path + " if that run is dead");
        }
      }
      throw new InputException("cannot take the lock " + path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lock " + path + ": " + e.getMessage(), e);
    }
  }

  private static Properties holder(String runId, Instant startedAt) {
    Properties p = new Properties();
    p.setProperty("run", runId);
    p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    p.setProperty("host", hostName());
    p.setProperty("started", startedAt.toString());
    return p;
  }

  private static Properties read(FileSystem fs, Path path) throws IOException {
    Properties p = new Properties();
    try (InputStream in = fs.open(path)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
    } catch (java.io.FileNotFoundException e) {
      // released between our create and our read: treat as stale
    }
    return p;
  }

  /** The holder ran on this host and its process is gone. */
  static boolean isStale(Properties holder) {
    if (holder.isEmpty()) {
      return true;
    }
    if (!hostName().equals(holder.getProperty("host"))) {
      return false;
    }
    try {
      long pid = Long.parseLong(holder.getProperty("pid", "-1"));
      return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
