package org.nkwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nkwatch.schedule.PublicationWindow;

/** Precedence of the three levels (command line > job file > packaged conf/job.yaml), one test per level. */
class JobSettingsTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 5, 15);

  private static final String JOB_FILE = """
      registry: /opt/nkwatch/conf/corpora.yaml
      output: hdfs:///nkwatch/out
      briefs: [weekly-brief, sanctions-brief]
      period: last-month
      incremental: true
      spark-conf:
        spark.sql.shuffle.partitions: 8
        spark.executor.memory: 4g
      """;

  private static JobConfig commandLine(String output, List<String> briefs, String period, String since, Boolean incremental,
      Map<String, String> conf) {
    return new JobConfig(JobConfig.COMMAND_LINE, Map.of(), null, null, null, null, output, briefs, period, since,
        null, incremental, conf, null, null);
  }

  private static JobSettings resolve(JobConfig... levels) {
    return JobSettings.resolve(List.of(levels), TODAY);
  }

  @Test
  void thePackagedDefaultsApplyWhenNothingElseSetsAKey() {
    JobSettings s = resolve(JobConfig.empty(JobConfig.COMMAND_LINE), JobConfig.packagedDefaults());
    assertThat(s.output()).isEqualTo("out");
    assertThat(s.briefs()).containsExactly("monthly-brief");
    assertThat(s.incremental()).isFalse();
    assertThat(s.window()).isSameAs(PublicationWindow.ALL);
    assertThat(s.corpora().registry()).isNull();
  }

  @Test
  void theJobFileOverridesThePackagedDefaults() {
    JobSettings s = resolve(JobConfig.empty(JobConfig.COMMAND_LINE), JobConfig.parse("nightly.yaml", JOB_FILE),
        JobConfig.packagedDefaults());
    assertThat(s.output()).isEqualTo("hdfs:///nkwatch/out");
    assertThat(s.briefs()).as("run renders the briefs the job file lists").containsExactly("weekly-brief", "sanctions-brief");
    assertThat(s.incremental()).isTrue();
    assertThat(s.corpora().registry()).isEqualTo("/opt/nkwatch/conf/corpora.yaml");
    assertThat(s.window()).extracting("since", "until").containsExactly(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30));
    assertThat(s.sparkConf()).containsEntry("spark.sql.shuffle.partitions", "8");
  }

  @Test
  void theCommandLineOverridesTheJobFile() {
    JobConfig cli = commandLine("out2", List.of("monthly-brief"), null, "2024-05-01", false,
        Map.of("spark.sql.shuffle.partitions", "2"));
    JobSettings s = resolve(cli, JobConfig.parse("nightly.yaml", JOB_FILE), JobConfig.packagedDefaults());
    assertThat(s.output()).isEqualTo("out2");
    assertThat(s.briefs()).containsExactly("monthly-brief");
    assertThat(s.incremental()).as("--no-incremental over incremental: true").isFalse();
    // the window is one setting: --since replaces the file's period whole, leaving no upper bound
    assertThat(s.window()).extracting("since", "until").containsExactly(LocalDate.of(2024, 5, 1), null);
    // Spark settings merge one by one, the command line winning
    assertThat(s.sparkConf()).containsEntry("spark.sql.shuffle.partitions", "2").containsEntry("spark.executor.memory", "4g");
    assertThat(s.corpora().registry()).as("a key the command line leaves alone").isEqualTo("/opt/nkwatch/conf/corpora.yaml");
  }

  @Test
  void aJobFilesEmptyListOfBriefsRendersNone() {
    JobSettings s = resolve(JobConfig.empty(JobConfig.COMMAND_LINE), JobConfig.parse("job.yaml", "briefs: []\n"),
        JobConfig.packagedDefaults());
    assertThat(s.briefs()).isEmpty();
  }

  @Test
  void aBriefNamedTwiceIsAnErrorThatNamesIt() {
    assertThatThrownBy(() -> commandLine("out", List.of("monthly-brief", "weekly-brief", "monthly-brief"), null, null,
        null, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--brief names 'monthly-brief' twice: list each brief once");
    assertThatThrownBy(() -> JobConfig.parse("job.yaml", "output: out\nbriefs: [weekly-brief, weekly-brief]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("job.yaml:2: briefs names 'weekly-brief' twice: list each brief once");
    assertThat(JobConfig.parse("job.yaml", "briefs: [weekly-brief, monthly-brief]\n").briefs())
        .containsExactly("weekly-brief", "monthly-brief");
  }

  @Test
  void unknownKeysAreRejectedWithFileLineAndKey() {
    assertThatThrownBy(() -> JobConfig.parse("jobs/nightly.yaml", "output: out\n\nperiods: 2024-05\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("jobs/nightly.yaml:3: unknown key 'periods' (expected one of [registry, data-root");
    assertThatThrownBy(() -> JobConfig.parse("job.yaml", "incremental: yes please\n"))
        .hasMessage("job.yaml:1: 'incremental' must be true or false, got 'yes please'");
    assertThatThrownBy(() -> JobConfig.parse("job.yaml", "output: !!java.lang.ProcessBuilder [x]\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("job.yaml:1");
  }

  @Test
  void badWindowsNameTheValueAndWhereItCameFrom() {
    assertThatThrownBy(() -> resolve(commandLine("out", null, "2024-13", null, null, Map.of())))
        .hasMessageStartingWith("--period '2024-13' is not a period (expected");
    assertThatThrownBy(() -> resolve(commandLine("out", null, null, "May 1", null, Map.of())))
        .hasMessage("--since 'May 1' is not a date (expected YYYY-MM-DD)");
    assertThatThrownBy(() -> resolve(JobConfig.parse("job.yaml", "output: out\nperiod: 2024-W60\n")))
        .hasMessageStartingWith("job.yaml:2: period '2024-W60' is not a period");
    assertThatThrownBy(() -> resolve(commandLine("out", null, "2024-05", "2024-05-01", null, Map.of())))
        .hasMessageContaining("--period '2024-05' and since '2024-05-01' both name a window");
  }
}
