package org.nkwatch.spark;

import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.nkwatch.model.Article;
import org.nkwatch.model.Mention;
import org.nkwatch.model.Reject;
import org.nkwatch.model.SanctionEvent;

/** Converts the plain model records to and from Spark rows of {@link TableSchemas}. */
final class Rows {
  private Rows() {
  }

  /** An article's row, with its schema: {@link #article(Row)} reads it back by field name. */
  static Row article(Article a) {
    return new GenericRowWithSchema(new Object[] {a.docId(), a.corpus(), a.publisher(), a.sourceType(), a.locator(), a.url(), a.title(),
        a.published(), a.byline(), a.language(), a.text(), a.nSentences(), a.nTokens(), year(a.published())}, TableSchemas.ARTICLE);
  }

  static Article article(Row r) {
    return new Article(r.getAs("doc_id"), r.getAs("corpus"), r.getAs("publisher"), r.getAs("source_type"),
        r.getAs("locator"), r.getAs("url"), r.getAs("title"), r.getAs("published"), r.getAs("byline"),
        r.getAs("language"), r.getAs("text"), r.<Integer>getAs("n_sentences"), r.<Integer>getAs("n_tokens"));
  }

  static Row reject(Reject r) {
    return RowFactory.create(r.corpus(), r.locator(), r.reason().key(), r.detail(), r.size());
  }

  static Row mention(Mention m) {
    return RowFactory.create(m.docId(), m.corpus(), m.published(), m.kind().name(), m.key(), m.name(), m.surface(),
        m.sentenceIndex(), m.start(), m.end(), m.evidence(), m.polarity(), m.certainty(), m.listed(),
        year(m.published()));
  }

  static Row event(SanctionEvent e) {
    return RowFactory.create(e.docId(), e.corpus(), e.published(), e.sanctionType(), e.targetKey(), e.targetName(),
        e.targetKind(), e.level(), e.numberText(), e.numberOfPeople(), e.reason(), e.certainty(), e.polarity(),
        e.sentenceIndex(), e.evidence(), year(e.published()));
  }

  private static Integer year(LocalDate date) {
    return date == null ? null : date.getYear();
  }
}
