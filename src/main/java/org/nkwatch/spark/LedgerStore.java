package org.nkwatch.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.nkwatch.schedule.RunLedger;

/**
 * The run ledger's file, {@code <output>/ledger/inputs.json}, on any Hadoop filesystem. It is replaced
 * atomically and only once a run's tables are written, so it never names a file whose rows are missing.
 */
final class LedgerStore {
  private final Path file;
  private final Configuration conf;

  LedgerStore(String output, Configuration conf) {
    this.file = new Path(new Path(output, "ledger"), "inputs.json");
    this.conf = conf;
  }

  RunLedger read() {
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(file)) {
        return RunLedger.EMPTY;
      }
      try (InputStream in = fs.open(file)) {
        return RunLedger.fromJson(file.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run ledger " + file + ": " + e.getMessage(), e);
    }
  }

  void write(RunLedger ledger) {
    try {
      RunManifest.replaceAtomically(file, ledger.toJson().getBytes(StandardCharsets.UTF_8), conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run ledger " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
