package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

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
      .add("corpus", DataTypes.StringType, false)
      .add("locator", DataTypes.StringType, false)
      .add("published", DataTypes.DateType, true)
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
      Map<String, Row> byId = new java.util.HashMap<>();
      for (Row r : fewArticles ? signatures.collectAsList() : sharingABand(signatures)) {
        byId.put(r.getString(0), r);
      }
      List<NearDuplicateResolver.Doc> docs = new ArrayList<>();
      List<NearDuplicateResolver.Pair> pairs = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (NearDuplicateResolver.Pair pair : verifiedOnTheDriver(byId)) {
        pairs.add(pair);
        for (String doc : List.of(pair.a(), pair.b())) {
          if (seen.add(doc)) {
            docs.add(new NearDuplicateResolver.Doc(doc, order(byId.get(doc))));
          }
        }
      }
      // the rows made here from the signatures' own columns: few, and ingest reads them twice (to drop them from
      // the articles, and as duplicates), so neither reads the articles again for them
      List<Row> rows = new ArrayList<>();
      new NearDuplicateResolver().resolve(docs, pairs).forEach((doc, res) -> {
        Row copy = byId.get(doc);
        rows.add(RowFactory.create(copy.getString(1), copy.getString(2), doc, res.duplicateOf(), Duplicate.NEAR,
            res.similarity(), copy.get(3)));
      });
      return spark.createDataFrame(rows, TableSchemas.DUPLICATE);
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
        for (Object band : r.getList(4)) {
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
   * Pairs of articles sharing a band whose similarity reaches {@link #THRESHOLD}, from the signature rows of every
   * article of the buckets to look in, by doc id.
   */
  private static List<NearDuplicateResolver.Pair> verifiedOnTheDriver(Map<String, Row> byId) {
    Map<Long, List<Row>> buckets = new java.util.HashMap<>();
    for (Row r : byId.values()) {
      for (Object band : r.getList(4)) {
        buckets.computeIfAbsent((Long) band, k -> new ArrayList<>()).add(RowFactory.create(order(r), r.getString(0)));
      }
    }
    java.util.Set<Row> candidates = new java.util.LinkedHashSet<>();
    for (List<Row> docs : buckets.values()) {
      if (docs.size() >= 2) {
        pairs(docs).forEachRemaining(candidates::add);
      }
    }
    NearDuplicateSignature minhash = new NearDuplicateSignature();
    List<NearDuplicateResolver.Pair> verified = new ArrayList<>();
    for (Row pair : candidates) {
      Row a = byId.get(pair.getString(0));
      Row b = byId.get(pair.getString(1));
      double similarity = minhash.jaccardEstimate(longs(a.getList(5)), longs(b.getList(5)));
      if (similarity >= THRESHOLD) {
        verified.add(new NearDuplicateResolver.Pair(a.getString(0), b.getString(0), similarity));
      }
    }
    return verified;
  }

  /** The order copies of a story are preferred in: earliest published, undated last, then corpus and locator. */
  private static String order(Row signed) {
    Object published = signed.get(3);
    return (published == null ? "9999-99-99" : published.toString()) + "|" + signed.getString(1) + "|"
        + signed.getString(2);
  }

  /** The signature rows of a task's articles, made as they are asked for: a task's signatures are never all held. */
  static Iterator<Row> sign(Iterator<Row> rows) {
    NearDuplicateSignature minhash = new NearDuplicateSignature();
    return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(rows, 0), false)
        .filter(r -> words(r.getString(4)) >= MIN_WORDS)
        .map(r -> {
          long[] signature = minhash.signature(r.getString(4));
          return RowFactory.create(r.getString(0), r.getString(1), r.getString(2), r.get(3),
              boxed(minhash.bands(signature)), boxed(signature));
        })
        .iterator();
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
