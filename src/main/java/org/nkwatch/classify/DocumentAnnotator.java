package org.nkwatch.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.model.Article;
import org.nkwatch.model.Certainty;
import org.nkwatch.model.Mention;
import org.nkwatch.model.MentionKind;
import org.nkwatch.model.SanctionEvent;
import org.nkwatch.nlp.AnalyzedSentence;
import org.nkwatch.nlp.EntityFinder;
import org.nkwatch.nlp.FoundEntity;
import org.nkwatch.nlp.Gazetteer;
import org.nkwatch.nlp.TextAnalyzer;

/**
 * Annotates one article: sentences and tokens, entities, sanction types with polarity and certainty,
 * sanction events, and themes. Not thread-safe (one per task); {@link Gazetteer} and {@link Taxonomy} are
 * shared read-only.
 *
 * <p>The theme rule: a document is about a theme when its cues occur at least
 * {@link #THEME_MIN_HITS} times, or when a "strong" cue of the theme occurs and the theme's cues occur in at
 * least {@link #THEME_STRONG_MIN_SENTENCES} sentences or in at least half of the document's sentences (a
 * strong cue in one sentence of a long article is a passing mention). Only then are the theme's mentions
 * written, so a theme's document count is the number of documents assigned to it.
 *
 * <p>A domestic sanction type fires only where the punishment is North Korea's (see {@link Jurisdiction}).
 */
public final class DocumentAnnotator {
  /** Three, not two: in long state-media articles two passing cues of a theme are common (dev gold: F1 0.73 -> 0.77). */
  public static final int THEME_MIN_HITS = 3;
  /** A strong cue needs its theme in this many sentences (or half of a short document's): dev theme F1 0.78 -> 0.86. */
  public static final int THEME_STRONG_MIN_SENTENCES = 2;

  private final TextAnalyzer analyzer = new TextAnalyzer();
  private final EntityFinder entities;
  private final Jurisdiction jurisdiction;
  private final CueIndex sanctionCues;
  private final CueIndex themeCues;
  private final ContextRules context;

  public DocumentAnnotator(Gazetteer gazetteer, Taxonomy taxonomy) {
    this.entities = new EntityFinder(gazetteer);
    this.sanctionCues = new CueIndex(taxonomy.sanctionTypes());
    this.themeCues = new CueIndex(taxonomy.themes());
    this.context = new ContextRules(taxonomy);
    this.jurisdiction = new Jurisdiction(gazetteer, context);
  }

  /** Builds gazetteer and taxonomy from a bundle; prefer sharing them across annotators via {@link Resources}. */
  public static DocumentAnnotator fromConfig(ConfigBundle bundle) {
    Resources resources = Resources.of(bundle);
    return new DocumentAnnotator(resources.gazetteer(), resources.taxonomy());
  }

  /** The read-only parts an annotator needs; cache one per JVM per configuration. */
  public record Resources(Gazetteer gazetteer, Taxonomy taxonomy) {
    public static Resources of(ConfigBundle bundle) {
      TextAnalyzer stemmer = new TextAnalyzer();
      return new Resources(Gazetteer.load(bundle), Taxonomy.load(bundle, stemmer::stem));
    }
  }

  public Annotation annotate(Article article, String sourceType) {
    List<AnalyzedSentence> sentences = analyzer.analyze(article.text());
    int tokens = 0;
    for (AnalyzedSentence s : sentences) {
      tokens += s.size();
    }
    List<Mention> mentions = new ArrayList<>();
    List<FoundEntity> found = entities.find(sentences, article.published(), analyzer);
    for (FoundEntity e : found) {
      mentions.add(new Mention(article.docId(), article.corpus(), article.published(), e.kind(), e.key(), e.name(),
          e.surface(), e.sentenceIndex(), e.start(), e.end(), sentences.get(e.sentenceIndex()).text(), null, null,
          e.listed()));
    }
    List<SanctionEvent> events = new ArrayList<>();
    Jurisdiction.Reading whose = jurisdiction.read(article.title(), article.published(), entities, analyzer);
    Map<String, List<Mention>> themeMentions = new LinkedHashMap<>();
    Map<String, Boolean> strongTheme = new HashMap<>();
    Map<String, Set<Integer>> themeSentences = new HashMap<>();
    SentenceWords previous = null;
    for (AnalyzedSentence s : sentences) {
      SentenceWords words = SentenceWords.of(s);
      sanctions(article, sourceType, whose.foreign(words, found), words, previous, found, mentions, events);
      for (CueIndex.Hit hit : themeCues.find(words.stems())) {
        String key = hit.category().key();
        themeSentences.computeIfAbsent(key, k -> new HashSet<>()).add(s.index());
        themeMentions.computeIfAbsent(key, k -> new ArrayList<>()).add(mention(article, MentionKind.THEME, hit,
            words, Mention.AFFIRMED, null));
        if (hit.category().strong().stream().anyMatch(c -> c.stems().equals(hit.cue().stems()))) {
          strongTheme.put(key, true);
        }
      }
      previous = words;
    }
    for (Map.Entry<String, List<Mention>> theme : themeMentions.entrySet()) {
      int inSentences = themeSentences.get(theme.getKey()).size();
      boolean strongEnough = strongTheme.containsKey(theme.getKey())
          && (inSentences >= THEME_STRONG_MIN_SENTENCES || 2 * inSentences >= sentences.size());
      if (theme.getValue().size() >= THEME_MIN_HITS || strongEnough) {
        mentions.addAll(theme.getValue());
      }
    }
    return new Annotation(mentions, events, sentences.size(), tokens);
  }

