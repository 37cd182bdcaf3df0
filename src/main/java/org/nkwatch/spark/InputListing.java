package org.nkwatch.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.nkwatch.config.CorpusSpec;

/** Expands each corpus's paths and globs (any Hadoop filesystem URI) into the files to read. */
final class InputListing {
  private InputListing() {
  }

  static List<InputFile> list(List<CorpusSpec> corpora, Configuration conf) {
    List<InputFile> files = new ArrayList<>();
    for (CorpusSpec corpus : corpora) {
      for (String location : corpus.paths()) {
        listLocation(corpus, location, conf, files);
      }
    }
    // largest first, so that the big files start early and the small ones fill the gaps
    files.sort(Comparator.comparingLong(InputFile::size).reversed().thenComparing(InputFile::uri));
    return files;
  }

  private static void listLocation(CorpusSpec corpus, String location, Configuration conf, List<InputFile> out) {
    try {
      Path path = new Path(location);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new InputException("input '" + location + "' of corpus '" + corpus.name() + "' does not exist");
      }
      for (FileStatus status : matches) {
        if (status.isDirectory()) {
          for (FileStatus file : FileListing.filesUnder(fs, status.getPath())) {
            if (!hidden(file.getPath(), status.getPath())) {
              out.add(new InputFile(corpus, file.getPath().toString(), file.getLen(), file.getModificationTime()));
            }
          }
        } else {
          out.add(new InputFile(corpus, status.getPath().toString(), status.getLen(), status.getModificationTime()));
        }
      }
    } catch (FileNotFoundException e) {
      throw new InputException("input '" + location + "' of corpus '" + corpus.name() + "' does not exist");
    } catch (IllegalArgumentException e) {
      throw new InputException("input '" + location + "' of corpus '" + corpus.name() + "' is not a valid path or URI: "
          + e.getMessage());
    } catch (IOException e) {
      throw new InputException("cannot list input '" + location + "' of corpus '" + corpus.name() + "': " + e.getMessage());
    }
  }

  /** Hidden and bookkeeping files (.DS_Store, _SUCCESS, .crc) below a listed folder are not articles. */
  private static boolean hidden(Path file, Path root) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}
