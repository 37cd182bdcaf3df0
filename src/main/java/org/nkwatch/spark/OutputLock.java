package org.nkwatch.spark;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * One run at a time per output root: {@code <output>/_nkwatch.lock}, created atomically, names its holder
 * (host, process id, run id, start time). A second run refuses with that name. A lock whose holder
 * process on this host is gone is stale and is taken over; on another host it can only be removed by
 * hand (the message says how).
 *
 * <p>Creation is atomic: on a local disk with {@code O_EXCL} (Hadoop's local {@code create(path, false)}
 * checks, then creates, so two runs could both win), elsewhere with the filesystem's
 * {@code create(path, false)} (atomic on HDFS). A lock found empty is being written by a run that just
 * took it: it is read again for up to {@link #SETTLE_MILLIS} before being judged. A stale lock is moved
 * aside (one run wins the move) and checked to be the one judged stale before the lock is taken again.
 */
public final class OutputLock implements AutoCloseable {
  static final String FILE = "_nkwatch.lock";
  /** How long a lock may stay empty while its holder writes it. */
  static final long SETTLE_MILLIS = 3_000;

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
      byte[] content = holder(runId, startedAt);
      for (int attempt = 0; attempt < 3; attempt++) {
        if (create(fs, path, content)) {
          return new OutputLock(fs, path);
        }
        Properties other = readSettled(fs, path);
        if (other == null) {
          continue;                       // released meanwhile: try again
        }
        if (attempt < 2 && isStale(other) && takeOver(fs, path, other)) {
          continue;
        }
        throw new InputException("output " + outputRoot + " is in use by run " + other.getProperty("run", "?")
            + " (pid " + other.getProperty("pid", "?") + " on " + other.getProperty("host", "?") + ", started "
            + other.getProperty("started", "?") + "); wait for it, or delete " + path + " if that run is dead");
      }
      throw new InputException("cannot take the lock " + path + ": other runs keep taking it");
    } catch (IOException e) {
      // the output is not writable (permissions, a file in the way, an unknown host): the user's to fix
      throw new InputException("cannot write to output " + outputRoot + " (taking the lock " + path + "): "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /** Creates the lock with its content, atomically; false if it exists. */
  private static boolean create(FileSystem fs, Path path, byte[] content) throws IOException {
    java.nio.file.Path local = localFile(fs, path);
    if (local != null) {
      try (OutputStream out = Files.newOutputStream(local, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(content);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  private static java.nio.file.Path localFile(FileSystem fs, Path path) {
    if (fs instanceof LocalFileSystem l) {
      return l.pathToFile(path).toPath();
    }
    if (fs instanceof RawLocalFileSystem r) {
      return r.pathToFile(path).toPath();
    }
    return null;
  }

  private static byte[] holder(String runId, Instant startedAt) throws IOException {
    Properties p = new Properties();
    p.setProperty("run", runId);
    p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    p.setProperty("host", hostName());
    p.setProperty("started", startedAt.toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    p.store(bytes, "nkwatch run lock");
    return bytes.toByteArray();
  }

  /** The lock's holder; null if the lock is gone. Waits while the lock is empty (its holder is writing it). */
  private static Properties readSettled(FileSystem fs, Path path) throws IOException {
    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    while (true) {
      Properties p = read(fs, path);
      if (p == null || !p.isEmpty() || System.currentTimeMillis() > deadline) {
        return p;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return p;
      }
    }
  }

  /** The properties in {@code path}, or null if it does not exist. */
  private static Properties read(FileSystem fs, Path path) throws IOException {
    byte[] bytes;
    java.nio.file.Path local = localFile(fs, path);
    try {
      if (local != null) {
        bytes = Files.readAllBytes(local);
      } else {
        try (InputStream in = fs.open(path)) {
          bytes = in.readAllBytes();
        }
      }
    } catch (NoSuchFileException | FileNotFoundException e) {
      return null;
    }
    Properties p = new Properties();
    p.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
    return p;
  }

  /**
   * Moves the stale lock aside; true if the lock moved was the stale one judged (so the caller may take the
   * lock), false if another run took it meanwhile (the move is undone when it can be).
   */
  private static boolean takeOver(FileSystem fs, Path path, Properties stale) throws IOException {
    Path aside = new Path(path.getParent(), FILE + ".stale-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    if (!fs.rename(path, aside)) {
      return true;                        // gone already: whoever moved it, try to create it again
    }
    Properties moved = read(fs, aside);
    if (moved != null && !sameHolder(moved, stale)) {
      // a live run's fresh lock: put it back if nobody has taken the lock since
      if (!fs.exists(path)) {
        fs.rename(aside, path);
      }
      return false;
    }
    fs.delete(aside, false);
    return true;
  }

  private static boolean sameHolder(Properties a, Properties b) {
    return a.getProperty("run", "").equals(b.getProperty("run", "")) && a.getProperty("pid", "").equals(b.getProperty("pid", ""))
        && a.getProperty("host", "").equals(b.getProperty("host", ""));
  }

  /** The holder ran on this host and its process is gone, or the lock stayed empty (its writer died). */
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

  static String hostName() {
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
