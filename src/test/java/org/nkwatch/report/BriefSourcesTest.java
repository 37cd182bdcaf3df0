package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A brief's sources digest changes with each thing the brief's content depends on, and only with them. */
class BriefSourcesTest {
  private static final BriefDefinition MONTHLY = BriefDefinitions.load(Path.of("reports"), "monthly-brief");
  private static final BriefDefinition WEEKLY = BriefDefinitions.load(Path.of("reports"), "weekly-watch");
  private static final String TABLES = "articles: 2 files aaaa\nmentions: 2 files bbbb\n";

  @Test
  void equalSourcesGiveEqualDigestsAndEachPartChangesIt() {
    Fonts fonts = Fonts.none();
    String digest = BriefSources.of(MONTHLY, TABLES, "config-1", fonts, "4.1.1");
    assertThat(digest).hasSize(32).isEqualTo(BriefSources.of(
        BriefDefinitions.load(Path.of("reports"), "monthly-brief"), TABLES, "config-1", Fonts.none(), "4.1.1"));
    List<String> others = List.of(
        BriefSources.of(WEEKLY, TABLES, "config-1", fonts, "4.1.1"),
        BriefSources.of(MONTHLY, TABLES.replace("bbbb", "bbbc"), "config-1", fonts, "4.1.1"),
        BriefSources.of(MONTHLY, TABLES, "config-2", fonts, "4.1.1"),
        BriefSources.of(MONTHLY, TABLES, "config-1", fonts, "4.1.3"));
    assertThat(others).doesNotContain(digest).doesNotHaveDuplicates();
  }
}
