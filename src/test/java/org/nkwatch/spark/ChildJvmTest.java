package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {
  private static final List<String> PARENT_FLAGS = List.of("-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=/t/n.jsa", "-XX:StartFlightRecording=filename=/tmp/x.jfr",
      "-XX:ArchiveClassesAtExit=/t/n.jsa.12", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
      "-javaagent:/j/agent.jar", "-agentpath:/p/libasyncProfiler.so=start", "-Dspark.master=local[*]",
      "-Dlog4j2.configurationFile=/c/log4j2.properties");

  @Test
  void theChildGetsTheParentsFlagsButNotItsRecordingsAgentsOrMaster() {
    List<String> command = ChildJvm.command("/jdk/bin/java", PARENT_FLAGS, "/a.jar:/b.jar",
        BaselineJob.class.getName(), "local[2]", List.of("/corpus", "/out", "3"));
    assertThat(command).containsExactly("/jdk/bin/java", "-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=/t/n.jsa", "-Dlog4j2.configurationFile=/c/log4j2.properties",
        "-Dspark.master=local[2]", "-cp", "/a.jar:/b.jar", "org.nkwatch.spark.BaselineJob", "/corpus", "/out", "3");
  }

  @Test
  void withoutAMasterOfItsOwnTheChildKeepsTheParents() {
    List<String> command = ChildJvm.command("/jdk/bin/java", PARENT_FLAGS, "/a.jar", "org.nkwatch.cli.Main", null,
        List.of("bench", "--scale", "8"));
    assertThat(command).containsExactly("/jdk/bin/java", "-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=/t/n.jsa", "-Dspark.master=local[*]",
        "-Dlog4j2.configurationFile=/c/log4j2.properties", "-cp", "/a.jar", "org.nkwatch.cli.Main", "bench",
        "--scale", "8");
  }

  @Test
  void aTimedRunIsReadBackFromItsLineAndOtherLinesAreNot() {
    Benchmark.Step step = new Benchmark.Step("floor", 15.0314, 28.3925, 0, 0, 844_510_224L);
    String line = ChildJvm.runLine("floor-run", step, 295_718L);

    assertThat(line).isEqualTo("floor-run 15.031 28.393 844510224 295718");
    ChildJvm.TimedRun run = ChildJvm.TimedRun.parse("floor-run", 1, line);
    assertThat(run).isEqualTo(new ChildJvm.TimedRun(15.031, 28.393, 844_510_224L, List.of(295_718L)));
    assertThat(run.step("floor", 22_000, 32_000_000)).isEqualTo(
        new Benchmark.Step("floor", 15.031, 28.393, 22_000, 32_000_000, 844_510_224L));
    assertThat(ChildJvm.TimedRun.parse("baseline-run", 1, line)).isNull();
    assertThat(ChildJvm.TimedRun.parse("floor-run", 0, line)).isNull();
    assertThat(ChildJvm.TimedRun.parse("floor-run", 1, "12:00:01 INFO floor-run started")).isNull();
  }
}
