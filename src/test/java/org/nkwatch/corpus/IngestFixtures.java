package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.config.FieldMapping;
import org.nkwatch.model.Article;
import org.nkwatch.model.Reject;
import org.nkwatch.model.RejectReason;

/** Specs, fixture files and a collecting sink for the corpus tests. */
final class IngestFixtures {
  static final String CORPUS = "test";

  private IngestFixtures() {
  }

  static CorpusSpec spec(String format) {
    return new CorpusSpec(CORPUS, List.of("fixtures"), format, FieldMapping.DEFAULT, null, null, "unknown", null);
  }

  static CorpusSpec spec(String format, String dateFormat, String publisher, String language) {
    return new CorpusSpec(CORPUS, List.of("fixtures"), format, FieldMapping.DEFAULT, dateFormat, publisher,
        "unknown", language);
  }

  static CorpusSpec spec(String format, FieldMapping fields) {
    return new CorpusSpec(CORPUS, List.of("fixtures"), format, fields, null, null, "unknown", null);
  }

  static byte[] resource(String name) {
    try (InputStream in = IngestFixtures.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Collected readResource(CorpusSpec spec, String name) {
    return read(new CorpusFileReader(spec), "fixtures/" + name, resource(name));
  }

  static Collected read(CorpusSpec spec, String locator, String utf8) {
    return read(new CorpusFileReader(spec), locator, utf8.getBytes(StandardCharsets.UTF_8));
  }

  static Collected read(CorpusSpec spec, String locator, byte[] bytes) {
    return read(new CorpusFileReader(spec), locator, bytes);
  }

  static Collected read(CorpusFileReader reader, String locator, byte[] bytes) {
    return read(reader, locator, new ByteArrayInputStream(bytes), bytes.length);
  }

  static Collected read(CorpusFileReader reader, String locator, InputStream in, long size) {
    Collected sink = new Collected();
    try {
      reader.read(locator, in, size, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink;
  }

  /** Keeps what the reader yields, in order. */
  static final class Collected implements IngestSink {
    final List<Article> articles = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    final List<String> order = new ArrayList<>();

    @Override
    public void article(Article article) {
      articles.add(article);
      order.add(article.locator());
    }

    @Override
    public void reject(Reject reject) {
      rejects.add(reject);
      order.add(reject.locator());
    }

    Article article() {
      assertThat(rejects).as("rejects").isEmpty();
      assertThat(articles).as("articles").hasSize(1);
      return articles.get(0);
    }

    Reject reject() {
      assertThat(articles).as("articles").isEmpty();
      assertThat(rejects).as("rejects").hasSize(1);
      return rejects.get(0);
    }

    Article article(String locatorSuffix) {
      return articles.stream().filter(a -> a.locator().endsWith(locatorSuffix)).findFirst()
          .orElseThrow(() -> new AssertionError("no article at " + locatorSuffix + " in " + order));
    }

    List<RejectReason> reasons() {
      return rejects.stream().map(Reject::reason).toList();
    }
  }
}
