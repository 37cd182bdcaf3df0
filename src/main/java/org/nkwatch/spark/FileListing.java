package org.nkwatch.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files under a folder, at any depth, on any Hadoop filesystem: their paths, lengths and modification times.
 *
 * <p>Why not {@code FileSystem.listFiles(dir, true)} everywhere: on the local filesystem it makes a
 * {@code LocatedFileStatus} of each file, which copies the file's permissions and owner, and Hadoop's local
 * filesystem reads those by starting an {@code ls} per file: 300 files took 1.05 s to list that way on this
 * machine, against 0.014 s with {@code listStatus}. On object stores {@code listFiles} is the quick one (one
 * listing of every key under the prefix, not one per folder), so it stays theirs.
 */
final class FileListing {
  private FileListing() {
  }

  /** Every file under {@code dir} (a file given as {@code dir}: that file), in no particular order. */
  static List<FileStatus> filesUnder(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> found = new ArrayList<>();
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      walk(fs, dir, found);
    } else {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        found.add(it.next());
      }
    }
    return found;
  }

  private static void walk(FileSystem fs, Path dir, List<FileStatus> found) throws IOException {
    for (FileStatus status : fs.listStatus(dir)) {
      if (status.isDirectory()) {
        walk(fs, status.getPath(), found);
      } else {
        found.add(status);
      }
    }
  }
}
