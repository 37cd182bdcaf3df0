package org.nkwatch.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.ml.model.MaxentModel;
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

  /**
   * The same POS model decoded greedily (a beam of one, not the model's three). It tags as the beam does
   * (equal tags on every sentence tested, GreedyPosTaggingTest; 730,000 tokens of KCNA 2012 alike) at about
   * half the time: the beam's other two candidates never won.
   */
  private static final class GreedyPos {
    static final POSModel MODEL = new POSModel(Pos.MODEL.getLanguage(),
        (MaxentModel) Pos.MODEL.getArtifact(POS_ARTIFACT), 1, Map.of(), Pos.MODEL.getFactory());
  }

  /** Where a POS model keeps its maxent model (POSModel's own entry name, not public). */
  private static final String POS_ARTIFACT = "pos.model";

  public static SentenceModel sentences() {
    return Sentences.MODEL;
  }

  public static TokenizerModel tokens() {
    return Tokens.MODEL;
  }

  /** The POS model as packaged (beam search of three). */
  public static POSModel pos() {
    return Pos.MODEL;
  }

  /** The POS model decoded greedily: what the annotator tags with. */
  public static POSModel greedyPos() {
    return GreedyPos.MODEL;
  }

  private interface ModelFactory<M> {
    M create(InputStream in) throws IOException;
  }

  /** How many times each model was read from the classpath in this JVM: once at most (ModelsLoadOnceIT). */
  private static final ConcurrentHashMap<String, Integer> LOADS = new ConcurrentHashMap<>();

  public static Map<String, Integer> loads() {
    return Map.copyOf(LOADS);
  }

  private static <M> M load(String resource, ModelFactory<M> factory) {
    LOADS.merge(resource, 1, Integer::sum);
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
