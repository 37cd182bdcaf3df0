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
}
