package org.nkwatch.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
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
import org.nkwatch.model.Mention;

/**
 * Aggregate: {@code mentions} to {@code counts} per corpus, period, kind and key, for each grain
 * (day, week starting Monday, month, and "all" for the whole run with no period; undated articles
 * count only there). Negated sanction mentions ("was not dismissed") are not counted.
 *
 * <p>All grains come from one aggregation: each mention is expanded to one (grain, period) pair per
 * grain, so the mentions are shuffled once, not once per grain.
 */
public final class AggregateJob {
  public static final List<String> GRAINS = List.of("day", "week", "month", "all");

  private AggregateJob() {
  }

  public static long run(TableStore store, String runId) {
    Dataset<Row> mentions = store.read(TableSchemas.MENTIONS)
        .filter(col("polarity").isNull().or(col("polarity").equalTo(Mention.AFFIRMED)));
    List<Column> periods = new ArrayList<>();
    for (String grain : GRAINS) {
      Column period = grain.equals("all") ? lit(null).cast("date") : to_date(date_trunc(grain, col("published")));
      periods.add(struct(lit(grain).as("grain"), period.as("period")));
    }
    Dataset<Row> counts = mentions
        .withColumn("at", explode(array(periods.toArray(Column[]::new))))
        .filter(col("at.grain").equalTo("all").or(col("published").isNotNull()))
        .groupBy(col("corpus"), col("at.grain").as("grain"), col("at.period").as("period"), col("kind"), col("key"))
        .agg(first(col("name"), true).as("name"), count(lit(1)).as("mentions"),
            countDistinct(col("doc_id")).as("documents"))
        .select("corpus", "grain", "period", "kind", "key", "name", "mentions", "documents");
    store.write(TableSchemas.COUNTS, counts, runId);
    return store.read(TableSchemas.COUNTS).count();
  }
}
