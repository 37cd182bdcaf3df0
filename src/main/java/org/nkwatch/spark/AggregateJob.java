package org.nkwatch.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nkwatch.model.CrossTab;
import org.nkwatch.model.Mention;
import org.nkwatch.model.MentionKind;

/**
 * Aggregate: {@code mentions} to {@code counts} per corpus, period, kind and key, for each grain
 * (day, week starting Monday, month, and "all" for the whole run with no period; undated articles
 * count only there). Negated sanction mentions ("was not dismissed") are not counted.
 *
 * <p>All grains come from one aggregation: each mention is expanded to one (grain, period) pair per
 * grain, so the mentions are shuffled once, not once per grain. A SANCTION mention is expanded the same way
 * into a second row, its {@link CrossTab#SANCTION_BY_SOURCE_TYPE} row, so that cross-tab needs no join nor
 * union. {@link CrossTab#ORGANIZATION_BY_SANCTION} is counted from {@code sanction_events} in a query of its
 * own and joins the counts as a small local relation (see {@link #organizationsBySanctionType}).
 *
 * <p>Counted again only where mentions changed: a note beside the counts ({@link CountSources}) lists the files
 * each partition of mentions had when counted; the day counts of partitions whose files are as they were are read
 * back from the stored counts and summed with the recounted days into every grain (see {@link #perGrain}).
 */
public final class AggregateJob {
  public static final List<String> GRAINS = List.of("day", "week", "month", "all");

  private AggregateJob() {
  }

  /**
   * The note written with the counts: what they were counted from ({@link #sourcesOf}). Counts whose note matches
   * the tables as they are now would come out the same, and are not counted again.
   */
  static final String SOURCES_NOTE = "_sources";
  /**
   * The classes whose code decides what the counts hold. Their class files' digest is part of the counts'
   * sources, so counts written by a build that counted otherwise are counted again, with no version number
   * for anyone to remember to raise.
   */
  static final List<Class<?>> COUNTING_CLASSES = List.of(AggregateJob.class, Lookups.class, CrossTab.class,
      Mention.class, MentionKind.class, TableSchemas.class, CountSources.class, TableStore.class);

  /**
   * @param rows      rows of the counts table
   * @param recounted false when the counts were already those of the tables they count (nothing they read
   *                  changed since they were written) and were left as they were
   * @param partitionsKept partitions of mentions whose day counts were kept from the stored counts, not counted
   *                       again (their files were as they were when counted)
   */
  public record Result(long rows, boolean recounted, int partitionsKept) {
  }

  public static Result run(TableStore store, String runId) {
    return QueryLabels.step(store.spark(), "aggregate", () -> aggregate(store, runId));
  }

  /**
   * The counting code and the contents of every table aggregate reads, as lines: equal for two runs only when
   * neither those tables nor the counting changed in between. Read from listings, without a query.
   */
  static String tablesOf(TableStore store) {
    return store.contentsDigests(List.of(TableSchemas.ARTICLES, TableSchemas.MENTIONS, TableSchemas.SANCTION_EVENTS));
  }

  /** What counts are counted from: {@link #tablesOf}, the source type of each corpus and each partition of mentions. */
  static CountSources sourcesOf(TableStore store, String tables, Map<String, String> sourceTypes) {
    return new CountSources(CountingCode.DIGEST, tables, sourceTypes, store.partitionDigests(TableSchemas.MENTIONS));
  }

  /** The digest of {@link #COUNTING_CLASSES}, worked out once per JVM. */
  private static final class CountingCode {
    static final String DIGEST = classDigest(COUNTING_CLASSES);
  }

