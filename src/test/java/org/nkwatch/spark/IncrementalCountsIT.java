package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.testing.Duck;

/**
 * Aggregate counts again only the partitions of mentions whose files changed since the counts were made, keeping
 * the others' day counts from the stored counts, and ends with the counts a whole recount makes: each case below is
 * compared, row for row, with the counts made again from every mention (their note deleted), read by DuckDB. The
 * tables are built by hand, so that names and dates are exactly those each case needs.
 */
class IncrementalCountsIT {
  private static final String PERSON = "PERSON";
  private static SparkSession spark;

  @TempDir
  Path out;

  @BeforeAll
  static void start() {
    spark = SparkSessions.create("incremental-counts-it", java.util.Map.of("spark.master", "local[2]"));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aNightCountsOnlyTheChangedPartitionsAndEndsWithTheCountsOfAWholeRecount() throws Exception {
    TableStore store = new TableStore(spark, out.toString());
    List<Row> articles = new ArrayList<>(List.of(
        article("a1", "a", LocalDate.of(2024, 12, 31), "state_media"),
        article("a2", "a", null, "state_media"),
        article("a3", "a", LocalDate.of(2023, 3, 1), "state_media"),
        article("b1", "b", LocalDate.of(2012, 5, 1), "defector_network")));
    List<Row> mentions = new ArrayList<>(List.of(
        mention("a1", "a", LocalDate.of(2024, 12, 31), "k", "Old Name"),
        mention("a1", "a", LocalDate.of(2024, 12, 31), "k", "Old Name"),
        mention("a2", "a", null, "k", "Old Name"),
        mention("a3", "a", LocalDate.of(2023, 3, 1), "gone", "Gone"),
        mention("b1", "b", LocalDate.of(2012, 5, 1), "other", "Other")));
    write(store, articles, mentions, null, "run-20261125T000001Z");
    AggregateJob.Result first = AggregateJob.run(store, "run-20261125T000002Z");
    assertThat(first.recounted()).isTrue();
    assertThat(first.partitionsKept()).as("no counts before").isZero();

    // the night: three mentions of k under another name in corpus b (2012), one in a's 2025, in the week that began
    // on Monday 2024-12-30 like a1's; a3's partition goes (its file changed, its article gone)
    articles.removeIf(r -> r.getString(0).equals("a3"));
    mentions.removeIf(r -> r.getString(0).equals("a3"));
    articles.add(article("a4", "a", LocalDate.of(2025, 1, 2), "state_media"));
    articles.add(article("b2", "b", LocalDate.of(2012, 6, 1), "defector_network"));
    mentions.add(mention("a4", "a", LocalDate.of(2025, 1, 2), "k", "New Name"));
    for (int i = 0; i < 3; i++) {
      mentions.add(mention("b2", "b", LocalDate.of(2012, 6, 1), "k", "New Name"));
    }
    write(store, articles, mentions, Set.of(List.of("a", "2023"), List.of("a", "2025"), List.of("b", "2012")),
        "run-20261125T000003Z");
    AggregateJob.Result night = AggregateJob.run(store, "run-20261125T000004Z");
    assertThat(night.recounted()).isTrue();
    assertThat(night.partitionsKept()).as("a/2024 kept; a's undated partition is always counted").isEqualTo(1);
    List<String> incremental = counts();
    try (Duck duck = new Duck(out)) {
      String counts = duck.table("counts");
      assertThat(duck.strings("SELECT DISTINCT name FROM " + counts + " WHERE key = 'k'"))
          .as("a/2024's kept rows take the name k now carries most").containsExactly("New Name");
      assertThat(duck.strings("SELECT mentions || '/' || documents FROM " + counts
          + " WHERE corpus = 'a' AND key = 'k' AND grain = 'week' AND period = DATE '2024-12-30'"))
          .as("a week of two years: a1's kept day and a4's new one").containsExactly("3/2");
      assertThat(duck.strings("SELECT mentions || '/' || documents FROM " + counts
          + " WHERE corpus = 'a' AND key = 'k' AND grain = 'all'")).as("a1, the undated a2 and a4")
          .containsExactly("4/3");
      assertThat(duck.count("SELECT count(*) FROM " + counts + " WHERE key = 'gone'")).isZero();
    }
    assertThat(incremental).isEqualTo(recountedWhole(store));

    // nothing changed since: up to date
    assertThat(AggregateJob.run(store, "run-20261125T000006Z").recounted()).isFalse();

    // corpus a's source type changes (it is part of the sanction cross-tab's keys): everything is counted again
    articles.replaceAll(r -> r.getString(1).equals("a") ? article(r.getString(0), "a", r.getAs(7), "government") : r);
    write(store, articles, mentions, Set.of(), "run-20261125T000007Z");
    AggregateJob.Result retyped = AggregateJob.run(store, "run-20261125T000008Z");
    assertThat(retyped.recounted()).isTrue();
    assertThat(retyped.partitionsKept()).isZero();
    assertThat(counts()).isEqualTo(recountedWhole(store));
  }

  /**
   * Writes articles whole and mentions rewriting only {@code rewritten} (null: all; empty: none, the mentions'
   * files as they were); no sanction events.
   */
  private static void write(TableStore store, List<Row> articles, List<Row> mentions, Set<List<String>> rewritten,
      String run) {
    store.write(TableSchemas.ARTICLES, spark.createDataFrame(articles, TableSchemas.ARTICLE), run);
    if (rewritten == null || !rewritten.isEmpty()) {
      store.write(TableSchemas.MENTIONS, spark.createDataFrame(mentions, TableSchemas.MENTION), run, rewritten);
    }
    if (!store.exists(TableSchemas.SANCTION_EVENTS)) {
      store.write(TableSchemas.SANCTION_EVENTS, spark.createDataFrame(List.of(), TableSchemas.SANCTION_EVENT), run);
    }
  }

  /** The counts counted again from every mention, their note deleted; the table is left so counted. */
  private List<String> recountedWhole(TableStore store) throws Exception {
    Files.delete(out.resolve("tables/counts/_sources"));
    AggregateJob.Result whole = AggregateJob.run(store, "run-20261125T000005Z");
    assertThat(whole.partitionsKept()).isZero();
    return counts();
  }

  /** Every counts row, as DuckDB reads it, sorted. */
  private List<String> counts() throws Exception {
    try (Duck duck = new Duck(out)) {
      return duck.strings("SELECT concat_ws(',', corpus, grain, period, kind, key, name, mentions, documents) FROM "
          + duck.table("counts") + " ORDER BY 1");
    }
  }

  private static Row article(String id, String corpus, LocalDate published, String sourceType) {
    return RowFactory.create(id, corpus, "Publisher", sourceType, corpus + ".csv#" + id, null, "Title " + id,
        published, null, "en", "Text of " + id + ".", 1, 3,
        published == null ? null : published.getYear());
  }

  private static Row mention(String doc, String corpus, LocalDate published, String key, String name) {
    return RowFactory.create(doc, corpus, published, PERSON, key,
        name, name, 0, 0, name.length(), name + " spoke.", null, null, true,
        published == null ? null : published.getYear());
  }
}
