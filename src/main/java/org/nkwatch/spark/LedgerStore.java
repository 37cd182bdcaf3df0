package org.nkwatch.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.nkwatch.report.BriefLedger;
import org.nkwatch.schedule.RunLedger;

/**
 * The ledger's files under {@code <output>/ledger/}, on any Hadoop filesystem: {@code inputs.json}, the input files
 * runs read ({@link RunLedger}), replaced only once a run's tables are written, so it never names a file whose rows
 * are missing; and {@code briefs.json}, what each brief was rendered from ({@link BriefLedger}), replaced once the
 * briefs it lists are written. Each is replaced atomically.
 */
final class LedgerStore {
  private static final String INPUTS = "inputs.json";
  private static final String BRIEFS = "briefs.json";

  private final Path folder;
  private final Configuration conf;

  LedgerStore(String output, Configuration conf) {
    this.folder = new Path(output, "ledger");
    this.conf = conf;
  }

  RunLedger read() {
    String json = readText(INPUTS);
    return json == null ? RunLedger.EMPTY : RunLedger.fromJson(new Path(folder, INPUTS).toString(), json);
  }

  void write(RunLedger ledger) {
    writeText(INPUTS, ledger.toJson());
  }

  BriefLedger readBriefs() {
    String json = readText(BRIEFS);
    return json == null ? BriefLedger.EMPTY : BriefLedger.fromJson(new Path(folder, BRIEFS).toString(), json);
  }

  void writeBriefs(BriefLedger ledger) {
    writeText(BRIEFS, ledger.toJson());
  }

  /** The file's text; null when there is no such file yet. */
  private String readText(String name) {
    Path file = new Path(folder, name);
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(file)) {
        return null;
      }
      try (InputStream in = fs.open(file)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ledger " + file + ": " + e.getMessage(), e);
    }
  }

  private void writeText(String name, String text) {
    Path file = new Path(folder, name);
    try {
      RunManifest.replaceAtomically(file, text.getBytes(StandardCharsets.UTF_8), conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ledger " + file + ": " + e.getMessage(), e);
    }
  }

  /** Where the inputs' ledger is, for the log. */
  String inputsPath() {
    return new Path(folder, INPUTS).toString();
  }
}
