package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local walk finds what Hadoop's own recursive listing finds: the same files, lengths and times. */
class FileListingTest {
  @TempDir
  Path dir;

  @Test
  void theLocalWalkListsWhatListFilesLists() throws Exception {
    Files.createDirectories(dir.resolve("a/b/c"));
    Files.createDirectories(dir.resolve("empty"));
    Files.writeString(dir.resolve("top.csv"), "1", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("a/one.txt"), "22", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("a/b/c/deep.json"), "333", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("a/b/_SUCCESS"), "", StandardCharsets.UTF_8);
    FileSystem fs = FileSystem.getLocal(new Configuration());
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir.toUri());

    List<String> walked = new ArrayList<>();
    for (FileStatus f : FileListing.filesUnder(fs, root)) {
      walked.add(f.getPath() + " " + f.getLen() + " " + f.getModificationTime());
    }
    List<String> listed = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      listed.add(f.getPath() + " " + f.getLen() + " " + f.getModificationTime());
    }
    // the local filesystem's checksum files (.crc) are hidden by both
    assertThat(walked).hasSize(4).containsExactlyInAnyOrderElementsOf(listed);
    assertThat(FileListing.filesUnder(fs, new org.apache.hadoop.fs.Path(root, "top.csv"))).hasSize(1);

    // locally the walk is what lists (listFiles starts a process per file there)
    FileSystem noListFiles = new org.apache.hadoop.fs.LocalFileSystem() {
      @Override
      public RemoteIterator<LocatedFileStatus> listFiles(org.apache.hadoop.fs.Path f, boolean recursive) {
        throw new AssertionError("listFiles asked of the local filesystem for " + f);
      }
    };
    noListFiles.initialize(java.net.URI.create("file:///"), new Configuration());
    assertThat(FileListing.filesUnder(noListFiles, root)).hasSize(4);
  }
}
