package org.nkwatch.nlp;

import java.io.IOException;
import java.io.InputStream;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The OpenNLP English models, loaded from the model jars on the classpath once per JVM (driver or
 * executor) and shared: models are thread-safe, the *ME objects built on them are not.
 */
public final class NlpModels {
  static final String SENTENCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  static final String TOKENS = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  static final String POS = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

  private NlpModels() {
  }

  // Initialization-on-demand holders: each model loads on first use, once, without locking afterwards.
  private static final class Sentences {
    static final SentenceModel MODEL = load(SENTENCE, SentenceModel::new);
  }

  private static final class Tokens {
    static final TokenizerModel MODEL = load(TOKENS, TokenizerModel::new);
  }

  private static final class Pos {
    static final POSModel MODEL = load(POS, POSModel::new);
  }

  public static SentenceModel sentences() {
    return Sentences.MODEL;
  }

  public static TokenizerModel tokens() {
    return Tokens.MODEL;
  }

  public static POSModel pos() {
    return Pos.MODEL;
  }

  private interface ModelFactory<M> {
    M create(InputStream in) throws IOException;
  }

  private static <M> M load(String resource, ModelFactory<M> factory) {
    try (InputStream in = NlpModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
      }
      return factory.create(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot load OpenNLP model " + resource + ": " + e.getMessage(), e);
    }
  }
}
