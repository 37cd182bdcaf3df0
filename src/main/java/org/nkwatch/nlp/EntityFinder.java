package org.nkwatch.nlp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nkwatch.model.MentionKind;

/**
 * Finds people, organizations and places in an analysed article: gazetteer aliases (longest match,
 * romanization-aware), short references ("Kim" after "Kim Jong Un" in the same article), and names the
 * gazetteer does not know (Korean personal names; phrases headed by Department, Committee, Province...).
 */
public final class EntityFinder {
  private static final String BREAK = "\u0000";
  private static final Set<String> CONNECTORS = Set.of("of", "and", "for", "&");
  private static final Set<String> LEADING_DROPS = Set.of("The", "A", "An", "This", "That", "Its", "His", "Her", "Their");
  private static final Set<String> ORGANIZATION_HEADS = Set.of("Department", "Committee", "Commission", "Bureau",
      "Ministry", "Council", "Association", "Union", "League", "Corporation", "Company", "Agency", "Office",
      "Administration", "Institute", "Academy", "University", "Factory", "Enterprise", "Corps", "Division",
      "Brigade", "Regiment", "Command", "Bank", "Federation", "Society", "Court", "Assembly", "Party", "Group",
      "Station", "Mine", "Works", "Headquarters", "Directorate", "Service");
  private static final Set<String> PLACE_HEADS = Set.of("Province", "County", "City", "District", "Island",
      "Islands", "Bay", "Port", "Peninsula", "River", "Square", "Village", "Prefecture", "Oblast", "Region");
  private static final Pattern POST_YEARS = Pattern.compile("\\[(\\d{4})?(?:-\\d{2})?\\.\\.(\\d{4})?(?:-\\d{2})?\\]");

  private final Gazetteer gazetteer;

