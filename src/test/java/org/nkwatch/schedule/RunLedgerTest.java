package org.nkwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nkwatch.schedule.RunLedger.InputState;

/** What an incremental run reads, from what the ledger recorded; without Spark. */
class RunLedgerTest {
  /** How the files' corpus reads them ({@link org.nkwatch.config.CorpusSpec#reading}). */
  private static final String KCNA = org.nkwatch.config.CorpusSpec.adHoc("kcna", "hdfs:///corpora/kcna").reading();
  private static final InputState A = new InputState("hdfs:///corpora/kcna/a.csv", 100, 1_000, KCNA);
  private static final InputState B = new InputState("hdfs:///corpora/kcna/b.csv", 200, 2_000, KCNA);

  @Test
  void newAndChangedFilesAreReadUnchangedOnesSkipped() {
    RunLedger ledger = RunLedger.EMPTY.recording("run-1", List.of(A, B));
    assertThat(ledger.mustRead(A)).isFalse();
    assertThat(ledger.mustRead(new InputState("hdfs:///corpora/kcna/c.csv", 1, 1, KCNA))).isTrue();
    InputState longer = new InputState(A.path(), 150, 1_000, KCNA);
    InputState touched = new InputState(A.path(), 100, 5_000, KCNA);
    assertThat(ledger.mustRead(longer)).isTrue();
    assertThat(ledger.changed(longer)).isTrue();
    assertThat(ledger.mustRead(touched)).isTrue();
    assertThat(ledger.changed(new InputState("hdfs:///corpora/kcna/c.csv", 1, 1, KCNA))).as("new, not changed").isFalse();
  }

  @Test
  void aFileItsCorpusNowReadsOtherwiseIsReadAgain() {
    RunLedger ledger = RunLedger.EMPTY.recording("run-1", List.of(A, B));
    org.nkwatch.config.CorpusSpec edited = new org.nkwatch.config.CorpusSpec("kcna", List.of("hdfs:///corpora/kcna"),
        "auto", null, null, null, "state_media", null);
    InputState readOtherwise = new InputState(A.path(), A.length(), A.modified(), edited.reading());
    assertThat(ledger.mustRead(readOtherwise)).isTrue();
    assertThat(ledger.readOtherwise(readOtherwise)).isTrue();
    assertThat(ledger.changed(readOtherwise)).as("the file itself is as it was").isFalse();
    assertThat(ledger.readOtherwise(A)).isFalse();
    assertThat(ledger.readOtherwise(new InputState(A.path(), 150, 1_000, edited.reading())))
        .as("changed, not only read otherwise").isFalse();
    // a ledger written before it recorded how each file was read: every file is read once more
    RunLedger older = RunLedger.fromJson("inputs.json", ledger.toJson().replaceAll("\"reading\" : \"[0-9a-f]+\",", ""));
    assertThat(older.toJson()).doesNotContain(KCNA);
    assertThat(older.mustRead(A)).isTrue();
    assertThat(older.readingUnrecorded(A)).isTrue();
    assertThat(older.readOtherwise(A)).as("not known to be read otherwise: not said how it was read").isFalse();
    assertThat(ledger.readingUnrecorded(A)).isFalse();
    // a field a later nkwatch may add is ignored, not an error
    RunLedger later = RunLedger.fromJson("inputs.json", ledger.toJson().replace("\"run\" :", "\"checksum\" : \"x\", \"run\" :"));
    assertThat(later.entries()).isEqualTo(ledger.entries());
  }

  @Test
  void theFilesReadAreCountedByWhyTheyWereRead() {
    RunLedger ledger = RunLedger.EMPTY.recording("run-1", List.of(A, B));
    InputState fresh = new InputState("hdfs:///corpora/kcna/c.csv", 1, 1, KCNA);
    InputState longer = new InputState(A.path(), 150, 1_000, KCNA);
    InputState readOtherwise = new InputState(B.path(), B.length(), B.modified(), "0123456789ab");
    assertThat(ledger.reasons(List.of(fresh, longer, readOtherwise)))
        .isEqualTo(new RunLedger.Reasons(1, 1, 1, 0));
    assertThat(ledger.reasons(List.of(fresh, longer, readOtherwise)).inWords()).isEqualTo("1 new, 1 changed, 1 unchanged "
        + "read again: their corpus's registry entry is not the one the ledger records them read with");
    RunLedger older = RunLedger.fromJson("inputs.json", ledger.toJson().replaceAll("\"reading\" : \"[0-9a-f]+\",", ""));
    assertThat(older.reasons(List.of(A, B)).inWords())
        .isEqualTo("2 unchanged read again: the ledger, from an earlier nkwatch, does not say how they were read");
    assertThat(ledger.reasons(List.of()).inWords()).isEmpty();
  }

  @Test
  void anIncrementalRunAddsToTheLedgerAFullRunReplacesIt() {
    RunLedger first = RunLedger.EMPTY.recording("run-1", List.of(A, B));
    InputState changedB = new InputState(B.path(), 250, 3_000, KCNA);
    RunLedger incremental = first.recording("run-2", List.of(changedB));
    assertThat(incremental.entries()).extracting(RunLedger.Entry::path, RunLedger.Entry::length, RunLedger.Entry::run)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(A.path(), 100L, "run-1"),
            org.assertj.core.groups.Tuple.tuple(B.path(), 250L, "run-2"));
    // a full run of the KCNA corpus alone: the ledger forgets that corpus's files but what it read, and keeps another's
    InputState other = new InputState("hdfs:///corpora/rodong/r.jsonl", 10, 10, "0123456789ab");
    RunLedger full = incremental.recording("run-3", List.of(other)).forgetting(java.util.Set.of(KCNA))
        .recording("run-4", List.of(A));
    assertThat(full.entries()).extracting(RunLedger.Entry::path, RunLedger.Entry::run).containsExactly(
        org.assertj.core.groups.Tuple.tuple(A.path(), "run-4"), org.assertj.core.groups.Tuple.tuple(other.path(), "run-3"));
  }

  @Test
  void theLedgerSurvivesItsJsonAndABrokenOneIsNamed() {
    RunLedger ledger = RunLedger.EMPTY.recording("run-1", List.of(B, A));
    RunLedger back = RunLedger.fromJson("ledger/inputs.json", ledger.toJson());
    assertThat(back.entries()).isEqualTo(ledger.entries());
    assertThat(ledger.toJson()).contains("\"files\"", "\"modified\" : 1000", "\"reading\" : \"" + KCNA + "\"",
        "\"run\" : \"run-1\"");
    assertThatThrownBy(() -> RunLedger.fromJson("out/ledger/inputs.json", "{\"files\": [")).hasMessageStartingWith(
        "ledger out/ledger/inputs.json is not valid: ");
  }
}
