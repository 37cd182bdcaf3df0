package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** Signing, Spark-free: the rows a task signs are made one at a time, as Spark asks for them. */
class NearDuplicatesSignTest {
  private static String story(int n) {
    StringBuilder text = new StringBuilder("Story " + n + ".");
    for (int w = 0; w < NearDuplicates.MIN_WORDS + 10; w++) {
      text.append(" word").append(n).append('x').append(w);
    }
    return text.toString();
  }

  /** Articles as sign reads them (doc_id, corpus, locator, published, text), counting how many were read. */
  private static Iterator<Row> articles(int count, AtomicInteger read) {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public Row next() {
        read.incrementAndGet();
        int n = next++;
        String text = n == 1 ? "too short to judge" : story(n);
        return RowFactory.create("doc" + n, "bench", "file.csv#row=" + n, null, text);
      }
    };
  }

  @Test
  void signsEachArticleAsItIsAskedFor() {
    AtomicInteger read = new AtomicInteger();
    Iterator<Row> signed = NearDuplicates.sign(articles(1_000, read));

    Row first = signed.next();

    assertThat(first.getString(0)).isEqualTo("doc0");
    assertThat(read.get()).as("articles read to sign the first").isLessThan(10);
  }

  @Test
  void skipsTextsTooShortToJudgeAndSignsTheRest() {
    AtomicInteger read = new AtomicInteger();
    List<Row> signed = new java.util.ArrayList<>();
    NearDuplicates.sign(articles(4, read)).forEachRemaining(signed::add);

    assertThat(signed).extracting(r -> r.getString(0)).containsExactly("doc0", "doc2", "doc3");
    assertThat(read.get()).isEqualTo(4);
    Row r = signed.get(0);
    assertThat(r.getString(1)).isEqualTo("bench");
    assertThat(r.getString(2)).isEqualTo("file.csv#row=0");
    assertThat(r.get(3)).isNull();
    assertThat((Long[]) r.get(4)).isNotEmpty();
    assertThat((Long[]) r.get(5)).isNotEmpty();
  }
}
