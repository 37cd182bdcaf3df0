package org.nkwatch.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.nkwatch.testing.RealData;

/** The remembered splits give exactly the tokens OpenNLP's tokenizer gives, on any text; the counts match. */
class CachingTokenizerTest {
  private final TokenizerME plain = new TokenizerME(NlpModels.tokens());
  private final CachingTokenizer cached = new CachingTokenizer(new TokenizerME(NlpModels.tokens()));

  @Test
  void sameTokensOnAwkwardText() {
    List<String> texts = List.of(
        "Kim Jong Un's sister said the U.S.-led drills were \"reckless,\" KCNA reported.",
        "ComradeKim Jong Uninspected the plant (KCNA)--Pyongyang, May 3 -- the leader's visit",
        "tabs\tand\u00a0non-breaking\u2003spaces, emoji \uD83D\uDE80 and 김정은 in one line",
        "x".repeat(10_000) + ". Then a normal sentence, again: the leader's visit.",
        "", "   ", "a", "Mr. O Su Yong, vice-chairman of the WPK C.C., met Amb. Ri on 12.5.2011.");
    for (String text : texts) {
      // twice: the second answer comes from the cache
      assertThat(cached.count(text)).as(text).isEqualTo(plain.tokenizePos(text).length);
      assertSameTokensAsTheTokenizer(text);
      assertSameTokensAsTheTokenizer(text);
    }
  }

  @Test
  void sameTokensOnEveryLineOfTheSampleCorpusAndTheRealCorpora() throws IOException {
    List<Path> files = new ArrayList<>(files(Path.of("src/main/resources/sample")));
    RealData.root().ifPresent(root -> {
      files.add(root.resolve("kcna-2024/kcna_headlines_2024-11-11.json"));
      files.add(root.resolve("rodong-2021-2022/rodong_sinmun_en_topnews.jsonl"));
    });
    long lines = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        assertThat(cached.count(line)).as("%s: %s", file, line).isEqualTo(plain.tokenizePos(line).length);
        assertSameTokensAsTheTokenizer(line);
        lines++;
      }
    }
    assertThat(lines).isGreaterThan(30);
  }

  private final TextAnalyzer analyzer = new TextAnalyzer();

  /** The analyzer's tokens (from its remembered pieces) are the tokenizer's, with their own keys and stems. */
  private void assertSameTokensAsTheTokenizer(String text) {
    for (AnalyzedSentence s : analyzer.analyze(text)) {
      Span[] expected = plain.tokenizePos(s.text());
      assertThat(s.size()).as(s.text()).isEqualTo(expected.length);
      for (int t = 0; t < expected.length; t++) {
        String token = s.text().substring(expected[t].getStart(), expected[t].getEnd());
        assertThat(s.tokens()[t]).isEqualTo(token);
        assertThat(s.tokenStarts()[t]).isEqualTo(s.start() + expected[t].getStart());
        assertThat(s.tokenEnds()[t]).isEqualTo(s.start() + expected[t].getEnd());
        assertThat(text.substring(s.tokenStarts()[t], s.tokenEnds()[t])).isEqualTo(token);
        assertThat(s.norms()[t]).isEqualTo(NameNormalizer.tokenKey(token));
        assertThat(s.stems()[t]).isEqualTo(analyzer.stem(token));
      }
    }
  }

  @Test
  void countsAreThoseOfTheAnalyzedSentences() throws IOException {
    int texts = 0;
    for (Path file : files(Path.of("src/main/resources/sample"))) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<AnalyzedSentence> sentences = analyzer.analyze(text);
      int tokens = sentences.stream().mapToInt(AnalyzedSentence::size).sum();
      assertThat(analyzer.count(text)).as(file.toString())
          .isEqualTo(new TextAnalyzer.Counts(sentences.size(), tokens));
      texts++;
    }
    assertThat(texts).isGreaterThan(1);
    assertThat(analyzer.count("First line\n\nSecond line. Third one.")).isEqualTo(new TextAnalyzer.Counts(3, 8));
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
