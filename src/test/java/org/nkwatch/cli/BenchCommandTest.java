package org.nkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nkwatch.spark.Benchmark;
import picocli.CommandLine;

/**
 * The command line a benchmark over several scales gives each scale's JVM is one the bench command takes; which
 * runs look for near-duplicates.
 */
class BenchCommandTest {
  private static BenchCommand parsed(List<String> args) {
    CommandLine cli = new CommandLine(new Main());
    CommandLine.ParseResult result = cli.parseArgs(args.toArray(String[]::new));
    return (BenchCommand) result.subcommand().commandSpec().userObject();
  }

  @Test
  void eachScalesJvmTimesTheFloorWhenTheRunOverAllScalesDoes() {
    BenchCommand withFloor = parsed(Benchmark.scaleJvmArgs(8, Path.of("/data"), Path.of("/work"), true));
    assertThat(withFloor.floor).isTrue();
    assertThat(withFloor.scaleLine).isTrue();
    assertThat(withFloor.scales).containsExactly(8);
    assertThat(withFloor.dataRoot).isEqualTo("/data");
    assertThat(withFloor.workDir).isEqualTo(Path.of("/work"));

    BenchCommand withoutFloor = parsed(Benchmark.scaleJvmArgs(1, Path.of("/data"), Path.of("/work"), false));
    assertThat(withoutFloor.floor).isFalse();
    assertThat(withoutFloor.scales).containsExactly(1);
  }

  @Test
  void nearDuplicatesAreLookedForOverTheCorpusAsItIsInARunOfOneScale() {
    assertThat(parsed(List.of("bench")).looksForNearDuplicates()).isTrue();
    assertThat(parsed(List.of("bench", "--scale", "1", "--floor")).looksForNearDuplicates()).isTrue();
    // copies of the corpus would all be near-duplicates of each other
    assertThat(parsed(List.of("bench", "--scale", "8")).looksForNearDuplicates()).isFalse();
    // a scale of a run over several does the same work per copy as the others
    assertThat(parsed(List.of("bench", "--scale", "1,8")).looksForNearDuplicates()).isFalse();
    assertThat(parsed(Benchmark.scaleJvmArgs(1, Path.of("/data"), Path.of("/work"), false)).looksForNearDuplicates())
        .isFalse();
  }
}
