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
  static final Set<String> ORGANIZATION_HEADS = Set.of("Department", "Committee", "Commission", "Bureau",
      "Ministry", "Council", "Association", "Union", "League", "Corporation", "Company", "Agency", "Office",
      "Administration", "Institute", "Academy", "University", "Factory", "Enterprise", "Corps", "Division",
      "Brigade", "Regiment", "Command", "Bank", "Federation", "Society", "Court", "Assembly", "Party", "Group",
      "Station", "Mine", "Works", "Headquarters", "Directorate", "Service", "Alliance", "Front", "Troupe",
      "Studio", "Farm", "Supermarket", "Store", "School", "Government", "Orchestra", "Forces", "Forum", "Complex",
      "Plant");
  /** Buildings, monuments and sites count as places, like provinces and cities. */
  static final Set<String> PLACE_HEADS = Set.of("Province", "County", "City", "District", "Island",
      "Islands", "Bay", "Port", "Peninsula", "River", "Square", "Village", "Prefecture", "Oblast", "Region",
      "Stadium", "Tower", "Museum", "Zoo", "Theatre", "Theater", "Palace", "Cemetery", "Hill", "Spring", "Street",
      "Bridge", "Monument", "Hall", "Municipality", "Islet", "Resort");
  /** "Kapsan, Unhung and Phungso counties": each named word takes the singular head. */
  private static final Map<String, String> PLURAL_PLACE_HEADS = Map.of("counties", "County", "cities", "City",
      "districts", "District", "provinces", "Province", "municipalities", "Municipality");
  /** "Saha and Hyongje farms", "Chongjin and Kaechon railway bureaus": plurals of the organization heads. */
  private static final Map<String, String> PLURAL_ORGANIZATION_HEADS = plurals(ORGANIZATION_HEADS);
  private static final int MAX_PLURAL_MODIFIERS = 2;
  /** Words after a personal name that make it part of a longer name: "Kim Il Sung Stadium", "Kim Il Sung Order". */
  private static final Set<String> NAME_CONTINUATIONS = Set.of("Order", "Prize", "Medal", "Socialist", "Youth");
  /**
   * Words that name no particular body: a phrase of these and a head ("Central Committee", "Communist Party",
   * "Provincial People's Committee") is a fragment of a longer name, not an organization of its own.
   */
  private static final Set<String> GENERIC_WORDS = Set.of("central", "national", "provincial", "city", "county",
      "municipal", "people", "party", "regional", "local", "executive", "standing", "permanent", "general", "world",
      "international", "communist", "socialist", "workers", "democratic", "railway", "state", "supreme",
      "political", "military", "foreign", "primary", "committee", "commission", "department", "bureau", "council",
      "ministry", "affairs", "federation", "union", "politburo", "staff", "security", "secretariat", "cabinet",
      "defence", "defense", "presidium", "assembly", "of", "the", "and", "for", "christian");
  /** Capitalised words that may stand before a generic name of a North Korean body ("the Eighth Central Committee"). */
  private static final Set<String> BEFORE_GENERIC = Set.of("The", "Our", "Its", "First", "Second", "Third", "Fourth",
      "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Enlarged", "Respected", "Party", "Korean");
  private static final Set<String> VILLAGE_SUFFIXES = Set.of("ri", "dong");
  private static final Pattern POST_YEARS = Pattern.compile("\\[(\\d{4})?(?:-\\d{2})?\\.\\.(\\d{4})?(?:-\\d{2})?\\]");

  private final Gazetteer gazetteer;
  /** The North Korean bodies that generic words name in this news ("foreign ministry", "the Party"). */
  private final GazetteerEntry homeCountry;
  private final GazetteerEntry homeParty;
  private final GazetteerEntry homeCentralCommittee;
  private final GazetteerEntry homeForeignMinistry;

  public EntityFinder(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.homeCountry = gazetteer.lookup("Democratic People's Republic of Korea");
    this.homeParty = gazetteer.lookup("Workers' Party of Korea");
    this.homeCentralCommittee = gazetteer.lookup("Party Central Committee");
    this.homeForeignMinistry = gazetteer.lookup("foreign ministry");
  }

  /** The match keys of one sentence, with the token each came from. */
  private record KeyStream(List<String> keys, List<Integer> tokenOf) {
  }

  /**
   * Tokens of one sentence that other finders have claimed ({@code used}), and among them those a longer name
   * may still take in ({@code absorbable}): places ("Sinuiju" of "Sinuiju Bag Factory") and personal names
   * that are part of a longer name ("Kim Il Sung" of "Kim Il Sung Stadium").
   */
  private record Claims(BitSet used, BitSet absorbable, BitSet places) {
    boolean blocks(int t) {
      return used.get(t) && !absorbable.get(t);
    }
  }

  /** A generic phrase left by the phrase finder, resolved once the whole article has been read. */
  private record Fragment(AnalyzedSentence sentence, int start, int head, String slug) {
  }

  public List<FoundEntity> find(List<AnalyzedSentence> analysed, LocalDate published, TextAnalyzer tagger) {
    List<FoundEntity> found = new ArrayList<>();
    List<AnalyzedSentence> sentences = new ArrayList<>(analysed.size());
    List<KeyStream> streams = new ArrayList<>(analysed.size());
    List<Claims> claims = new ArrayList<>(analysed.size());
    for (AnalyzedSentence original : analysed) {
      AnalyzedSentence s = GluedTokens.split(original, gazetteer);
      sentences.add(s);
      KeyStream stream = keyStream(s);
      streams.add(stream);
      Claims claimed = new Claims(new BitSet(s.size()), new BitSet(s.size()), new BitSet(s.size()));
      claims.add(claimed);
      matchGazetteer(s, stream, published, claimed, found);
      recogniseKoreanNames(s, stream, claimed, found);
      TitledNames.find(s, claimed.used(), span -> found.add(unlistedPerson(s, span.first(), span.last())));
      recogniseVillages(s, claimed, found);
    }
    resolveShortReferences(sentences, claims, found);
    List<Fragment> fragments = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      recognisePhrases(sentences.get(i), claims.get(i), tagger, found, fragments);
    }
    resolveHomeParty(sentences, claims, fragments, found);
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return found;
  }

  private static KeyStream keyStream(AnalyzedSentence s) {
    List<String> keys = new ArrayList<>(s.size() + 4);
    List<Integer> tokenOf = new ArrayList<>(s.size() + 4);
    for (int t = 0; t < s.size(); t++) {
      String norm = s.norms()[t];
      String token = s.tokens()[t];
      if (token.equals(NameNormalizer.COMMA)) {
        keys.add(NameNormalizer.COMMA); // kept so that "C.C., WPK" and UNESCO's long name can match
        tokenOf.add(t);
        continue;
      }
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

  private void matchGazetteer(AnalyzedSentence s, KeyStream stream, LocalDate published, Claims claims,
      List<FoundEntity> out) {
    List<String> keys = stream.keys();
    for (int p = 0; p < keys.size(); ) {
      AliasTrie.Match match = keys.get(p).equals(BREAK) ? null : gazetteer.trie().longest(keys, p);
      GazetteerEntry entry = match == null ? null : choose(s, stream, p, match, published, false);
      if (entry == null) {
        p++;
        continue;
      }
      int firstToken = stream.tokenOf().get(p);
      int lastToken = stream.tokenOf().get(p + match.length() - 1);
      if (entry.kind() == MentionKind.PERSON && continuesAsLongerName(s, lastToken)) {
        claims.absorbable().set(firstToken, lastToken + 1); // "Kim Il Sung Stadium" names a place, not the man
        p += match.length();
        continue;
      }
      boolean generic = entry.kind() == MentionKind.ORGANIZATION && isGeneric(keys, p, match.length());
      if (generic && homeForeignMinistry != null && entry.key().equals(homeForeignMinistry.key())) {
        lastToken = resolveForeignMinistry(s, stream, firstToken, lastToken, claims, out);
        p = firstKeyAfter(stream, lastToken, p + match.length());
        continue;
      }
      if (generic && namesAnotherBody(s, stream, firstToken, lastToken, claims)) {
        p++; // "Hungarian Workers' Party", "International Department of the Socialist Party of Croatia"
        continue;
      }
      claims.used().set(firstToken, lastToken + 1);
      if (entry.kind() == MentionKind.PLACE) {
        claims.absorbable().set(firstToken, lastToken + 1);
        claims.places().set(firstToken, lastToken + 1);
      }
      out.add(entity(s, entry.kind(), entry.key(), entry.name(), firstToken, lastToken, true));
      if (entry.kind() != MentionKind.PERSON) {
        matchInside(s, stream, p, match.length(), entry, published, out);
      }
      p += match.length();
    }
  }

  /** Names nested in a longer one: WPK in "WPK Central Committee", DPRK in "Foreign Ministry of the DPRK". */
  private void matchInside(AnalyzedSentence s, KeyStream stream, int from, int length, GazetteerEntry outer,
      LocalDate published, List<FoundEntity> out) {
    int end = from + length;
    for (int q = from; q < end; ) {
      int limit = q == from ? end - 1 : end; // at the start, only names shorter than the whole
      AliasTrie.Match inner = stream.keys().get(q).equals(BREAK) ? null
          : gazetteer.trie().longest(stream.keys(), q, limit);
      GazetteerEntry entry = inner == null ? null : choose(s, stream, q, inner, published, true);
      if (entry == null || entry.key().equals(outer.key())
          || (entry.kind() == MentionKind.PLACE && outer.kind() == MentionKind.PLACE
              && entry.type().equals(outer.type()))) {
        q++; // "Republic of Korea" inside the DPRK's full name is not a second country
        continue;
      }
      int first = stream.tokenOf().get(q);
      int last = stream.tokenOf().get(q + inner.length() - 1);
      out.add(entity(s, entry.kind(), entry.key(), entry.name(), first, last, true));
      q += inner.length();
    }
  }

  /** The first key position after token {@code lastToken}, at least {@code atLeast}. */
  private static int firstKeyAfter(KeyStream stream, int lastToken, int atLeast) {
    int p = atLeast;
    while (p < stream.tokenOf().size() && stream.tokenOf().get(p) <= lastToken) {
      p++;
    }
    return p;
  }

  /** A capitalised head after a personal name makes the name part of a longer one. */
  private static boolean continuesAsLongerName(AnalyzedSentence s, int lastToken) {
    if (lastToken + 1 >= s.size()) {
      return false;
    }
    String next = s.tokens()[lastToken + 1];
    return ORGANIZATION_HEADS.contains(next) || PLACE_HEADS.contains(next) || NAME_CONTINUATIONS.contains(next);
  }

  private static boolean isGeneric(List<String> keys, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (!GENERIC_WORDS.contains(keys.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a generic name ("Central Committee", "Workers' Party", "International Department") is here part
   * of another body's name: after a foreign adjective or an unknown capitalised word ("Hungarian Workers'
   * Party"), after another organization ("SWUK Central Committee"), or before "of" and a name the gazetteer
   * does not know ("International Department of the Socialist Workers' Party of Croatia").
   */
  private boolean namesAnotherBody(AnalyzedSentence s, KeyStream stream, int firstToken, int lastToken,
      Claims claims) {
    if (firstToken > 0) {
      String before = s.tokens()[firstToken - 1];
      if (claims.used().get(firstToken - 1)) {
        return !claims.absorbable().get(firstToken - 1) || !isHomeCountryToken(s, firstToken - 1);
      }
      if (Demonyms.PLACE_KEYS.containsKey(before) || (capitalised(before) && !BEFORE_GENERIC.contains(before)
          && firstToken - 1 > 0)) {
        return true;
      }
    }
    int of = lastToken + 1;
    if (of + 1 < s.size() && s.tokens()[of].equals("of")) {
      int named = s.tokens()[of + 1].equals("the") ? of + 2 : of + 1;
      if (named < s.size() && capitalised(s.tokens()[named]) && !s.tokens()[named].equals("Party")) {
        int p = stream.tokenOf().indexOf(named);
        return p < 0 || gazetteer.trie().longest(stream.keys(), p) == null;
      }
    }
    return false;
  }

  private boolean isHomeCountryToken(AnalyzedSentence s, int t) {
    return homeCountry != null && homeCountry.key().equals(placeKeyAt(s, t));
  }

  /** The place key of a gazetteer place or country adjective at token t, or null. */
  private String placeKeyAt(AnalyzedSentence s, int t) {
    String token = s.tokens()[t];
    String demonym = Demonyms.PLACE_KEYS.get(token);
    if (demonym != null) {
      return demonym;
    }
    GazetteerEntry entry = gazetteer.lookup(token);
    return entry != null && entry.kind() == MentionKind.PLACE && capitalised(token) ? entry.key() : null;
  }

  /**
   * "Foreign ministry" means the DPRK's unless context names another country: "Foreign Ministry of Iran",
   * "Brazilian Foreign Ministry", or a sentence about "the Brazilian government" or "Myanmar Foreign Minister"
   * before it. Another country's ministry takes its listed key if there is one, else an unlisted key
   * {@code <country>-foreign-ministry}. Returns the last token of the mention.
   */
  private int resolveForeignMinistry(AnalyzedSentence s, KeyStream stream, int firstToken, int lastToken,
      Claims claims, List<FoundEntity> out) {
    String country = null;
    int end = lastToken;
    int of = lastToken + 1;
    if (of + 1 < s.size() && s.tokens()[of].equals("of")) {
      int named = s.tokens()[of + 1].equals("the") ? of + 2 : of + 1;
      int p = stream.tokenOf().indexOf(named);
      AliasTrie.Match place = p < 0 ? null : gazetteer.trie().longest(stream.keys(), p);
      GazetteerEntry entry = place == null ? null : place.targets().get(0).entry();
      if (entry != null && entry.kind() == MentionKind.PLACE) {
        country = entry.key();
        end = stream.tokenOf().get(p + place.length() - 1);
        out.add(entity(s, MentionKind.PLACE, entry.key(), entry.name(), named, end, true));
      }
    }
    if (country == null && firstToken > 0) {
      country = placeKeyAt(s, firstToken - 1);
    }
    if (country == null) {
      country = countryOfForeignGovernmentBefore(s, firstToken);
    }
    claims.used().set(firstToken, end + 1);
    if (country == null || (homeCountry != null && country.equals(homeCountry.key()))) {
      out.add(entity(s, MentionKind.ORGANIZATION, homeForeignMinistry.key(), homeForeignMinistry.name(), firstToken,
          end, true));
      return end;
    }
    GazetteerEntry place = gazetteer.get(country);
    GazetteerEntry listed = place == null ? null : gazetteer.lookup("Ministry of Foreign Affairs of " + place.name());
    if (listed != null && listed.kind() == MentionKind.ORGANIZATION) {
      out.add(entity(s, MentionKind.ORGANIZATION, listed.key(), listed.name(), firstToken, end, true));
    } else {
      String name = "Foreign Ministry of " + (place == null ? country : place.name());
      out.add(entity(s, MentionKind.ORGANIZATION, "unlisted-organization:" + country + "-foreign-ministry", name,
          firstToken, end, false));
    }
    return end;
  }

  /** "The Brazilian government ...", "Myanmar Foreign Minister ...": the foreign country a sentence is about. */
  private String countryOfForeignGovernmentBefore(AnalyzedSentence s, int limit) {
    for (int t = 0; t + 1 < limit; t++) {
      String next = s.tokens()[t + 1];
      if (next.equals("government") || next.equals("Government") || next.equals("Foreign")) {
        String country = placeKeyAt(s, t);
        if (country != null && (homeCountry == null || !country.equals(homeCountry.key()))) {
          return country;
        }
      }
    }
    return null;
  }

  /** Villages and city quarters written with their suffix: "Kamho-ri", "Naegok-dong". */
  private static void recogniseVillages(AnalyzedSentence s, Claims claims, List<FoundEntity> out) {
    for (int t = 0; t < s.size(); t++) {
      String token = s.tokens()[t];
      int dash = token.lastIndexOf('-');
      if (claims.used().get(t) || dash < 2 || !capitalised(token)
          || !VILLAGE_SUFFIXES.contains(token.substring(dash + 1))) {
        continue;
      }
      String slug = s.norms()[t].replace(' ', '-');
      claims.used().set(t);
      out.add(entity(s, MentionKind.PLACE, "unlisted-place:" + slug, token, t, t, false));
    }
  }

  private FoundEntity unlistedPerson(AnalyzedSentence s, int first, int last) {
    StringBuilder slug = new StringBuilder();
    StringBuilder name = new StringBuilder();
    for (int t = first; t <= last; t++) {
      String norm = s.norms()[t];
      if (!norm.isEmpty()) {
        slug.append(slug.length() > 0 ? "-" : "").append(norm.replace(' ', '-'));
      }
      name.append(t > first ? " " : "").append(s.tokens()[t]);
    }
    return entity(s, MentionKind.PERSON, "unlisted-person:" + slug, name.toString(), first, last, false);
  }

  private GazetteerEntry choose(AnalyzedSentence s, KeyStream stream, int p, AliasTrie.Match match,
      LocalDate published, boolean noPeople) {
    int firstToken = stream.tokenOf().get(p);
    int lastToken = stream.tokenOf().get(p + match.length() - 1);
    String surface = s.text().substring(s.tokenStarts()[firstToken] - s.start(), s.tokenEnds()[lastToken] - s.start());
    if (match.length() == 1 && (p > 0 && stream.tokenOf().get(p - 1) == firstToken
        || p + 1 < stream.tokenOf().size() && stream.tokenOf().get(p + 1) == firstToken)) {
      surface = pieceOf(stream, p, surface); // "DPRK" of "DPRK-Russia"
    }
    List<GazetteerEntry> candidates = new ArrayList<>();
    for (AliasTrie.Target target : match.targets()) {
      if (noPeople && target.entry().kind() == MentionKind.PERSON) {
        continue; // no person inside the name of a body or place: "Kim Il Sung University"
      }
      if (target.acronym() != null) {
        if (surface.replace(".", "").equals(target.acronym())) {
          candidates.add(target.entry());
        }
      } else if (match.length() > 1 || !surface.isEmpty() && Character.isUpperCase(surface.charAt(0))) {
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

  /** The piece of a hyphenated token that key position p stands for. */
  private static String pieceOf(KeyStream stream, int p, String token) {
    int first = p;
    while (first > 0 && stream.tokenOf().get(first - 1).equals(stream.tokenOf().get(p))) {
      first--;
    }
    String[] pieces = token.split("[\\-‐‑–]+");
    return p - first < pieces.length ? pieces[p - first] : token;
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
  private void recogniseKoreanNames(AnalyzedSentence s, KeyStream stream, Claims claims, List<FoundEntity> out) {
    BitSet used = claims.used();
    List<String> keys = stream.keys();
    for (int p = 0; p + 2 < keys.size(); p++) {
      int t0 = stream.tokenOf().get(p);
      if (used.get(t0) || claims.absorbable().get(t0) || !gazetteer.isKoreanSurname(keys.get(p)) || !capitalised(s.tokens()[t0])
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
  private void resolveShortReferences(List<AnalyzedSentence> sentences, List<Claims> claims,
      List<FoundEntity> found) {
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
      BitSet used = claims.get(i).used();
      for (int t = 0; t < s.size(); t++) {
        if (used.get(t) || claims.get(i).absorbable().get(t) || !capitalised(s.tokens()[t])) {
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

  /**
   * Phrases headed by Department, Committee, Province, Stadium...: organizations and places not in the
   * gazetteer. A phrase takes in capitalised words and places before its head ("Sinuiju Bag Factory") and a
   * complement after it ("Ministry of Land and Marine Transport", "Communist Party of Italy"); a trailing
   * "of" and a country is a qualifier, dropped unless the rest is generic ("National Salvation Front of
   * Russia" is the National Salvation Front). Generic organization phrases ("Central Committee") are handed
   * back as fragments.
   */
  private void recognisePhrases(AnalyzedSentence s, Claims claims, TextAnalyzer tagger, List<FoundEntity> out,
      List<Fragment> fragments) {
    String[] tokens = s.tokens();
    for (int head = 0; head < s.size(); head++) {
      String token = tokens[head];
      if (claims.used().get(head)) {
        continue;
      }
      if (PLURAL_PLACE_HEADS.containsKey(token)) {
        recogniseListed(s, head, MentionKind.PLACE, PLURAL_PLACE_HEADS.get(token), claims, out);
        continue;
      }
      if (PLURAL_ORGANIZATION_HEADS.containsKey(token)) {
        recogniseListed(s, head, MentionKind.ORGANIZATION, PLURAL_ORGANIZATION_HEADS.get(token), claims, out);
        continue;
      }
      boolean org = ORGANIZATION_HEADS.contains(token);
      if (!org && !PLACE_HEADS.contains(token)
          || head + 1 < s.size() && ORGANIZATION_HEADS.contains(tokens[head + 1]) && !claims.used().get(head + 1)) {
        continue; // in "City Party Committee" the last head takes the others in
      }
      int start = phraseStart(s, head, claims);
      int end = phraseEnd(s, head, claims);
      if (start == head && end == head) {
        continue; // a bare "Department" names nothing
      }
      boolean plainlyAName = claims.absorbable().get(start) || allCapitalised(s, start, end);
      if (!plainlyAName && !hasProperNoun(s, start, end, tagger)) {
        continue;
      }
      end = withoutCountryQualifier(s, start, end, claims);
      String slug = slug(s, start, end);
      if (org && isGeneric(List.of(slug.split("-")), 0, slug.split("-").length)) {
        fragments.add(new Fragment(s, start, end, slug));
        continue;
      }
      if (!org && onlyPlacesBefore(start, head, claims) && end == head) {
        claims.used().set(start, head + 1); // "Hyesan City": the gazetteer's Hyesan with its head
        continue;
      }
      MentionKind kind = org ? MentionKind.ORGANIZATION : MentionKind.PLACE;
      String key = "unlisted-" + kind.name().toLowerCase(Locale.ROOT) + ":" + slug;
      claims.used().set(start, end + 1);
      out.add(entity(s, kind, key, String.join(" ", List.of(tokens).subList(start, end + 1)), start, end, false));
      head = end;
    }
  }

  private static boolean isHead(String token) {
    return ORGANIZATION_HEADS.contains(token) || PLACE_HEADS.contains(token);
  }

  private int phraseStart(AnalyzedSentence s, int head, Claims claims) {
    String[] tokens = s.tokens();
    int start = head;
    while (start - 1 >= 0 && !claims.blocks(start - 1)) {
      String prev = tokens[start - 1];
      if (capitalised(prev) || claims.absorbable().get(start - 1)) {
        start--;
      } else if ((isJoiner(prev) || CONNECTORS.contains(prev)) && start - 2 >= 0 && !claims.blocks(start - 2)
          && (capitalised(tokens[start - 2]) && start - 2 > 0 || claims.absorbable().get(start - 2))
          && !isHead(tokens[start - 2])) {
        // not "Haeju City and Kangryong County" (two places), nor "Students of Kim Il Sung University"
        start -= 2; // "Schoolchildren 's Palace", "Department of Culture and Arts"
      } else {
        break;
      }
    }
    while (start < head && (LEADING_DROPS.contains(tokens[start]) || CONNECTORS.contains(tokens[start])
        || isJoiner(tokens[start]) || isHomeCountryToken(s, start))) {
      start++; // "DPRK Ministry of Electric Power Industry" is the ministry's name without the country
    }
    return start;
  }

  /** The end of a complement "of/for [the] Capitalised ..." after the head, or the head itself. */
  private static int phraseEnd(AnalyzedSentence s, int head, Claims claims) {
    String[] tokens = s.tokens();
    if (head + 1 >= s.size() || !(tokens[head + 1].equals("of") || tokens[head + 1].equals("for"))) {
      return head;
    }
    int end = head;
    for (int t = head + 2; t < s.size() && !claims.blocks(t); t++) {
      String token = tokens[t];
      if (capitalised(token) || Character.isDigit(token.charAt(0)) || claims.absorbable().get(t)) {
        if (ORGANIZATION_HEADS.contains(token)) {
          return head; // "Central Committee of the Slovak Communist Party": the complement is a body of its own
        }
        end = t;
      } else if (!(CONNECTORS.contains(token) || token.equals("the") || isJoiner(token))
          || token.equals("and") && t + 1 < s.size() && tokens[t + 1].equals("the")) {
        break; // "... of Iran and the Hungarian Workers' Party": a second name begins
      }
    }
    return end;
  }

  /** Drops a trailing "of [the] <place>" unless the words before it are all generic ("Communist Party of Italy"). */
  private static int withoutCountryQualifier(AnalyzedSentence s, int start, int end, Claims claims) {
    if (!claims.places().get(end)) {
      return end;
    }
    int t = end;
    while (t > start && claims.places().get(t)) {
      t--;
    }
    if (s.tokens()[t].equals("the")) {
      t--;
    }
    if (t <= start || !s.tokens()[t].equals("of")) {
      return end;
    }
    for (int u = start; u < t; u++) {
      if (!s.norms()[u].isEmpty() && !GENERIC_WORDS.contains(s.norms()[u])) {
        return t - 1;
      }
    }
    return end;
  }

  private static boolean onlyPlacesBefore(int start, int head, Claims claims) {
    return start < head && claims.places().nextClearBit(start) >= head;
  }

  /**
   * "Kapsan, Unhung and Phungso counties", "Chongjin and Kaechon railway bureaus": one unlisted place or
   * organization per named word, with the lower-case words before the plural and the singular head.
   */
  private static void recogniseListed(AnalyzedSentence s, int plural, MentionKind kind, String head, Claims claims,
      List<FoundEntity> out) {
    int t = plural - 1;
    StringBuilder modifiers = new StringBuilder();
    while (t >= 0 && plural - t <= MAX_PLURAL_MODIFIERS && Character.isLowerCase(s.tokens()[t].charAt(0))
        && !CONNECTORS.contains(s.tokens()[t]) && !s.tokens()[t].equals("the")) {
      modifiers.insert(0, " " + Character.toUpperCase(s.tokens()[t].charAt(0)) + s.tokens()[t].substring(1));
      t--;
    }
    String tail = modifiers + " " + head;
    String slugTail = tail.trim().toLowerCase(Locale.ROOT).replace(' ', '-');
    String prefix = "unlisted-" + kind.name().toLowerCase(Locale.ROOT) + ":";
    while (t >= 0 && !claims.blocks(t)) {
      if (kind == MentionKind.PLACE && claims.places().get(t)) {
        t = claims.places().previousClearBit(t) + 1; // "North Phyongan and Jagang provinces": places already
      } else if (capitalised(s.tokens()[t]) && !GENERIC_WORDS.contains(s.norms()[t])
          && (t > 0 && (Character.isLetter(s.tokens()[t - 1].charAt(0)) || s.tokens()[t - 1].equals(","))
              || claims.places().get(t))) {
        // after a dateline's "--" or at a sentence start any word is capitalised: "Bag factories across ..."
        String key = prefix + s.norms()[t].replace(' ', '-') + "-" + slugTail;
        claims.used().set(t);
        out.add(new FoundEntity(kind, key, s.tokens()[t] + tail, s.tokens()[t], s.index(), s.tokenStarts()[t],
            s.tokenEnds()[t], false));
      } else {
        break;
      }
      if (t - 1 >= 0 && (s.tokens()[t - 1].equals(",") || s.tokens()[t - 1].equals("and"))) {
        t -= 2;
      } else {
        break;
      }
    }
  }

  private static Map<String, String> plurals(Set<String> heads) {
    Map<String, String> plurals = new HashMap<>();
    for (String head : heads) {
      String lower = head.toLowerCase(Locale.ROOT);
      String plural = lower.endsWith("y") && !lower.endsWith("ey") ? lower.substring(0, lower.length() - 1) + "ies"
          : lower.endsWith("s") || lower.endsWith("x") ? lower + "es" : lower + "s";
      plurals.put(plural, head);
    }
    return Map.copyOf(plurals);
  }

  private static String slug(AnalyzedSentence s, int start, int end) {
    StringBuilder slug = new StringBuilder();
    for (int t = start; t <= end; t++) {
      String norm = s.norms()[t];
      if (!norm.isEmpty()) {
        slug.append(slug.length() > 0 ? "-" : "").append(norm.replace(' ', '-'));
      }
    }
    return slug.toString();
  }

  /**
   * What North Korean news means by its generic words, decided per article: "the Party" and a bare "Central
   * Committee" are the WPK's when the article speaks of no other party, and the Central Committee only when the
   * article names a WPK body as well. A fragment after another organization or "its" is that body's organ.
   */
  private void resolveHomeParty(List<AnalyzedSentence> sentences, List<Claims> claims, List<Fragment> fragments,
      List<FoundEntity> found) {
    if (homeParty == null) {
      return;
    }
    boolean otherParty = false;
    boolean homePartyNamed = false;
    for (FoundEntity e : found) {
      if (e.kind() != MentionKind.ORGANIZATION) {
        continue;
      }
      GazetteerEntry entry = e.listed() ? gazetteer.get(e.key()) : null;
      if (entry != null && gazetteer.isWithin(entry, homeParty)) {
        homePartyNamed = true;
      } else if (entry != null ? entry.type().equals("party") : e.key().matches(".*-party(-.*)?")) {
        otherParty = true;
      }
    }
    if (otherParty) {
      return;
    }
    for (Fragment f : fragments) {
      AnalyzedSentence s = f.sentence();
      boolean organOfAnother = f.start() > 0 && (s.tokens()[f.start() - 1].equals("its")
          || s.tokens()[f.start() - 1].equals("their") || claims.get(s.index()).blocks(f.start() - 1));
      if (homePartyNamed && homeCentralCommittee != null && f.slug().equals("central-committee") && !organOfAnother) {
        found.add(entity(s, MentionKind.ORGANIZATION, homeCentralCommittee.key(), homeCentralCommittee.name(),
            f.start(), f.head(), true));
      }
    }
    for (int i = 0; i < sentences.size(); i++) {
      AnalyzedSentence s = sentences.get(i);
      for (int t = 0; t < s.size(); t++) {
        boolean named = s.tokens()[t].equals("Party") && !claims.get(i).used().get(t)
            && (t == 0 || !capitalised(s.tokens()[t - 1]) || BEFORE_GENERIC.contains(s.tokens()[t - 1]));
        if (named) {
          found.add(entity(s, MentionKind.ORGANIZATION, homeParty.key(), homeParty.name(), t, t, true));
        }
      }
    }
  }

  /** Three or more capitalised words ("Natural History Museum") make a name even when tagged as nouns. */
  private static boolean allCapitalised(AnalyzedSentence s, int start, int end) {
    int words = 0;
    for (int t = start; t <= end; t++) {
      if (capitalised(s.tokens()[t])) {
        words++;
      } else if (!CONNECTORS.contains(s.tokens()[t]) && !s.tokens()[t].equals("the") && !isJoiner(s.tokens()[t])) {
        return false;
      }
    }
    return words >= 3;
  }

  /** Tokens of context the tagger sees on each side of a candidate phrase. */
  private static final int TAG_CONTEXT = 3;

  /**
   * Whether the tagger calls a token of the phrase a proper noun. POS is asked only here, where a candidate
   * phrase needs it, and only of the phrase with a few tokens either side: tagging is the annotator's most
   * expensive step, and a whole news sentence is several times longer than the window.
   */
  private static boolean hasProperNoun(AnalyzedSentence s, int from, int to, TextAnalyzer tagger) {
    int lo = Math.max(0, from - TAG_CONTEXT);
    int hi = Math.min(s.size(), to + 1 + TAG_CONTEXT);
    String[] tags = tagger.tag(java.util.Arrays.copyOfRange(s.tokens(), lo, hi));
    for (int t = from; t <= to; t++) {
      if (tags[t - lo].startsWith("PROPN")) {
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
