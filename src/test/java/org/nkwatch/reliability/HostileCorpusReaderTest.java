package org.nkwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.corpus.CorpusFileReader;
import org.nkwatch.corpus.IngestSink;
import org.nkwatch.model.Article;
import org.nkwatch.model.Reject;
import org.nkwatch.model.RejectReason;

/**
 * Each file of the hostile corpora through {@link CorpusFileReader} alone, without Spark: the number of
 * records that become articles (or duplicates, which are found later) and the reasons of the rejects,
 * file by file. {@code HostileCorporaIT} runs the same files through the whole job.
 */
class HostileCorpusReaderTest {
  @TempDir
  Path root;

  @Test
  void everyFileGivesWhatItOwes() throws IOException {
    List<HostileCorpus.FileCase> cases = HostileCorpus.write(root);
    SoftAssertions soft = new SoftAssertions();
    for (HostileCorpus.FileCase c : cases) {
      Collected got = read(c);
      soft.assertThat(got.articles.size()).as("%s/%s (%s): articles", c.corpus(), c.file().getFileName(), c.what())
          .isEqualTo(c.articles() + c.duplicates());
      soft.assertThat(got.rejects.stream().map(Reject::reason).toList())
          .as("%s/%s (%s): rejects %s", c.corpus(), c.file().getFileName(), c.what(), got.rejects)
          .containsExactlyElementsOf(c.rejects());
      for (Reject r : got.rejects) {
        soft.assertThat(r.locator()).as("locator of %s", r).startsWith(c.locator());
        soft.assertThat(r.detail()).as("detail of %s", r).isNotBlank();
      }
    }
    soft.assertAll();
  }

  @Test
  void cleanedTextKeepsNoScriptsNoControlsNoZeroWidthCharacters() throws IOException {
    List<HostileCorpus.FileCase> cases = HostileCorpus.write(root);
    for (HostileCorpus.FileCase c : cases) {
      for (Article a : read(c).articles) {
        assertThat(a.text()).as("%s", c.file()).doesNotContain("SCRIPTTEXT", "\u200B", "\u200D", "\uFEFF", "\u0000",
            "\u0007", "\u001B", "\u007F", "\u202E");
        assertThat(a.text().codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF)).as("lone surrogates in %s", c.file()).isEmpty();
        assertThat(a.text()).as("%s", c.file()).isNotBlank();
      }
    }
  }

  @Test
  void impossibleAndFarOffDatesAreNoDates() throws IOException {
    HostileCorpus.FileCase dates = HostileCorpus.write(root).stream()
        .filter(c -> c.file().getFileName().toString().equals("dates.jsonl")).findFirst().orElseThrow();
    List<String> published = read(dates).articles.stream().map(a -> String.valueOf(a.published())).toList();
    // 2023-02-30, 2019-13-45, 0000-00-00, 9999-12-31, 1850-01-01, 2099-06-01, Feb 30, 32 March, text,
    // 2024-02-29, a huge negative epoch, 1e300
    assertThat(published).containsExactly("null", "null", "null", "null", "null", "2099-06-01", "null", "null", "null",
        "2024-02-29", "null", "null");
  }

  @Test
  void theGeneratorIsDeterministic(@TempDir Path other) throws IOException {
    List<HostileCorpus.FileCase> a = HostileCorpus.write(root);
    List<HostileCorpus.FileCase> b = HostileCorpus.write(other);
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(Files.readAllBytes(b.get(i).file())).as("%s", a.get(i).file()).isEqualTo(Files.readAllBytes(a.get(i).file()));
    }
  }

  private record Collected(List<Article> articles, List<Reject> rejects) {
  }

  private static Collected read(HostileCorpus.FileCase c) throws IOException {
    List<Article> articles = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    IngestSink sink = new IngestSink() {
      @Override
      public void article(Article a) {
        articles.add(a);
      }

      @Override
      public void reject(Reject r) {
        rejects.add(r);
      }
    };
    CorpusSpec spec = CorpusSpec.adHoc(c.corpus(), c.file().getParent().toString());
    try (InputStream in = Files.newInputStream(c.file())) {
      new CorpusFileReader(spec).read(c.locator(), in, Files.size(c.file()), sink);
    }
    return new Collected(articles, rejects);
  }

  static boolean isReason(Reject r, RejectReason reason) {
    return r.reason() == reason;
  }
}
