package org.nkwatch.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;

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
 * grain, so the mentions are shuffled once, not once per grain. The {@link CrossTab} rows (organizations by
 * sanction type, sanction types by source type) are built first, by two small joins, as extra rows of the
 * same shape, and go through that one aggregation with the mentions.
 */
public final class AggregateJob {
  public static final List<String> GRAINS = List.of("day", "week", "month", "all");

  private AggregateJob() {
  }

  public static long run(TableStore store, String runId) {
    Dataset<Row> mentions = store.read(TableSchemas.MENTIONS)
        .filter(col("polarity").isNull().or(col("polarity").equalTo(Mention.AFFIRMED)));
    Dataset<Row> rows = counted(mentions)
        .unionByName(organizationsBySanctionType(mentions))
        .unionByName(sanctionTypesBySourceType(mentions, store.read(TableSchemas.ARTICLES)));
    List<Column> periods = new ArrayList<>();
    for (String grain : GRAINS) {
      Column period = grain.equals("all") ? lit(null).cast("date") : to_date(date_trunc(grain, col("published")));
      periods.add(struct(lit(grain).as("grain"), period.as("period")));
    }
    Dataset<Row> counts = rows
        .withColumn("at", explode(array(periods.toArray(Column[]::new))))
        .filter(col("at.grain").equalTo("all").or(col("published").isNotNull()))
        .groupBy(col("corpus"), col("at.grain").as("grain"), col("at.period").as("period"), col("kind"), col("key"))
        .agg(first(col("name"), true).as("name"), count(lit(1)).as("mentions"),
            countDistinct(col("doc_id")).as("documents"))
        .select("corpus", "grain", "period", "kind", "key", "name", "mentions", "documents");
    store.write(TableSchemas.COUNTS, counts, runId);
    return store.read(TableSchemas.COUNTS).count();
  }

  /** The columns a counted row has: a mention's, or a cross-tab row's of the same shape. */
  private static Dataset<Row> counted(Dataset<Row> rows) {
    return rows.select(col("doc_id"), col("corpus"), col("published"), col("kind"), col("key"), col("name"));
  }

  /** One row per sentence, organization and sanction type where both are named (affirmed sanctions only). */
  private static Dataset<Row> organizationsBySanctionType(Dataset<Row> affirmed) {
    Dataset<Row> sanctions = affirmed.filter(col("kind").equalTo(MentionKind.SANCTION.name()))
        .select(col("doc_id"), col("sentence_index"), col("key").as("type_key"), col("name").as("type_name"));
    Dataset<Row> organizations = affirmed.filter(col("kind").equalTo(MentionKind.ORGANIZATION.name()))
        .select(col("doc_id"), col("corpus"), col("published"), col("sentence_index"), col("key").as("org_key"),
            col("name").as("org_name"));
    CrossTab tab = CrossTab.ORGANIZATION_BY_SANCTION;
    Dataset<Row> pairs = organizations.join(sanctions, scala.jdk.javaapi.CollectionConverters.asScala(
            List.of("doc_id", "sentence_index")).toSeq())
        .select(col("doc_id"), col("corpus"), col("published"), col("sentence_index"), lit(tab.name()).as("kind"),
            concat_ws(CrossTab.SEPARATOR, col("org_key"), col("type_key")).as("key"),
            concat_ws(" " + CrossTab.SEPARATOR + " ", col("org_name"), col("type_name")).as("name"))
        .dropDuplicates("doc_id", "sentence_index", "key");
    return counted(pairs);
  }

  /** One row per affirmed sanction mention, keyed by its type and its article's source type. */
  private static Dataset<Row> sanctionTypesBySourceType(Dataset<Row> affirmed, Dataset<Row> articles) {
    Column sourceType = coalesce(col("source_type"), lit("unknown"));
    return affirmed.filter(col("kind").equalTo(MentionKind.SANCTION.name()))
        .join(articles.select("doc_id", "source_type"), "doc_id")
        .select(col("doc_id"), col("corpus"), col("published"),
            lit(CrossTab.SANCTION_BY_SOURCE_TYPE.name()).as("kind"),
            concat_ws(CrossTab.SEPARATOR, col("key"), sourceType).as("key"),
            concat_ws(" " + CrossTab.SEPARATOR + " ", col("name"), sourceType).as("name"));
  }
}
