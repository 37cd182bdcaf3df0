package org.nkwatch.classify;

import java.time.LocalDate;
import java.util.List;
import org.nkwatch.model.MentionKind;
import org.nkwatch.nlp.AnalyzedSentence;
import org.nkwatch.nlp.EntityFinder;
import org.nkwatch.nlp.FoundEntity;
import org.nkwatch.nlp.Gazetteer;
import org.nkwatch.nlp.GazetteerEntry;
import org.nkwatch.nlp.TextAnalyzer;

/**
 * Whose punishment a domestic sanction cue reports: North Korea's, or that of South Korean or foreign justice
 * ("South Korean police arrested a defector-activist", "a court in Seoul sentenced..."), which is not counted.
 * A sentence is foreign when
 * <ul>
 *   <li>it names a {@code foreign_jurisdiction} agent of the taxonomy ("South Korean prosecutors", "US
 *       authorities"), or a gazetteer organization of type {@code foreign_government} stands right before the
 *       cue ("the FBI arrested");</li>
 *   <li>it names a justice agent without a nationality ({@code bare_agents}: "the court", "the authorities")
 *       and the last agent the article named was foreign, with no North Korean organ of state or security
 *       named since;</li>
 *   <li>or the title places the whole article in South Korea: it names South Korea or a place in it, a
 *       foreign agent or a {@code foreign_setting} phrase, and nothing North Korean. Other foreign places in a
 *       title do not count ("Munitions officials dismissed over shells bound for Russia" is about North
 *       Korea).</li>
 * </ul>
 */
final class Jurisdiction {
  /** How many words may sit between a foreign agency and its cue ("the FBI on Monday arrested"). */
  static final int FOREIGN_AGENT_GAP = 3;

  private static final String NORTH_KOREA = "north-korea";
  private static final String SOUTH_KOREA = "south-korea";

  /** The adjective, which the gazetteer (of nouns) does not list: "North Korean diplomat arrested". */
  private static final CueList NORTH_KOREAN = new CueList(List.of(CuePattern.parse("north korean", w -> w),
      CuePattern.parse("n. korean", w -> w), CuePattern.parse("nk", w -> w)));

  private final Gazetteer gazetteer;
  private final ContextRules context;

  Jurisdiction(Gazetteer gazetteer, ContextRules context) {
    this.gazetteer = gazetteer;
    this.context = context;
  }

  /** The reading of one article, sentence after sentence (it remembers the last agent named). */
  final class Reading {
    private final java.util.function.BooleanSupplier titleSetInSouthKorea;
    private Boolean setInSouthKorea;  // read from the title on first need: most articles never need it
    private boolean lastAgentForeign;

    private Reading(java.util.function.BooleanSupplier titleSetInSouthKorea) {
      this.titleSetInSouthKorea = titleSetInSouthKorea;
    }

    /**
     * Whether the next sentence of the article reports foreign justice; call once per sentence, in order.
     * The answer is asked only for sentences with a domestic cue: the title is analysed then, once.
     */
    java.util.function.BooleanSupplier foreign(SentenceWords words, List<FoundEntity> found) {
      boolean foreignAgent = context.foreignJurisdiction(words);
      boolean foreignHere = foreignAgent || (lastAgentForeign && context.namesBareAgent(words));
      lastAgentForeign = foreignAgent
          || (lastAgentForeign && !namesNorthKoreanOrgan(found, words.sentence().index()));
      return () -> foreignHere || setInSouthKorea();
    }

    private boolean setInSouthKorea() {
      if (setInSouthKorea == null) {
        setInSouthKorea = titleSetInSouthKorea.getAsBoolean();
      }
      return setInSouthKorea;
    }
  }

  Reading read(String title, LocalDate published, EntityFinder entities, TextAnalyzer analyzer) {
    return new Reading(() -> title != null && !title.isBlank() && setInSouthKorea(title, published, entities, analyzer));
  }

  private boolean setInSouthKorea(String title, LocalDate published, EntityFinder entities, TextAnalyzer analyzer) {
    List<AnalyzedSentence> sentences = analyzer.analyze(title);
    boolean south = false;
    for (FoundEntity e : entities.find(sentences, published, analyzer)) {
      if (e.kind() == MentionKind.PLACE && e.listed()) {
        String country = countryOf(e.key());
        if (NORTH_KOREA.equals(country)) {
          return false;
        }
        south |= SOUTH_KOREA.equals(country);
      }
    }
    for (AnalyzedSentence s : sentences) {
      SentenceWords words = SentenceWords.of(s);
      if (NORTH_KOREAN.anyMatch(words.words())) {
        return false;
      }
      south |= context.foreignSetting(words);
    }
    return south;
  }

  /** Whether the sentence names a North Korean organ of state or security (gazetteer type state, security). */
  private boolean namesNorthKoreanOrgan(List<FoundEntity> found, int sentence) {
    for (FoundEntity e : found) {
      if (e.sentenceIndex() == sentence && e.kind() == MentionKind.ORGANIZATION) {
        GazetteerEntry entry = gazetteer.get(e.key());
        if (entry != null && (entry.type().equals("security") || entry.type().equals("state"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The gazetteer country a place lies in, following its parents (a city, its province, the country). */
  private String countryOf(String placeKey) {
    String key = placeKey;
    for (int depth = 0; depth < 6 && key != null && !key.isEmpty(); depth++) {
      GazetteerEntry entry = gazetteer.get(key);
      if (entry == null || entry.type().equals("country")) {
        return entry == null ? null : key;
      }
      key = entry.parent();
    }
    return null;
  }

  /**
   * Whether a foreign or South Korean government body (gazetteer type {@code foreign_government}) is the
   * subject right before the cue: "the FBI arrested", "NIS agents detained". Only right before it, since
   * "the NIS said officials were executed" reports a North Korean punishment.
   */
  boolean actedByForeignAgency(SentenceWords words, CueIndex.Hit hit, List<FoundEntity> found) {
    int sentence = words.sentence().index();
    int cueStart = words.charStart(hit.start());
    for (FoundEntity e : found) {
      if (e.sentenceIndex() != sentence || e.kind() != MentionKind.ORGANIZATION || e.end() > cueStart) {
        continue;
      }
      int wordsBetween = 0;
      for (int w = 0; w < hit.start(); w++) {
        if (words.charStart(w) >= e.end()) {
          wordsBetween++;
        }
      }
      GazetteerEntry entry = gazetteer.get(e.key());
      if (wordsBetween <= FOREIGN_AGENT_GAP && entry != null && entry.type().equals("foreign_government")) {
        return true;
      }
    }
    return false;
  }
}
