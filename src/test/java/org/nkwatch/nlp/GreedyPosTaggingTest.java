package org.nkwatch.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.nkwatch.testing.RealData;

/**
 * The annotator tags with the POS model decoded greedily; it must tag exactly as the packaged model's beam
 * search does, on the sample corpus and (when present) the first few thousand sentences of KCNA 2011.
 */
class GreedyPosTaggingTest {
  private static final int KCNA_SENTENCES = 4_000;

  private final SentenceDetectorME sentences = new SentenceDetectorME(NlpModels.sentences());
  private final TokenizerME tokenizer = new TokenizerME(NlpModels.tokens());

  @Test
  void greedyTagsAreTheBeamsTags() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/sample"))) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        texts.add(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    List<String[]> tokenized = new ArrayList<>();
    for (String text : texts) {
      tokenize(text, tokenized);
    }
    int fromSample = tokenized.size();
    RealData.root().ifPresent(root -> {
      try (Reader in = Files.newBufferedReader(root.resolve("kcna-2011-2012/KCNA_2011.csv"), StandardCharsets.UTF_8)) {
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
          if (tokenized.size() - fromSample >= KCNA_SENTENCES) {
            break;
          }
          tokenize(r.get("story"), tokenized);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    POSTaggerME beam = new POSTaggerME(NlpModels.pos());
    POSTaggerME greedy = new POSTaggerME(NlpModels.greedyPos());
    long tokens = 0;
    for (String[] sentence : tokenized) {
      assertThat(greedy.tag(sentence)).as(String.join(" ", sentence)).containsExactly(beam.tag(sentence));
      tokens += sentence.length;
    }
    assertThat(fromSample).isGreaterThan(20);
    assertThat(tokens).isGreaterThan(500);
  }

  private void tokenize(String text, List<String[]> into) {
    for (String s : sentences.sentDetect(text)) {
      String[] tokens = tokenizer.tokenize(s);
      if (tokens.length > 0) {
        into.add(tokens);
      }
    }
  }
}
