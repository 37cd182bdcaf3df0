package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BriefDefinitionTest {
  @TempDir
  Path dir;

  @Test
  void shippedDefinitionsLoad() {
    BriefDefinition weekly = BriefDefinition.load(Path.of("reports"), "weekly-watch");
    assertThat(weekly.name()).isEqualTo("weekly-watch");
    assertThat(weekly.period()).isEqualTo(PeriodSpec.last(Grain.WEEK, 1));
    assertThat(weekly.compareWithPrevious()).isTrue();
    assertThat(weekly.sections()).startsWith(Section.KEY_FIGURES, Section.KEY_FINDINGS).contains(Section.SANCTIONS);
    assertThat(weekly.corpora()).isEmpty();
    assertThat(weekly.includesCorpus("kcna")).isTrue();

    BriefDefinition monthly = BriefDefinition.load(Path.of("reports"), "monthly-brief");
    assertThat(monthly.period()).isEqualTo(PeriodSpec.last(Grain.MONTH, 3));
    assertThat(monthly.topN()).isEqualTo(15);
    assertThat(monthly.charts()).contains(ChartKind.THEMES_OVER_TIME, ChartKind.ORGANIZATIONS_BY_SANCTION);
  }

  @Test
  void defaultsApplyToAMinimalDefinition() throws IOException {
    BriefDefinition d = load("mini", "title: Mini\nperiod: {grain: month, from: 2025-01-01, to: 2025-01-31}\n");
    assertThat(d.audience()).isEmpty();
    assertThat(d.compareWithPrevious()).isFalse();
    assertThat(d.topN()).isEqualTo(BriefDefinition.DEFAULT_TOP_N);
    assertThat(d.sections()).containsExactly(Section.values());
    assertThat(d.charts()).containsExactly(ChartKind.values());
    assertThat(d.period().window(LocalDate.of(2030, 1, 1)))
        .isEqualTo(new DateWindow(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)));
    assertThat(d.period().previousWindow(LocalDate.of(2030, 1, 1)))
        .isEqualTo(new DateWindow(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31)));
  }

  @Test
  void weeksAndMonthsCoverWholePeriods() {
    LocalDate wednesday = LocalDate.of(2025, 3, 26);
    assertThat(PeriodSpec.last(Grain.WEEK, 1).window(wednesday))
        .isEqualTo(new DateWindow(LocalDate.of(2025, 3, 24), LocalDate.of(2025, 3, 30)));
    assertThat(PeriodSpec.last(Grain.WEEK, 1).previousWindow(wednesday))
        .isEqualTo(new DateWindow(LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 23)));
    assertThat(PeriodSpec.last(Grain.MONTH, 3).window(wednesday))
        .isEqualTo(new DateWindow(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)));
    assertThat(PeriodSpec.last(Grain.MONTH, 3).previousWindow(wednesday))
        .isEqualTo(new DateWindow(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 31)));
  }

  @Test
  void errorsNameTheFileAndTheKey() throws IOException {
    String period = "period: {grain: week, last: 1}\n";
    assertError("typo", "title: T\n" + period + "sectons: [charts]\n", "typo.yaml", "sectons", "unknown key");
    assertError("grain", "title: T\nperiod: {grain: day, last: 1}\n", "grain.yaml", "period.grain", "'day'");
    assertError("both", "title: T\nperiod: {grain: week, last: 1, from: 2025-01-01, to: 2025-01-02}\n",
        "both.yaml", "period", "either");
    assertError("date", "title: T\nperiod: {grain: week, from: 2025-13-01, to: 2025-01-02}\n",
        "date.yaml", "period.from", "2025-13-01");
    assertError("order", "title: T\nperiod: {grain: week, from: 2025-02-01, to: 2025-01-02}\n",
        "order.yaml", "period.to", "before");
    assertError("section", "title: T\n" + period + "sections: [charts, gossip]\n", "section.yaml", "sections", "gossip");
    assertError("twice", "title: T\n" + period + "charts: [top_people, top_people]\n", "twice.yaml", "charts", "twice");
    assertError("topn", "title: T\n" + period + "top_n: 500\n", "topn.yaml", "top_n", "500");
    assertError("topnword", "title: T\n" + period + "top_n: many\n", "topnword.yaml", "top_n", "many");
    assertError("notitle", period, "notitle.yaml", "title", "required");
    assertError("noperiod", "title: T\n", "noperiod.yaml", "period", "required");
    assertError("comparison", "title: T\n" + period + "comparison: last_year\n", "comparison.yaml", "comparison", "last_year");
    assertError("last", "title: T\nperiod: {grain: week, last: 0}\n", "last.yaml", "period.last", "positive");
    assertError("broken", "title: [unclosed\n", "broken.yaml", "not valid YAML");
    assertError("empty", "", "empty.yaml", "empty");
    assertError("corpora", "title: T\n" + period + "corpora: kcna\n", "corpora.yaml", "corpora", "list");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> BriefDefinition.load(dir, "nowhere"))
        .isInstanceOf(BriefDefinitionException.class).hasMessageContaining("nowhere.yaml");
  }

  @Test
  void yamlTagsCannotBuildObjects() throws IOException {
    // snakeyaml-engine's safe loader: a Java type tag is not honoured
    assertError("tag", "title: !!javax.script.ScriptEngineManager [x]\nperiod: {grain: week, last: 1}\n", "tag.yaml");
  }

  private void assertError(String name, String yaml, String... expected) throws IOException {
    assertThatThrownBy(() -> load(name, yaml))
        .as(name)
        .isInstanceOf(BriefDefinitionException.class)
        .hasMessageContainingAll(expected);
  }

  private BriefDefinition load(String name, String yaml) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return BriefDefinition.load(file);
  }
}
