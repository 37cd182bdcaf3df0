package org.nkwatch.classify;

import java.util.List;
import org.nkwatch.model.Certainty;

/**
 * Reads the context of a sanction cue: is it negated ("was not dismissed"), how sure is the source
 * ("reportedly", "denied reports"), and which sense of "sanction" the sentence uses.
 */
final class ContextRules {
  /** How far before a cue a negation still applies ("was not immediately dismissed"). */
  static final int NEGATION_WINDOW = 4;

  private final Taxonomy taxonomy;

  ContextRules(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** Words that end the reach of a negation: "was not dismissed but reprimanded". */
  private static final java.util.Set<String> CLAUSE_BREAKS =
      java.util.Set.of("but", "instead", "though", "although", "while", "whereas", "yet", "rather", "and");

  boolean negated(SentenceWords words, CueIndex.Hit hit) {
    int from = hit.start();
    while (from > 0 && from > hit.start() - NEGATION_WINDOW && !breaksClause(words.words(), from - 1)) {
      from--;
    }
    // the span itself counts too: "was not dismissed" matches the cue "was dismissed" through the "not"
    return taxonomy.negation().anyMatch(words.words(), from, hit.end());
  }

  /**
   * Whether the word at {@code i} ends a negation's reach. "yet" does so only as a conjunction
   * ("..., yet he was dismissed"): right after a negation ("not yet arrested") or before "to" ("has yet
   * to be tried") it is an adverb and the negation still holds.
   */
  private boolean breaksClause(List<String> words, int i) {
    String word = words.get(i);
    if (!CLAUSE_BREAKS.contains(word)) {
      return false;
    }
    if (!word.equals("yet")) {
      return true;
    }
    boolean afterNegation = i > 0 && taxonomy.negation().anyMatch(words, i - 1, i);
    boolean beforeTo = i + 1 < words.size() && words.get(i + 1).equals("to");
    return !afterNegation && !beforeTo;
  }

  /**
   * Whether a domestic-type cue reports a measure of a foreign or South Korean jurisdiction rather than a
   * North Korean punishment ("South Korean police arrested...", "a court in Seoul sentenced..."): the
   * sentence names such an agent from the taxonomy's {@code foreign_jurisdiction} list.
   */
  boolean foreignJurisdiction(SentenceWords words) {
    return taxonomy.foreignJurisdiction().anyMatch(words.words());
  }

  /**
   * Whether the sentence names a justice agent without a nationality ("the court", "the authorities"), which
   * then stands for the last agent the article named (taxonomy's {@code bare_agents}).
   */
  boolean namesBareAgent(SentenceWords words) {
    return taxonomy.bareAgents().anyMatch(words.words());
  }

  /** Whether a title's words place the article in South Korea or abroad (taxonomy's {@code foreign_setting}). */
  boolean foreignSetting(SentenceWords titleWords) {
    return taxonomy.foreignSetting().anyMatch(titleWords.words())
        || foreignJurisdiction(titleWords);
  }

  /**
   * The certainty of a sanction stated in {@code words}; the previous sentence counts for attributions
   * that span two ("According to a source... . He was sent to a mine.").
   */
  Certainty certainty(SentenceWords words, SentenceWords previous, String sourceType) {
    List<String> stems = words.words();
    if (matches("denied", stems)) {
      return Certainty.DENIED;
    }
    if (matches("contradicted", stems)) {
      return Certainty.CONTRADICTED;
    }
    if (matches("rumoured", stems)) {
      return Certainty.RUMOURED;
    }
    if (matches("reported", stems) || (previous != null && matches("reported", previous.words()))) {
      return Certainty.REPORTED;
    }
    return switch (sourceType == null ? "unknown" : sourceType) {
      case "state_media", "government" -> Certainty.CONFIRMED;
      case "wire_or_newspaper" -> matches("confirmed", stems) ? Certainty.CONFIRMED : Certainty.REPORTED;
      default -> matches("confirmed", stems) ? Certainty.CONFIRMED : Certainty.REPORTED;
    };
  }

  /** A bare "sanction(s)" is an international measure only where the sentence says so. */
  boolean senseAllows(Category category, CueIndex.Hit hit, SentenceWords words) {
    boolean bare = hit.cue().stems().size() == 1 && hit.cue().first().equals("sanction");
    if (!bare) {
      return true;
    }
    if (category.isDomestic()) {
      return false;
    }
    return taxonomy.internationalContext().anyMatch(words.words());
  }

  boolean excluded(Category category, SentenceWords words) {
    return !category.exclude().isEmpty()
        && category.exclude().anyMatch(words.stems());
  }

  private boolean matches(String hedgeLevel, List<String> stems) {
    return taxonomy.hedges(hedgeLevel).anyMatch(stems);
  }
}
