package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.nkwatch.corpus.NearDuplicateResolver;
import org.nkwatch.corpus.NearDuplicateSignature;
import org.nkwatch.model.Duplicate;

/**
 * Near-duplicates: the same story re-published with small edits, within and across corpora. MinHash
 * signatures over word 5-shingles, banded (LSH) so that only articles sharing a band are compared; pairs
 * whose estimated Jaccard similarity reaches {@link #THRESHOLD} are linked and settled by
 * {@link NearDuplicateResolver}.
 *
 * <p>Near-duplicates are rare (3 among KCNA 2011-2012's 22,240 articles), so the work is in ruling the rest
 * out cheaply: one query signs every article and counts how many articles share each band; only the bands
 * of more than one article reach the driver, and a second query (only when there are such bands) brings
 * the signatures of the articles that have one, which are compared on the driver. Signing with a string per
 * word, shuffling each article's bands with its id and joining candidate pairs with both signatures took twice
 * as long: 4.4 to 4.8 s of queries at x1 against 2.1 to 2.4 s.
 */
final class NearDuplicates {
  /** Estimated Jaccard similarity of 5-word shingles from which two articles are one story. */
  static final double THRESHOLD = 0.9;
  /** Articles shorter than this many words are never near-duplicates: too few shingles to judge. */
  static final int MIN_WORDS = 40;
  /** A band shared by more articles than this is boilerplate; each is then compared with the first only. */
  static final int MAX_BUCKET = 50;

  private static final StructType SIGNED = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("order", DataTypes.StringType, false)
      .add("bands", DataTypes.createArrayType(DataTypes.LongType, false), false)
      .add("signature", DataTypes.createArrayType(DataTypes.LongType, false), false);

  private NearDuplicates() {
  }