  private void sanctions(Article article, String sourceType, BooleanSupplier foreignSentence, SentenceWords words,
      SentenceWords previous, List<FoundEntity> found, List<Mention> mentions, List<SanctionEvent> events) {
    Map<String, Boolean> eventTypes = new HashMap<>();
    for (CueIndex.Hit hit : sanctionCues.find(words.stems())) {
      Category type = hit.category();
      if (!context.senseAllows(type, hit, words) || context.excluded(type, words)) {
        continue;
      }
      if (type.isDomestic()
          && (foreignSentence.getAsBoolean() || jurisdiction.actedByForeignAgency(words, hit, found))) {
        continue; // a South Korean or foreign arrest, trial or dismissal is not a North Korean sanction
      }
      Certainty certainty = context.certainty(words, previous, sourceType);
      boolean negated = certainty == Certainty.DENIED || context.negated(words, hit);
      String polarity = negated ? Mention.NEGATED : Mention.AFFIRMED;
      mentions.add(mention(article, MentionKind.SANCTION, hit, words, polarity, certainty.key()));
      if (!negated && type.isDomestic() && eventTypes.putIfAbsent(type.key(), true) == null) {
        events.add(event(article, type, hit, words, certainty, found));
      }
    }
  }

  private SanctionEvent event(Article article, Category type, CueIndex.Hit hit, SentenceWords words,
      Certainty certainty, List<FoundEntity> found) {
    AnalyzedSentence s = words.sentence();
    FoundEntity target = target(found, s.index(), words.charStart(hit.start()));
    String text = s.text();
    EventDetails.Number number = EventDetails.number(text);
    int cueEnd = words.charEnd(hit.end()) - s.start();
    return new SanctionEvent(article.docId(), article.corpus(), article.published(), type.key(),
        target == null ? null : target.key(), target == null ? null : target.name(),
        target == null ? null : target.kind().name(), EventDetails.level(text),
        number == null ? null : number.text(), number == null ? null : number.count(),
        EventDetails.reason(text, cueEnd), certainty.key(), Mention.AFFIRMED, s.index(), text);
  }

  /** The person or organization nearest to the cue in its sentence; else the last one of the sentence before. */
  private static FoundEntity target(List<FoundEntity> found, int sentence, int cueStart) {
    FoundEntity best = null;
    int bestDistance = Integer.MAX_VALUE;
    FoundEntity before = null;
    for (FoundEntity e : found) {
      if (e.kind() != MentionKind.PERSON && e.kind() != MentionKind.ORGANIZATION) {
        continue;
      }
      if (e.sentenceIndex() == sentence) {
        // entities before the cue are usually its subject ("X was dismissed"): weigh them closer
        int distance = e.end() <= cueStart ? cueStart - e.end() : 2 * (e.start() - cueStart);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = e;
        }
      } else if (e.sentenceIndex() == sentence - 1) {
        before = e;
      }
    }
    return best != null ? best : before;
  }

  private static Mention mention(Article article, MentionKind kind, CueIndex.Hit hit, SentenceWords words,
      String polarity, String certainty) {
    AnalyzedSentence s = words.sentence();
    int start = words.charStart(hit.start());
    int end = words.charEnd(hit.end());
    Category category = hit.category();
    return new Mention(article.docId(), article.corpus(), article.published(), kind, category.key(),
        category.name(), article.text().substring(start, end), s.index(), start, end, s.text(), polarity,
        certainty, true);
  }
}
