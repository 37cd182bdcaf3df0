package org.nkwatch.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The key findings of a brief, as sentences. Every sentence comes from the data by a fixed rule with a fixed
 * tie-break, so the same data always gives the same words in the same order.
 */
public final class Findings {
  /** At most this many sentences of each kind, so that findings stay a short list. */
  static final int MAX_PER_KIND = 3;
  static final String DEFECTOR = "defector_network";
  static final String STATE_MEDIA = "state_media";
  static final String NOTHING = "No notable changes, first appearances or sanction events were found for this period.";

  private Findings() {
  }

  public static List<String> of(BriefData data) {
    List<String> out = new ArrayList<>();
    List<RankedEntity> entities = Stream.of(data.topPeople(), data.topOrganizations(), data.topPlaces())
        .flatMap(List::stream).toList();
    if (data.hasComparison()) {
      out.addAll(rises(entities));
      out.addAll(falls(entities));
      out.addAll(firstAppearances(entities));
    }
    mostEvents(data).ifPresent(out::add);
    out.addAll(disagreements(data));
    return out.isEmpty() ? List.of(NOTHING) : List.copyOf(out);
  }

  private static List<String> rises(List<RankedEntity> entities) {
    return entities.stream()
        .filter(e -> e.previousMentions() > 0 && e.change() > 0)
        .sorted(Comparator.comparingLong(RankedEntity::change).reversed().thenComparing(RankedEntity::name))
        .limit(MAX_PER_KIND)
        .map(e -> String.format(Locale.ROOT, "Mentions of %s rose from %,d to %,d (+%d%%) against the previous period.",
            e.name(), e.previousMentions(), e.mentions(), percent(e)))
        .toList();
  }

  private static List<String> falls(List<RankedEntity> entities) {
    return entities.stream()
        .filter(e -> e.previousMentions() > 0 && e.change() < 0)
        .sorted(Comparator.comparingLong(RankedEntity::change).thenComparing(RankedEntity::name))
        .limit(MAX_PER_KIND)
        .map(e -> String.format(Locale.ROOT, "Mentions of %s fell from %,d to %,d (%d%%) against the previous period.",
            e.name(), e.previousMentions(), e.mentions(), percent(e)))
        .toList();
  }

  private static List<String> firstAppearances(List<RankedEntity> entities) {
    return entities.stream()
        .filter(e -> e.previousMentions() == 0 && e.mentions() >= 2)
        .sorted(RankedEntity.BY_RANK)
        .limit(MAX_PER_KIND)
        .map(e -> String.format(Locale.ROOT, "%s appears for the first time: %s in %s, none in the previous period.",
            e.name(), count(e.mentions(), "mention"), count(e.documents(), "article")))
        .toList();
  }

  private static Optional<String> mostEvents(BriefData data) {
    Map<String, Long> byType = new TreeMap<>();
    // a finding is about the period: events of undated articles are listed in the brief, not counted here
    data.periodSanctionEvents().forEach(e -> byType.merge(e.sanctionType(), 1L, Long::sum));
    List<Map.Entry<String, Long>> top = byType.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_PER_KIND).toList();
    if (top.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      long n = top.get(i).getValue();
      parts.add(Labels.inSentence(top.get(i).getKey()) + " (" + (i == 0 ? count(n, "event") : String.format(Locale.ROOT, "%,d", n)) + ")");
    }
    String subject = top.size() == 1 ? "The sanction type with the most events was " : "The sanction types with the most events were ";
    return Optional.of(subject + joinWithAnd(parts) + ", of " + count(data.periodSanctionEvents().size(), "event") + " in all.");
  }

  /** Sanction types that one of defector and state-media sources mention and the other never does. */
  private static List<String> disagreements(BriefData data) {
    boolean bothPresent = data.corpora().stream().anyMatch(c -> c.sourceType().equals(DEFECTOR))
        && data.corpora().stream().anyMatch(c -> c.sourceType().equals(STATE_MEDIA));
    if (!bothPresent) {
      return List.of();
    }
    Map<String, Long> defector = new TreeMap<>();
    Map<String, Long> state = new TreeMap<>();
    for (TypeCount tc : data.sanctionTypesByCorpus()) {
      if (tc.count() <= 0) {
        continue;
      }
      String type = data.sourceTypeOf(tc.category());
      if (type.equals(DEFECTOR)) {
        defector.merge(tc.series(), tc.count(), Long::sum);
      } else if (type.equals(STATE_MEDIA)) {
        state.merge(tc.series(), tc.count(), Long::sum);
      }
    }
    List<String> out = new ArrayList<>();
    out.addAll(onlyIn(defector, state, "defector-network sources", "state media"));
    out.addAll(onlyIn(state, defector, "state media", "defector-network sources"));
    return out;
  }

  private static List<String> onlyIn(Map<String, Long> present, Map<String, Long> other, String here, String there) {
    return present.entrySet().stream()
        .filter(e -> !other.containsKey(e.getKey()))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_PER_KIND)
        .map(e -> String.format(Locale.ROOT, "%s mention %s (%s); %s do not.",
            capitalise(here), Labels.inSentence(e.getKey()), count(e.getValue(), "mention"), there))
        .toList();
  }

  private static String capitalise(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static long percent(RankedEntity e) {
    return Math.round(e.change() * 100.0 / e.previousMentions());
  }

  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static String joinWithAnd(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }
}