  /**
   * Rows of the duplicates table for the near-duplicates among {@code articles} (which have no exact duplicates).
   *
   * @param fewArticles whether the articles are few (a small input): all their signatures are then compared on
   *                    the driver, in the query that makes them
   */
  static Dataset<Row> find(SparkSession spark, Dataset<Row> articles, boolean fewArticles) {
    JavaRDD<Row> signed = articles.select("doc_id", "corpus", "locator", "published", "text").toJavaRDD()
        .mapPartitions(NearDuplicates::sign);
    Dataset<Row> signatures = spark.createDataFrame(signed, SIGNED).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<Row> verified = verifiedOnTheDriver(fewArticles ? signatures.collectAsList() : sharingABand(signatures));
      if (verified.isEmpty()) {
        return spark.createDataFrame(List.of(), TableSchemas.DUPLICATE);
      }
      List<NearDuplicateResolver.Doc> docs = new ArrayList<>();
      List<NearDuplicateResolver.Pair> pairs = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Row r : verified) {
        pairs.add(new NearDuplicateResolver.Pair(r.getString(0), r.getString(1), r.getDouble(4)));
        if (seen.add(r.getString(0))) {
          docs.add(new NearDuplicateResolver.Doc(r.getString(0), r.getString(2)));
        }
        if (seen.add(r.getString(1))) {
          docs.add(new NearDuplicateResolver.Doc(r.getString(1), r.getString(3)));
        }
      }
      Map<String, NearDuplicateResolver.Resolution> resolved = new NearDuplicateResolver().resolve(docs, pairs);
      List<Row> rows = new ArrayList<>();
      resolved.forEach((doc, res) -> rows.add(RowFactory.create(doc, res.duplicateOf(), res.similarity())));
      Dataset<Row> links = spark.createDataFrame(rows, new StructType()
          .add("doc_id", DataTypes.StringType).add("duplicate_of", DataTypes.StringType)
          .add("similarity", DataTypes.DoubleType));
      // collected: few rows, which ingest reads twice (to drop them from the articles, and as duplicates)
      Dataset<Row> found = articles.select("corpus", "locator", "doc_id", "published").join(links, "doc_id")
          .select(col("corpus"), col("locator"), col("doc_id"), col("duplicate_of"), lit(Duplicate.NEAR).as("kind"),
              col("similarity"), col("published"));
      return spark.createDataFrame(found.collectAsList(), found.schema());
    } finally {
      signatures.unpersist();
    }
  }

  /**
   * The signature rows of the articles that share a band with another: every article of every bucket of two
   * or more, with all its bands, so the driver sees each such bucket whole. Two queries: the bands' counts
   * (combined map-side, as numbers), then the rows with a band among the shared ones.
   */
  private static List<Row> sharingABand(Dataset<Row> signatures) {
    List<Row> sharedBands = signatures.select(explode(col("bands")).as("band")).groupBy("band").count()
        .filter(col("count").geq(2)).select("band").collectAsList();
    if (sharedBands.isEmpty()) {
      return List.of();
    }
    java.util.Set<Long> shared = new java.util.HashSet<>();
    sharedBands.forEach(r -> shared.add(r.getLong(0)));
    Broadcast<java.util.Set<Long>> sharedHere = JavaSparkContext.fromSparkContext(signatures.sparkSession()
        .sparkContext()).broadcast(shared);
    try {
      return signatures.filter((FilterFunction<Row>) r -> {
        java.util.Set<Long> bands = sharedHere.value();
        for (Object band : r.getList(2)) {
          if (bands.contains((Long) band)) {
            return true;
          }
        }
        return false;
      }).collectAsList();
    } finally {
      sharedHere.destroy();
    }
  }

  /**
   * Pairs of articles sharing a band whose similarity reaches {@link #THRESHOLD}, from the signature rows (doc_id,
   * order, bands, signature) of every article of the buckets to look in: (a, b, order_a, order_b, similarity).
   */
  private static List<Row> verifiedOnTheDriver(List<Row> signatures) {
    Map<Long, List<Row>> buckets = new java.util.HashMap<>();
    Map<String, Row> byId = new java.util.HashMap<>();
    for (Row r : signatures) {
      byId.put(r.getString(0), r);
      for (Object band : r.getList(2)) {
        buckets.computeIfAbsent((Long) band, k -> new ArrayList<>()).add(RowFactory.create(r.getString(1), r.getString(0)));
      }
    }
    java.util.Set<Row> candidates = new java.util.LinkedHashSet<>();
    for (List<Row> docs : buckets.values()) {
      if (docs.size() >= 2) {
        pairs(docs).forEachRemaining(candidates::add);
      }
    }
    NearDuplicateSignature minhash = new NearDuplicateSignature();
    List<Row> verified = new ArrayList<>();
    for (Row pair : candidates) {
      Row a = byId.get(pair.getString(0));
      Row b = byId.get(pair.getString(1));
      double similarity = minhash.jaccardEstimate(longs(a.getList(3)), longs(b.getList(3)));
      if (similarity >= THRESHOLD) {
        verified.add(RowFactory.create(a.getString(0), b.getString(0), a.getString(1), b.getString(1), similarity));
      }
    }
    return verified;
  }

  private static Iterator<Row> sign(Iterator<Row> rows) {
    NearDuplicateSignature minhash = new NearDuplicateSignature();
    List<Row> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String text = r.getString(4);
      if (words(text) < MIN_WORDS) {
        continue;
      }
      long[] signature = minhash.signature(text);
      Object published = r.get(3);
      // preferred copy: earliest published, undated last, then corpus and locator
      String order = (published == null ? "9999-99-99" : published.toString()) + "|" + r.getString(1) + "|"
          + r.getString(2);
      out.add(RowFactory.create(r.getString(0), order, boxed(minhash.bands(signature)), boxed(signature)));
    }
    return out.iterator();
  }

  private static Long[] boxed(long[] values) {
    Long[] boxed = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  private static int words(String text) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        n++;
      }
      inWord = letter;
    }
    return n;
  }

  /** Pairs (a, b) of the articles of one band, given as rows (order, doc_id). */
  private static Iterator<Row> pairs(List<Row> bucket) {
    List<Row> docs = new ArrayList<>(bucket);
    docs.sort((x, y) -> x.getString(0).compareTo(y.getString(0)));
    List<Row> out = new ArrayList<>();
    if (docs.size() > MAX_BUCKET) {
      for (int j = 1; j < docs.size(); j++) {
        out.add(RowFactory.create(docs.get(0).getString(1), docs.get(j).getString(1)));
      }
      return out.iterator();
    }
    for (int i = 0; i < docs.size(); i++) {
      for (int j = i + 1; j < docs.size(); j++) {
        out.add(RowFactory.create(docs.get(i).getString(1), docs.get(j).getString(1)));
      }
    }
    return out.iterator();
  }

  private static long[] longs(List<Long> list) {
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }
}
