package org.nkwatch.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.nkwatch.report.BriefLedger;
import org.nkwatch.report.BriefManifest;

/**
 * {@code <output>/briefs/}, on any Hadoop filesystem. PDF and chart writers need a local folder: for an output on
 * another filesystem (hdfs:, s3a:, gs:) briefs are rendered into a temporary local folder holding a copy of the remote
 * manifest, then each file is copied over whole. Closing it deletes that temporary folder.
 */
final class BriefsFolder implements AutoCloseable {
  private final Path local;
  /** The folder on the output's filesystem; null when the output is local. */
  private final org.apache.hadoop.fs.Path remote;
  private final Configuration conf;

  BriefsFolder(String output, Configuration conf) {
    this.conf = conf;
    if (isRemote(output)) {
      this.remote = new org.apache.hadoop.fs.Path(output, "briefs");
      this.local = temporaryFolder();
      // the briefs folder's manifest lists every brief rendered there: start from the remote one
      fetchManifest();
    } else {
      this.remote = null;
      this.local = Path.of(output.startsWith("file:") ? URI.create(output).getPath() : output, "briefs");
    }
  }

  /** Where briefs are rendered. */
  Path local() {
    return local;
  }

  /** Where a file of the folder is for readers of the output. */
  String where(String file) {
    return remote == null ? local.resolve(file).toString() : new org.apache.hadoop.fs.Path(remote, file).toString();
  }

  /** Makes a rendered file visible where readers of the output find it; returns that place. */
  String publish(Path file) {
    return remote == null ? file.toString() : copyToRemote(file);
  }

  /** A rendered file as the ledger records it, once {@link #publish published}. */
  BriefLedger.File recorded(Path file) {
    try {
      long modified = remote == null ? Files.getLastModifiedTime(file).toMillis()
          : status(file.getFileName().toString()).getModificationTime();
      return new BriefLedger.File(file.getFileName().toString(), BriefManifest.sha256(file), Files.size(file),
          modified);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the rendered file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a brief's files are still as the ledger recorded them: the manifest lists its PDF with that SHA-256, and
   * each file is as written (locally, its SHA-256; on a remote output, its size and modification time).
   */
  boolean stillAsRendered(BriefLedger.Entry brief) {
    try {
      boolean listed = BriefManifest.read(local).briefs().stream()
          .anyMatch(e -> e.file().equals(brief.pdf().name()) && e.sha256().equals(brief.pdf().sha256()));
      if (!listed) {
        return false;
      }
      for (BriefLedger.File file : brief.files()) {
        if (remote == null) {
          Path path = local.resolve(file.name());
          if (!Files.isRegularFile(path) || !file.sha256().equals(BriefManifest.sha256(path))) {
            return false;
          }
        } else {
          FileStatus status = status(file.name());
          if (status == null || status.getLen() != file.bytes() || status.getModificationTime() != file.modified()) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the briefs in " + (remote == null ? local : remote) + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (remote != null) {
      try (Stream<Path> files = Files.walk(local)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary folder left behind is harmless; the briefs were copied or the error is already on its way
      }
    }
  }

  private static boolean isRemote(String output) {
    return output.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !output.startsWith("file:");
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("nkwatch-briefs");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a local folder to render briefs in: " + e.getMessage(), e);
    }
  }

  /** The remote file's status; null when there is no such file. */
  private FileStatus status(String file) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(remote, file);
    FileSystem fs = path.getFileSystem(conf);
    return fs.exists(path) ? fs.getFileStatus(path) : null;
  }

  /** Copies a rendered file into the remote folder, whole: to a temporary name, then renamed (readers never see half a PDF). */
  private String copyToRemote(Path file) {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(remote, file.getFileName().toString());
    org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(remote, "_" + file.getFileName() + ".tmp");
    try {
      FileSystem fs = target.getFileSystem(conf);
      fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(file.toUri()), temp);
      fs.delete(target, false);
      if (!fs.rename(temp, target)) {
        throw new IOException("cannot rename " + temp + " to " + target);
      }
      return target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the brief " + file.getFileName() + " to " + remote + ": "
          + e.getMessage(), e);
    }
  }

  private void fetchManifest() {
    org.apache.hadoop.fs.Path manifest = new org.apache.hadoop.fs.Path(remote, BriefManifest.FILE_NAME);
    try {
      FileSystem fs = manifest.getFileSystem(conf);
      if (fs.exists(manifest)) {
        fs.copyToLocalFile(false, manifest, new org.apache.hadoop.fs.Path(local.resolve(BriefManifest.FILE_NAME).toUri()),
            true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
  }

}
