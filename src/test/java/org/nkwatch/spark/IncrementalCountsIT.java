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
  /** A corpus whose partition folder's name is escaped ({@code corpus=b c%3Aé}). */
  private static final String B = "b c:é";
  private static SparkSession spark;

  @TempDir
  Path out;

  @BeforeAll
  static void start() {
    spark = SparkSessions.create("incremental-counts-it", java.util.Map.of("spark.master", "local[2]",
        "spark.sql.shuffle.partitions", "4"));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aNightCountsOnlyTheChangedPartitionsAndEndsWithTheCountsOfAWholeRecount() throws Exception {
    TableStore store = new TableStore(spark, out.toString());
    LocalDate newYearsEve = LocalDate.of(2024, 12, 31);
    List<Row> articles = new ArrayList<>(List.of(
        article("a1", "a", newYearsEve, "state_media"),
        article("a2", "a", null, "state_media"),
        article("a3", "a", LocalDate.of(2023, 3, 1), "state_media"),
        article("b1", B, LocalDate.of(2012, 5, 1), "defector_network")));
    List<Row> mentions = new ArrayList<>(List.of(
        mention("a1", "a", newYearsEve, PERSON, "k", "Old Name"),
        mention("a1", "a", newYearsEve, PERSON, "k", "Old Name"),
        mention("a1", "a", newYearsEve, "SANCTION", "dismissal", "Dismissal"),
        mention("a2", "a", null, PERSON, "k", "Old Name"),
        mention("a3", "a", LocalDate.of(2023, 3, 1), PERSON, "gone", "Gone"),
        mention("b1", B, LocalDate.of(2012, 5, 1), PERSON, "other", "Other"),
        mention("b1", B, LocalDate.of(2012, 5, 1), "SANCTION", "dismissal", "Dismissal")));
    List<Row> events = new ArrayList<>(List.of(event("a1", "a", newYearsEve, "mfa")));
    write(store, articles, mentions, null, events, "run-20261125T000001Z");
    AggregateJob.Result first = AggregateJob.run(store, "run-20261125T000002Z");
    assertThat(first.recounted()).isTrue();
    assertThat(first.partitionsKept()).as("no counts before").isZero();

    // the night: three mentions of k under another name in corpus B (2012), one in a's 2025, in the week that began
    // on Monday 2024-12-30 like a1's; a3's partition goes (its file changed, its article gone)
    articles.removeIf(r -> r.getString(0).equals("a3"));
    mentions.removeIf(r -> r.getString(0).equals("a3"));
    articles.add(article("a4", "a", LocalDate.of(2025, 1, 2), "state_media"));
    articles.add(article("b2", B, LocalDate.of(2012, 6, 1), "defector_network"));
    mentions.add(mention("a4", "a", LocalDate.of(2025, 1, 2), PERSON, "k", "New Name"));
    for (int i = 0; i < 3; i++) {
      mentions.add(mention("b2", B, LocalDate.of(2012, 6, 1), PERSON, "k", "New Name"));
    }
    write(store, articles, mentions, Set.of(List.of("a", "2023"), List.of("a", "2025"), List.of(B, "2012")), null,
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
      assertThat(duck.strings("SELECT key || ' ' || mentions FROM " + counts + " WHERE corpus = 'a' AND grain = 'all'"
          + " AND kind IN ('SANCTION_BY_SOURCE_TYPE', 'ORGANIZATION_BY_SANCTION') ORDER BY 1"))
          .as("the kept sanction mention's cross-tab, and the event's, once each")
          .containsExactly("dismissal|state_media 1", "mfa|dismissal 1");
      assertThat(duck.count("SELECT count(*) FROM " + counts + " WHERE key = 'gone'")).isZero();
    }
    assertThat(incremental).isEqualTo(recountedWhole(store));

    // nothing changed since: up to date
    assertThat(AggregateJob.run(store, "run-20261125T000006Z").recounted()).isFalse();

    // only the events change: every dated partition's day counts kept, the events' cross-tab counted again
    events.add(event("b2", B, LocalDate.of(2012, 6, 1), "mfa"));
    write(store, articles, mentions, Set.of(), events, "run-20261125T000007Z");
    AggregateJob.Result newEvent = AggregateJob.run(store, "run-20261125T000008Z");
    assertThat(newEvent.partitionsKept()).as("all but a's undated one").isEqualTo(3);
    try (Duck duck = new Duck(out)) {
      assertThat(duck.count("SELECT sum(mentions) FROM " + duck.table("counts")
          + " WHERE kind = 'ORGANIZATION_BY_SANCTION' AND grain = 'all'")).isEqualTo(2);
    }
    assertThat(counts()).isEqualTo(recountedWhole(store));

    // corpus a's source type changes (it is part of the sanction cross-tab's keys): a's partitions are counted again
    articles.replaceAll(r -> r.getString(1).equals("a") ? article(r.getString(0), "a", r.getAs(7), "government") : r);
    write(store, articles, mentions, Set.of(), null, "run-20261125T000009Z");
    AggregateJob.Result retyped = AggregateJob.run(store, "run-20261125T000010Z");
    assertThat(retyped.recounted()).isTrue();
    assertThat(retyped.partitionsKept()).as("corpus B's").isEqualTo(1);
    try (Duck duck = new Duck(out)) {
      assertThat(duck.strings("SELECT DISTINCT key FROM " + duck.table("counts")
          + " WHERE corpus = 'a' AND kind = 'SANCTION_BY_SOURCE_TYPE'")).containsExactly("dismissal|government");
    }
    assertThat(counts()).isEqualTo(recountedWhole(store));
  }

  /**
   * Writes articles whole, mentions rewriting only {@code rewritten} (null: all; empty: none, the mentions' files as
   * they were) and the sanction events given (null: as they were).
   */
  private static void write(TableStore store, List<Row> articles, List<Row> mentions, Set<List<String>> rewritten,
      List<Row> events, String run) {
    store.write(TableSchemas.ARTICLES, spark.createDataFrame(articles, TableSchemas.ARTICLE), run);
    if (rewritten == null || !rewritten.isEmpty()) {
      store.write(TableSchemas.MENTIONS, spark.createDataFrame(mentions, TableSchemas.MENTION), run, rewritten);
    }
    if (events != null) {
      store.write(TableSchemas.SANCTION_EVENTS, spark.createDataFrame(events, TableSchemas.SANCTION_EVENT), run);
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

  private static Row mention(String doc, String corpus, LocalDate published, String kind, String key, String name) {
    boolean sanction = kind.equals("SANCTION");
    return RowFactory.create(doc, corpus, published, kind, key, name, name, 0, 0, name.length(), name + " spoke.",
        sanction ? "affirmed" : null, sanction ? "confirmed" : null, true, published == null ? null : published.getYear());
  }

  /** A confirmed dismissal of an organization. */
  private static Row event(String doc, String corpus, LocalDate published, String organization) {
    return RowFactory.create(doc, corpus, published, "dismissal", organization, "Ministry", "ORGANIZATION", null, null,
        null, null, "confirmed", "affirmed", 0, "The ministry's officials were dismissed.",
        published == null ? null : published.getYear());
  }
}
