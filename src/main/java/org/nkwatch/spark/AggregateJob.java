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
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
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
 * into a second row, its {@link CrossTab#SANCTION_BY_SOURCE_TYPE} row, so the cross-tab needs no join nor
 * union (a union of further rows made the write wait forever on HDFS).
 */
public final class AggregateJob {
  public static final List<String> GRAINS = List.of("day", "week", "month", "all");

  private AggregateJob() {
  }

  public static long run(TableStore store, String runId) {
    Dataset<Row> mentions = store.read(TableSchemas.MENTIONS)
        .filter(col("polarity").isNull().or(col("polarity").equalTo(Mention.AFFIRMED)));
    Column self = struct(col("kind").as("kind"), col("key").as("key"), col("name").as("name"));
    Column sourceType = sourceTypeOfCorpus(store.read(TableSchemas.ARTICLES));
    Column bySourceType = when(col("kind").equalTo(MentionKind.SANCTION.name()),
        struct(lit(CrossTab.SANCTION_BY_SOURCE_TYPE.name()).as("kind"),
            concat_ws(CrossTab.SEPARATOR, col("key"), sourceType).as("key"),
            concat_ws(" " + CrossTab.SEPARATOR + " ", col("name"), sourceType).as("name")));
    Dataset<Row> rows = mentions.withColumn("counted", explode(array(self, bySourceType)))
        .filter(col("counted").isNotNull())
        .select(col("doc_id"), col("corpus"), col("published"), col("counted.kind").as("kind"),
            col("counted.key").as("key"), col("counted.name").as("name"));
    List<Column> periods = new ArrayList<>();
    for (String grain : GRAINS) {
      Column period = grain.equals("all") ? lit(null).cast("date") : to_date(date_trunc(grain, col("published")));
      periods.add(struct(lit(grain).as("grain"), period.as("period")));
    }
    // per document first, then per key: two plain aggregations, each combined map-side. countDistinct(doc_id)
    // made Spark expand every row and shuffle the distinct (key, doc) pairs, and grew faster than the input
    Dataset<Row> perDocument = rows
        .withColumn("at", explode(array(periods.toArray(Column[]::new))))
        .filter(col("at.grain").equalTo("all").or(col("published").isNotNull()))
        .groupBy(col("corpus"), col("at.grain").as("grain"), col("at.period").as("period"), col("kind"), col("key"),
            col("doc_id"))
        .agg(first(col("name"), true).as("name"), count(lit(1)).as("mentions"));
    Dataset<Row> counts = perDocument
        .groupBy("corpus", "grain", "period", "kind", "key")
        .agg(first(col("name"), true).as("name"), sum(col("mentions")).as("mentions"), count(lit(1)).as("documents"))
        .select("corpus", "grain", "period", "kind", "key", "name", "mentions", "documents");
    store.write(TableSchemas.COUNTS, counts, runId);
    return store.read(TableSchemas.COUNTS).count();
  }

  /**
   * A corpus has one source type (its registry entry): the few (corpus, source type) pairs become a map in
   * the plan, not a join with the articles.
   */
  private static Column sourceTypeOfCorpus(Dataset<Row> articles) {
    List<Column> pairs = new ArrayList<>();
    for (Row r : articles.select("corpus", "source_type").distinct().collectAsList()) {
      pairs.add(lit(r.getString(0)));
      pairs.add(lit(r.isNullAt(1) ? "unknown" : r.getString(1)));
    }
    return pairs.isEmpty() ? lit("unknown")
        : coalesce(element_at(map(pairs.toArray(Column[]::new)), col("corpus")), lit("unknown"));
  }
}