  public EntityFinder(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The match keys of one sentence, with the token each came from. */
  private record KeyStream(List<String> keys, List<Integer> tokenOf) {
  }

  public List<FoundEntity> find(List<AnalyzedSentence> sentences, LocalDate published, TextAnalyzer tagger) {
    List<FoundEntity> found = new ArrayList<>();
    List<KeyStream> streams = new ArrayList<>(sentences.size());
    List<BitSet> covered = new ArrayList<>(sentences.size());
    for (AnalyzedSentence s : sentences) {
      KeyStream stream = keyStream(s);
      streams.add(stream);
      BitSet used = new BitSet(s.size());
      covered.add(used);
      matchGazetteer(s, stream, published, used, found);
      recogniseKoreanNames(s, stream, used, found);
    }
    resolveShortReferences(sentences, streams, covered, found);
    for (int i = 0; i < sentences.size(); i++) {
      recognisePhrases(sentences.get(i), covered.get(i), tagger, found);
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return found;
  }

  private static KeyStream keyStream(AnalyzedSentence s) {
    List<String> keys = new ArrayList<>(s.size() + 4);
    List<Integer> tokenOf = new ArrayList<>(s.size() + 4);
    for (int t = 0; t < s.size(); t++) {
      String norm = s.norms()[t];
      String token = s.tokens()[t];
      if (norm.isEmpty()) {
        if (!isJoiner(token)) { // "Kim 's", "Workers ' Party", "Jong - un" read through; other punctuation breaks
          keys.add(BREAK);
          tokenOf.add(t);
        }
        continue;
      }
      for (String piece : norm.split(" ")) {
        keys.add(piece);
        tokenOf.add(t);
      }
    }
    return new KeyStream(keys, tokenOf);
  }

  private static boolean isJoiner(String token) {
    return switch (token) {
      case "'", "'s", "’", "’s", "'S", "-", "‐", "‑" -> true;
      default -> false;
    };
  }

  private void matchGazetteer(AnalyzedSentence s, KeyStream stream, LocalDate published, BitSet used,
      List<FoundEntity> out) {
    List<String> keys = stream.keys();
    for (int p = 0; p < keys.size(); ) {
      AliasTrie.Match match = keys.get(p).equals(BREAK) ? null : gazetteer.trie().longest(keys, p);
      GazetteerEntry entry = match == null ? null : choose(s, stream, p, match, published);
      if (entry == null) {
        p++;
        continue;
      }
      int firstToken = stream.tokenOf().get(p);
      int lastToken = stream.tokenOf().get(p + match.length() - 1);
      used.set(firstToken, lastToken + 1);
      out.add(entity(s, entry.kind(), entry.key(), entry.name(), firstToken, lastToken, true));
      p += match.length();
    }
  }

  private GazetteerEntry choose(AnalyzedSentence s, KeyStream stream, int p, AliasTrie.Match match,
      LocalDate published) {
    int firstToken = stream.tokenOf().get(p);
    int lastToken = stream.tokenOf().get(p + match.length() - 1);
    String surface = s.text().substring(s.tokenStarts()[firstToken] - s.start(), s.tokenEnds()[lastToken] - s.start());
    List<GazetteerEntry> candidates = new ArrayList<>();
    for (AliasTrie.Target target : match.targets()) {
      if (target.acronym() != null) {
        if (surface.replace(".", "").equals(target.acronym())) {
          candidates.add(target.entry());
        }
      } else if (match.length() > 1 || Character.isUpperCase(surface.charAt(0))) {
        // a one-word alias must be capitalised: "park" the noun is not Pak, "song" is not a name
        candidates.add(target.entry());
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    if (candidates.size() == 1 || published == null) {
      return candidates.get(0);
    }
    // one name, two people (Ri Yong Ho): the one who held a post closest to the article's date
    GazetteerEntry best = candidates.get(0);
    int bestDistance = Integer.MAX_VALUE;
    for (GazetteerEntry candidate : candidates) {
      int distance = yearDistance(candidate, published.getYear());
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return best;
  }

  private static int yearDistance(GazetteerEntry entry, int year) {
    int best = Integer.MAX_VALUE / 2;
    for (String post : entry.posts()) {
      Matcher m = POST_YEARS.matcher(post);
      if (m.find()) {
        int from = m.group(1) == null ? Integer.MIN_VALUE / 4 : Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? Integer.MAX_VALUE / 4 : Integer.parseInt(m.group(2));
        int d = year < from ? from - year : year > to ? year - to : 0;
        best = Math.min(best, d);
      }
    }
    return best;
  }

  /** Surname + two given-name syllables, capitalised: "Ri Yong Ho", "Pak Jong-chon", "Kim Song-nam". */
  private void recogniseKoreanNames(AnalyzedSentence s, KeyStream stream, BitSet used, List<FoundEntity> out) {
    List<String> keys = stream.keys();
    for (int p = 0; p + 2 < keys.size(); p++) {
      int t0 = stream.tokenOf().get(p);
      if (used.get(t0) || !gazetteer.isKoreanSurname(keys.get(p)) || !capitalised(s.tokens()[t0])
          || (p > 0 && stream.tokenOf().get(p - 1) == t0)) {
        continue;
      }
      int t2 = stream.tokenOf().get(p + 2);
      int t1 = stream.tokenOf().get(p + 1);
      if (used.get(t1) || used.get(t2) || !gazetteer.isGivenSyllable(keys.get(p + 1))
          || !gazetteer.isGivenSyllable(keys.get(p + 2)) || !capitalised(s.tokens()[t1])) {
        continue;
      }
      boolean twoPieceToken = t1 == t2; // "Yong-ho"
      if (!twoPieceToken && !capitalised(s.tokens()[t2])) {
        continue;
      }
      // "Kim Il Sung University": a longer proper noun is not a personal name
      if (t2 + 1 < s.size() && capitalised(s.tokens()[t2 + 1]) && (p + 3 >= keys.size()
          || !keys.get(p + 3).equals(BREAK))) {
        continue;
      }
      String key = "unlisted-person:" + keys.get(p) + "-" + keys.get(p + 1) + "-" + keys.get(p + 2);
      String name = title(keys.get(p)) + " " + title(keys.get(p + 1)) + " " + title(keys.get(p + 2));
      used.set(t0, t2 + 1);
      out.add(entity(s, MentionKind.PERSON, key, name, t0, t2, false));
      p += 2;
    }
  }

  /** Family names of the people found so far map to them, for "Kim", "Choe", "Putin" later in the article. */
  private void resolveShortReferences(List<AnalyzedSentence> sentences, List<KeyStream> streams,
      List<BitSet> covered, List<FoundEntity> found) {
    Map<String, Set<String>> bySurname = new HashMap<>();
    Map<String, Integer> firstSeenAt = new HashMap<>();
    for (FoundEntity e : found) {
      if (e.kind() != MentionKind.PERSON) {
        continue;
      }
      List<String> keys = NameNormalizer.keys(e.name());
      if (keys.size() < 2) {
        continue;
      }
      // Korean names put the family name first; others may put it first (Xi Jinping) or last (Vladimir Putin)
      List<String> families = gazetteer.isKoreanSurname(keys.get(0)) ? List.of(keys.get(0))
          : List.of(keys.get(0), keys.get(keys.size() - 1));
      for (String family : families) {
        bySurname.computeIfAbsent(family, k -> new HashSet<>()).add(e.key());
      }
      firstSeenAt.merge(e.key(), e.start(), Math::min);
    }
    if (bySurname.isEmpty()) {
      return;
    }
    Map<String, FoundEntity> exemplar = new HashMap<>();
    for (FoundEntity e : found) {
      exemplar.putIfAbsent(e.key(), e);
    }
    List<FoundEntity> added = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      AnalyzedSentence s = sentences.get(i);
      BitSet used = covered.get(i);
      for (int t = 0; t < s.size(); t++) {
        if (used.get(t) || !capitalised(s.tokens()[t])) {
          continue;
        }
        Set<String> persons = bySurname.get(s.norms()[t]);
        if (persons == null || persons.size() != 1) {
          continue; // unknown, or two Kims in the article: ambiguous, say nothing
        }
        String key = persons.iterator().next();
        if (firstSeenAt.get(key) >= s.tokenStarts()[t]) {
          continue;
        }
        FoundEntity full = exemplar.get(key);
        used.set(t);
        added.add(entity(s, MentionKind.PERSON, key, full.name(), t, t, full.listed()));
      }
    }
    found.addAll(added);
  }

  /** Phrases headed by Department, Committee, Province...: organizations and places not in the gazetteer. */
  private void recognisePhrases(AnalyzedSentence s, BitSet used, TextAnalyzer tagger, List<FoundEntity> out) {
    AnalyzedSentence tagged = null;
    for (int head = 1; head < s.size(); head++) {
      String token = s.tokens()[head];
      boolean org = ORGANIZATION_HEADS.contains(token);
      if (used.get(head) || !(org || PLACE_HEADS.contains(token))) {
        continue;
      }
      int start = head;
      while (start - 1 >= 0 && !used.get(start - 1)) {
        String prev = s.tokens()[start - 1];
        if (capitalised(prev)) {
          start--;
        } else if (CONNECTORS.contains(prev) && start - 2 >= 0 && capitalised(s.tokens()[start - 2])
            && !used.get(start - 2)) {
          start -= 2;
        } else {
          break;
        }
      }
      while (start < head && (LEADING_DROPS.contains(s.tokens()[start]) || CONNECTORS.contains(s.tokens()[start]))) {
        start++;
      }
      if (start == head) {
        continue; // a bare "Department" names nothing
      }
      if (tagged == null) {
        tagged = tagger.tag(s); // POS only for sentences with a candidate phrase
      }
      if (!hasProperNoun(tagged, start, head)) {
        continue;
      }
      StringBuilder name = new StringBuilder();
      StringBuilder slug = new StringBuilder();
      for (int t = start; t <= head; t++) {
        name.append(t > start ? " " : "").append(s.tokens()[t]);
        String norm = s.norms()[t];
        if (!norm.isEmpty()) {
          slug.append(slug.length() > 0 ? "-" : "").append(norm.replace(' ', '-'));
        }
      }
      MentionKind kind = org ? MentionKind.ORGANIZATION : MentionKind.PLACE;
      String key = "unlisted-" + kind.name().toLowerCase(Locale.ROOT) + ":" + slug;
      used.set(start, head + 1);
      out.add(entity(s, kind, key, name.toString(), start, head, false));
    }
  }

  private static boolean hasProperNoun(AnalyzedSentence tagged, int from, int to) {
    for (int t = from; t <= to; t++) {
      if (tagged.tags()[t].startsWith("PROPN")) {
        return true;
      }
    }
    return false;
  }

  private static FoundEntity entity(AnalyzedSentence s, MentionKind kind, String key, String name, int firstToken,
      int lastToken, boolean listed) {
    int start = s.tokenStarts()[firstToken];
    int end = s.tokenEnds()[lastToken];
    String surface = s.text().substring(start - s.start(), end - s.start());
    return new FoundEntity(kind, key, name, surface, s.index(), start, end, listed);
  }

  private static boolean capitalised(String token) {
    return !token.isEmpty() && Character.isUpperCase(token.charAt(0));
  }

  private static String title(String key) {
    return key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }
}