  /** A short digest of the class files of {@code classes}, as this JVM loaded them. */
  static String classDigest(List<Class<?>> classes) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (Class<?> c : classes) {
        String file = "/" + c.getName().replace('.', '/') + ".class";
        try (java.io.InputStream in = c.getResourceAsStream(file)) {
          if (in == null) {
            throw new IllegalStateException("the class file " + file + " is not on the classpath");
          }
          sha.update(c.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          sha.update(in.readAllBytes());
        }
      }
      return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Result aggregate(TableStore store, String runId) {
    // a night with nothing new (or a second aggregate) need not read every mention to write the same counts
    String note = store.note(TableSchemas.COUNTS, SOURCES_NOTE);  // null when there are no counts yet
    CountSources before = note == null ? null : CountSources.parse(note);
    String tables = tablesOf(store);
    if (before != null && before.countedFrom(CountingCode.DIGEST, tables)) {
      return new Result(store.rows(TableSchemas.COUNTS), false, 0);
    }
    Dataset<Row> mentions = store.read(TableSchemas.MENTIONS)
        .filter(col("polarity").isNull().or(col("polarity").equalTo(Mention.AFFIRMED)));
    Lookups lookups = QueryLabels.part(mentions.sparkSession(), "look up sanction type names and source types",
        () -> Lookups.of(mentions, store.read(TableSchemas.ARTICLES)));
    CountSources sources = sourcesOf(store, tables, lookups.sourceTypes());
    // counts are sums over articles, each of one corpus and day: a partition of mentions whose files are as they
    // were adds the same day counts as before, kept from the stored counts rather than counted from every mention
    Set<List<String>> recount = sources.partitionsToRecount(before);
    Dataset<Row> recounted = recount == null ? mentions
        : mentions.filter(TableStore.inPartitions(List.of(col("corpus"), col("year")), recount));
    Dataset<Row> keptDays = recount == null ? null : storedDayCounts(store, recount);
    Dataset<Row> counts = perGrain(countedRows(recounted, lookups), keptDays, namesOf(countedRows(mentions, lookups)))
        .unionByName(organizationsBySanctionType(store, mentions, lookups));
    store.writeWithNotes(TableSchemas.COUNTS, counts, runId, Map.of(SOURCES_NOTE, sources.note()));
    return new Result(store.rows(TableSchemas.COUNTS), true, sources.partitionsKept(recount));
  }

  /**
   * Each affirmed mention as (doc_id, corpus, published, kind, key, name), and a SANCTION mention once more as its
   * {@link CrossTab#SANCTION_BY_SOURCE_TYPE} row.
   */
  private static Dataset<Row> countedRows(Dataset<Row> affirmedMentions, Lookups lookups) {
    Column self = struct(col("kind").as("kind"), col("key").as("key"), col("name").as("name"));
    Column sourceType = lookups.sourceTypeOfCorpus();
    Column bySourceType = when(col("kind").equalTo(MentionKind.SANCTION.name()),
        struct(lit(CrossTab.SANCTION_BY_SOURCE_TYPE.name()).as("kind"),
            concat_ws(CrossTab.SEPARATOR, col("key"), sourceType).as("key"),
            concat_ws(CrossTab.NAME_SEPARATOR, col("name"), sourceType).as("name")));
    return affirmedMentions.withColumn("counted", explode(array(self, bySourceType)))
        .filter(col("counted").isNotNull())
        .select(col("doc_id"), col("corpus"), col("published"), col("counted.kind").as("kind"),
            col("counted.key").as("key"), col("counted.name").as("name"));
  }

  /**
   * The stored day counts of the mention kinds (the events' cross-tab is counted whole each time) outside the
   * partitions {@code recount} names, as per-day rows of (corpus, published, kind, key, mentions, documents). A
   * mention's partition is its article's corpus and the year of its date ({@link Rows}), so a day's counts come
   * from one partition: the year of the day.
   *
   * <p>Through a shuffle of their own (a few rows per key and day): read directly, their scan of a table on HDFS
   * would share a stage with tasks that read shuffle output, the mix that stalled the counts' write in local mode
   * (see {@link #organizationsBySanctionType}).
   */
  private static Dataset<Row> storedDayCounts(TableStore store, Set<List<String>> recount) {
    return store.read(TableSchemas.COUNTS)
        .filter(col("grain").equalTo("day")
            .and(col("kind").notEqual(CrossTab.ORGANIZATION_BY_SANCTION.name()))
            .and(not(TableStore.inPartitions(List.of(col("corpus"), year(col("period"))), recount))))
        .select(col("corpus"), col("period").as("published"), col("kind"), col("key"), col("mentions"),
            col("documents"))
        .repartition(col("corpus"), col("published"));
  }

  /**
   * Rows of (doc_id, corpus, published, kind, key, name) counted per corpus, grain, period, kind and key, with the
   * day counts {@code keptDays} (null: none) added, and each key named as {@code names} name it.
   */
  private static Dataset<Row> perGrain(Dataset<Row> rows, Dataset<Row> keptDays, Dataset<Row> names) {
    // per document first, then per grain and key: plain aggregations, each combined map-side, and the rows are
    // multiplied by the grains only once they are one per document and key. countDistinct(doc_id) made Spark
    // expand every row and shuffle the distinct (key, doc) pairs, and grew faster than the input.
    // Only counts are aggregated: a string aggregate (first(name)) has no fixed-width buffer, so Spark sorted
    // every mention to aggregate it (a third of the step); the names come once per key from namesOf
    Dataset<Row> perDocument = rows
        .groupBy(col("doc_id"), col("corpus"), col("published"), col("kind"), col("key"))
        .agg(count(lit(1)).as("mentions"));
    Dataset<Row> counted;
    if (keptDays == null) {
      counted = perPeriod(perDocument, count(lit(1)));
    } else {
      // an article has one corpus and one date, so a period's counts are the sums of its days' (documents too: no
      // article is in two days): the kept days join the recounted ones as days. A whole recount counts from the
      // documents instead, one aggregation fewer; IncrementalCountsIT checks that both ways agree
      Dataset<Row> perDay = perDocument
          .groupBy(col("corpus"), col("published"), col("kind"), col("key"))
          .agg(sum(col("mentions")).as("mentions"), count(lit(1)).as("documents"));
      counted = perPeriod(perDay.unionByName(keptDays), coalesce(sum(col("documents")), lit(0L)));
    }
    return counted.join(names, new String[] {"kind", "key"}, "left")
        .select("corpus", "grain", "period", "kind", "key", "name", "mentions", "documents");
  }

  /**
   * Rows of (corpus, published, kind, key, mentions), each for one document or day, summed per corpus, grain,
   * period, kind and key, with {@code documents} their documents (a count of document rows, a sum of days');
   * undated rows (published null) count in the grain "all" only.
   */
  private static Dataset<Row> perPeriod(Dataset<Row> counted, Column documents) {
    List<Column> periods = new ArrayList<>();
    for (String grain : GRAINS) {
      Column period = grain.equals("all") ? lit(null).cast("date") : to_date(date_trunc(grain, col("published")));
      periods.add(struct(lit(grain).as("grain"), period.as("period")));
    }
    return counted
        .withColumn("at", explode(array(periods.toArray(Column[]::new))))
        .filter(col("at.grain").equalTo("all").or(col("published").isNotNull()))
        .groupBy(col("corpus"), col("at.grain").as("grain"), col("at.period").as("period"), col("kind"), col("key"))
        .agg(sum(col("mentions")).as("mentions"), documents.as("documents"));
  }

  /**
   * One display name per (kind, key): the one its rows carry most often, the greatest on a tie, so that every
   * corpus and period shows a key under the same name, run after run.
   */
  private static Dataset<Row> namesOf(Dataset<Row> rows) {
    return rows.filter(col("name").isNotNull())
        .groupBy(col("kind"), col("key"), col("name"))
        .agg(count(lit(1)).as("uses"))
        .groupBy(col("kind"), col("key"))
        .agg(max(struct(col("uses"), col("name"))).getField("name").as("name"));
  }

  /**
   * {@link CrossTab#ORGANIZATION_BY_SANCTION}: the sanction events that target an organization
   * ({@link CrossTab#countsSanctionEvent}), counted per grain like the mentions, as counts rows; their name reads
   * "Ministry of Foreign Affairs | Dismissal" (the sanction type's name as in the SANCTION mentions).
   *
   * <p>The rows are counted in a query of their own and collected (a few per organization, type and period),
   * then handed back as a local relation. Why not a union of the events into the mentions' plan, nor a join:
   * either puts, in one stage, tasks that scan a table on HDFS (their preferred host is the datanode's, which
   * is not the local executor's "localhost": alone they run at once, at locality ANY) next to a task that reads
   * shuffle output (preferred host: localhost, so NODE_LOCAL). Such a stage has a NODE_LOCAL level, so the scan
   * tasks wait out the locality delay ({@code spark.locality.wait}, 3 s) before running at ANY; but in local mode
   * resources are offered again only when a task is submitted or ends, so once the local task was done no offer
   * came and the counts write waited forever (HdfsIT; the union ran through with {@code spark.locality.wait=0}).
   * A local relation prefers no host and reads nothing from HDFS.
   */
  private static Dataset<Row> organizationsBySanctionType(TableStore store, Dataset<Row> affirmedMentions,
      Lookups lookups) {
    Column typeName = coalesce(lookups.typeName(), col("sanction_type"));
    CrossTab tab = CrossTab.ORGANIZATION_BY_SANCTION;
    Dataset<Row> events = store.read(TableSchemas.SANCTION_EVENTS)
        .filter((FilterFunction<Row>) r -> CrossTab.countsSanctionEvent(r.getAs("target_kind"), r.getAs("target_key"),
            r.getAs("sanction_type"), r.getAs("polarity"), r.getAs("certainty")))
        .select(col("doc_id"), col("corpus"), col("published"), lit(tab.name()).as("kind"),
            concat_ws(CrossTab.SEPARATOR, col("target_key"), col("sanction_type")).as("key"),
            concat_ws(CrossTab.NAME_SEPARATOR, coalesce(col("target_name"), col("target_key")), typeName).as("name"));
    List<Row> counted = QueryLabels.part(events.sparkSession(), "count organizations by sanction type",
        perGrain(events, null, namesOf(events))::collectAsList);
    return affirmedMentions.sparkSession().createDataFrame(counted, TableSchemas.COUNT);
  }

  /**
   * The few pairs the plan needs as maps, asked for in one query: the display name of each sanction type
   * ("Dismissal", from the SANCTION mentions) and the source type of each corpus (one per corpus, its registry
   * entry). As maps in the plan, not joins.
   */
  private record Lookups(Map<String, String> typeNames, Map<String, String> sourceTypes) {
    static Lookups of(Dataset<Row> affirmedMentions, Dataset<Row> articles) {
      Dataset<Row> types = affirmedMentions.filter(col("kind").equalTo(MentionKind.SANCTION.name()))
          .select(lit("type").as("lookup"), col("key").as("k"), col("name").as("v"));
      Dataset<Row> sources = articles.select(lit("source").as("lookup"), col("corpus").as("k"),
          col("source_type").as("v"));
      Map<String, String> typeNames = new TreeMap<>();
      Map<String, String> sourceTypes = new TreeMap<>();
      for (Row r : types.unionByName(sources).groupBy("lookup", "k").agg(first("v", true)).collectAsList()) {
        if (r.isNullAt(1)) {
          continue;
        }
        if (r.getString(0).equals("type")) {
          if (!r.isNullAt(2)) {
            typeNames.put(r.getString(1), r.getString(2));
          }
        } else {
          sourceTypes.put(r.getString(1), r.isNullAt(2) ? "unknown" : r.getString(2));
        }
      }
      return new Lookups(typeNames, sourceTypes);
    }

    /** The display name of the row's {@code sanction_type}, or null. */
    Column typeName() {
      return typeNames.isEmpty() ? lit(null).cast("string") : element_at(asMap(typeNames), col("sanction_type"));
    }

    /** The source type of the row's {@code corpus}, "unknown" when it has none. */
    Column sourceTypeOfCorpus() {
      return sourceTypes.isEmpty() ? lit("unknown")
          : coalesce(element_at(asMap(sourceTypes), col("corpus")), lit("unknown"));
    }

    private static Column asMap(Map<String, String> pairs) {
      List<Column> flat = new ArrayList<>();
      pairs.forEach((k, v) -> {
        flat.add(lit(k));
        flat.add(lit(v));
      });
      return map(flat.toArray(Column[]::new));
    }
  }
}
