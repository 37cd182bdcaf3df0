package org.nkwatch.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The schemas of the tables nkwatch writes (documented in the README, "Tables"). */
public final class TableSchemas {
  private TableSchemas() {
  }

  public static final String ARTICLES = "articles";
  public static final String REJECTS = "rejects";
  public static final String DUPLICATES = "duplicates";
  public static final String MENTIONS = "mentions";
  public static final String SANCTION_EVENTS = "sanction_events";
  public static final String COUNTS = "counts";
  public static final List<String> ALL = List.of(ARTICLES, REJECTS, DUPLICATES, MENTIONS, SANCTION_EVENTS, COUNTS);

  /** Partition columns per table, in directory order. */
  public static List<String> partitionColumns(String table) {
    return switch (table) {
      case ARTICLES, MENTIONS, SANCTION_EVENTS -> List.of("corpus", "year");
      case REJECTS, DUPLICATES -> List.of("corpus");
      case COUNTS -> List.of("grain");
      default -> throw new IllegalArgumentException("unknown table '" + table + "' (known: " + ALL + ")");
    };
  }

  /** The schema of a table as written (partition columns included). */
  public static StructType of(String table) {
    return switch (table) {
      case ARTICLES -> ARTICLE;
      case REJECTS -> REJECT;
      case DUPLICATES -> DUPLICATE;
      case MENTIONS -> MENTION;
      case SANCTION_EVENTS -> SANCTION_EVENT;
      case COUNTS -> COUNT;
      default -> throw new IllegalArgumentException("unknown table '" + table + "' (known: " + ALL + ")");
    };
  }

  public static final StructType ARTICLE = schema(
      f("doc_id", StringType, false), f("corpus", StringType, false), f("publisher", StringType),
      f("source_type", StringType), f("locator", StringType, false), f("url", StringType), f("title", StringType),
      f("published", DateType), f("byline", StringType), f("language", StringType), f("text", StringType, false),
      f("n_sentences", IntegerType, false), f("n_tokens", IntegerType, false), f("year", IntegerType));

  public static final StructType REJECT = schema(
      f("corpus", StringType, false), f("locator", StringType, false), f("reason", StringType, false),
      f("detail", StringType), f("size", LongType, false));

  public static final StructType DUPLICATE = schema(
      f("corpus", StringType, false), f("locator", StringType, false), f("doc_id", StringType, false),
      f("duplicate_of", StringType, false), f("kind", StringType, false), f("similarity", DoubleType, false),
      f("published", DateType));

  public static final StructType MENTION = schema(
      f("doc_id", StringType, false), f("corpus", StringType, false), f("published", DateType),
      f("kind", StringType, false), f("key", StringType, false), f("name", StringType), f("surface", StringType),
      f("sentence_index", IntegerType, false), f("char_start", IntegerType, false), f("char_end", IntegerType, false),
      f("evidence", StringType), f("polarity", StringType), f("certainty", StringType),
      f("listed", BooleanType, false), f("year", IntegerType));

  public static final StructType SANCTION_EVENT = schema(
      f("doc_id", StringType, false), f("corpus", StringType, false), f("published", DateType),
      f("sanction_type", StringType, false), f("target_key", StringType), f("target_name", StringType),
      f("target_kind", StringType), f("level", StringType), f("number_text", StringType),
      f("number_of_people", LongType), f("reason", StringType), f("certainty", StringType),
      f("polarity", StringType), f("sentence_index", IntegerType, false), f("evidence", StringType),
      f("year", IntegerType));

  public static final StructType COUNT = schema(
      f("corpus", StringType, false), f("grain", StringType, false), f("period", DateType),
      f("kind", StringType, false), f("key", StringType, false), f("name", StringType),
      f("mentions", LongType, false), f("documents", LongType, false));

  private static StructField f(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }

  private static StructField f(String name, DataType type, boolean nullable) {
    return new StructField(name, type, nullable, Metadata.empty());
  }

  private static StructType schema(StructField... fields) {
    return new StructType(fields);
  }
}
