package org.nkwatch.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.nkwatch.classify.Reappearance;
import org.nkwatch.model.Certainty;
import org.nkwatch.model.MentionKind;

/**
 * The Spark side of {@link Reappearance}: finds each person's last ordinary appearance across the run
 * (a PERSON mention in a dated sentence without a SANCTION mention), re-reads the certainty of the
 * sanction events about that person, and marks the SANCTION mentions of a contradicted event's sentence
 * {@code contradicted} too. Runs inside annotate, before its tables are written.
 */
final class ReappearanceStep {
  /**
   * The annotate output with the certainties re-read, and the (corpus, year) of every event whose certainty the
   * re-reading changed (a row may come more than once). The mentions it marks are in the event's own article,
   * so in the same partition: what changes among the mentions is found without reading them all again.
   */
  record Updated(Dataset<Row> mentions, Dataset<Row> events, Dataset<Row> changedPartitions, Dataset<Row> reread) {
    /** Drops the re-read events kept for the queries that use them. */
    void release() {
      reread.unpersist();
    }
  }

  private ReappearanceStep() {
  }

  static Updated apply(Dataset<Row> mentions, Dataset<Row> events) {
    Dataset<Row> sanctionSentences = mentions.filter(col("kind").equalTo(MentionKind.SANCTION.name()))
        .select("doc_id", "sentence_index").distinct();
    Dataset<Row> lastSeen = mentions
        .filter(col("kind").equalTo(MentionKind.PERSON.name()).and(col("published").isNotNull()))
        .join(broadcast(sanctionSentences), scala.jdk.javaapi.CollectionConverters.asScala(
            Arrays.asList("doc_id", "sentence_index")).toSeq(), "left_anti")
        .groupBy(col("key").as("seen_key"))
        .agg(max("published").as("last_seen"));
    UserDefinedFunction certaintyAfter = udf(
        (UDF6<String, String, String, String, Object, Object, String>) (type, certainty, polarity, kind, reported,
            seen) -> Reappearance.certaintyAfter(type, certainty, polarity, kind, localDate(reported), localDate(seen)),
        DataTypes.StringType);
    Dataset<Row> reread = events
        .join(lastSeen, events.col("target_key").equalTo(lastSeen.col("seen_key")), "left")
        .withColumn("reread", certaintyAfter.apply(col("sanction_type"), col("certainty"), col("polarity"),
            col("target_kind"), col("published"), col("last_seen")))
        // the events are few, and every later part needs them re-read (the events written, the mentions of their
        // contradicted sentences, what changed): kept, not worked out again from every PERSON mention each time
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> updatedEvents = reread.withColumn("certainty", col("reread")).select(columns(events));
    Dataset<Row> contradicted = updatedEvents.filter(col("certainty").equalTo(Certainty.CONTRADICTED.key()))
        .select(col("doc_id").as("c_doc"), col("sentence_index").as("c_sentence"), col("sanction_type").as("c_type"))
        .distinct();
    Column sameSentenceAndType = mentions.col("doc_id").equalTo(col("c_doc"))
        .and(mentions.col("sentence_index").equalTo(col("c_sentence")))
        .and(mentions.col("kind").equalTo(MentionKind.SANCTION.name()))
        .and(mentions.col("key").equalTo(col("c_type")));
    Dataset<Row> marked = mentions.join(broadcast(contradicted), sameSentenceAndType, "left");
    Dataset<Row> updatedMentions = marked
        .withColumn("certainty", when(col("c_doc").isNotNull(), lit(Certainty.CONTRADICTED.key()))
            .otherwise(mentions.col("certainty")))
        .select(columns(mentions));
    // a mention is marked only beside an event that is contradicted: one re-read so now (a change, counted
    // here), one stored so (its mentions were marked when it was), or a new one (its partition is new rows')
    Dataset<Row> changed = reread.filter(not(col("reread").eqNullSafe(col("certainty")))).select("corpus", "year");
    return new Updated(updatedMentions, updatedEvents, changed, reread);
  }

  private static Column[] columns(Dataset<Row> table) {
    return Arrays.stream(table.columns()).map(c -> col(c)).toArray(Column[]::new);
  }

  /** Spark hands dates over as java.sql.Date, or as LocalDate with the Java 8 date API switched on. */
  private static LocalDate localDate(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return (LocalDate) value;
  }
}
