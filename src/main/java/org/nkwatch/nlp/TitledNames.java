package org.nkwatch.nlp;

import java.util.BitSet;
import java.util.Set;

/**
 * Finds people the gazetteer does not know from the title that context puts next to their names, the way
 * news about North Korea introduces foreign officials: a capitalised title before the name ("Deputy Prime
 * Minister Ali Babacan", "President Thein Sein", "Mr. John Smith") or a post in apposition after it
 * ("Blade Nzimande, general secretary of ...", "Roman Chekushov, vice-minister of ..."). A name is two to four
 * capitalised words or initials that no other finder has claimed.
 */
final class TitledNames {
  /** Titles written before a name. */
  private static final Set<String> TITLES = Set.of("President", "Vice-President", "Minister", "Vice-Minister",
      "Vice－Minister", "Premier", "Chairman", "Chairwoman", "Chairperson", "Secretary", "Secretary-General",
      "Ambassador", "Mr.", "Mrs.", "Ms.", "Dr.", "Professor", "King", "Queen", "Prince", "Princess", "Sultan",
      "Emir", "Governor", "Mayor", "Senator", "Speaker", "Chancellor", "Director-General", "Envoy");
  /** "his Indonesian and Laotian counterparts X and Y": the lower-case word names foreign officials too. */
  private static final Set<String> COUNTERPARTS = Set.of("counterpart", "counterparts");
  /** Words that may come before such a title: "Deputy Prime Minister", "Foreign Minister". */
  private static final Set<String> TITLE_MODIFIERS = Set.of("Prime", "Deputy", "Vice", "Foreign", "Defence",
      "Defense", "First", "Acting", "Former", "General", "Executive", "Special", "Deputy-General");
  /** Posts that, in apposition after a name, make it a person: "X Y, president of ...". */
  private static final Set<String> POSTS = Set.of("president", "vice-president", "minister", "vice-minister",
      "premier", "chairman", "chairwoman", "chairperson", "secretary", "secretary-general", "member", "director",
      "director-general", "ambassador", "head", "chief", "leader", "spokesman", "spokeswoman", "spokesperson",
      "envoy", "charge", "deputy", "governor", "mayor", "instructor", "professor", "editor", "founder",
      "commander", "representative", "senator", "king", "prime", "advisor", "adviser", "coach", "officer", "manager",
      "managing");
  private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "Of", "In", "On", "And", "For",
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
      "Extraordinary", "Plenipotentiary", "HE", "H.E.", "Comrade", "Respected", "Juche");
  private static final int MIN_WORDS = 2;
  private static final int MAX_WORDS = 5;
  private static final int POST_WITHIN = 3;

  private TitledNames() {
  }

  /** A name found: its first and last token. */
  record Span(int first, int last) {
  }

  /** Calls {@code sink} for each titled name in the sentence; claimed tokens are skipped. */
  static void find(AnalyzedSentence s, BitSet used, java.util.function.Consumer<Span> sink) {
    String[] tokens = s.tokens();
    for (int t = 0; t < tokens.length; t++) {
      if (used.get(t) || !(TITLES.contains(tokens[t]) || COUNTERPARTS.contains(tokens[t]))) {
        continue;
      }
      int afterTitle = t + 1;
      while (afterTitle < tokens.length && (tokens[afterTitle].equals("-") || TITLES.contains(tokens[afterTitle])
          || TITLE_MODIFIERS.contains(tokens[afterTitle]))) {
        afterTitle++; // "Secretary - General", "President Minister"
      }
      int first = afterBodyNamed(tokens, afterTitle, used);
      int last = nameEnd(s, first, used);
      if (last >= first + MIN_WORDS - 1) {
        sink.accept(new Span(first, last));
        used.set(first, last + 1);
        t = last;
      }
    }
    for (int comma = 1; comma < tokens.length; comma++) {
      if (!tokens[comma].equals(",") || !postFollows(tokens, comma + 1)) {
        continue;
      }
      int first = comma;
      while (first - 1 >= 0 && comma - first < MAX_WORDS && looksLikeNameWord(tokens[first - 1])
          && !used.get(first - 1)) {
        first--;
      }
      boolean runStartsClean = first == 0 || !Character.isUpperCase(tokens[first - 1].charAt(0))
          || tokens[first - 1].equals(",");
      if (comma - first >= MIN_WORDS && runStartsClean) {
        sink.accept(new Span(first, comma - 1));
        used.set(first, comma);
      }
    }
  }

  /** Past "of [the] <body the gazetteer found>" after a title: "Secretary-General of ASEAN Surin Pitsuwan". */
  private static int afterBodyNamed(String[] tokens, int from, BitSet used) {
    if (from + 1 >= tokens.length || !tokens[from].equals("of")) {
      return from;
    }
    int t = tokens[from + 1].equals("the") ? from + 2 : from + 1;
    if (t >= tokens.length || !used.get(t)) {
      return from;
    }
    while (t < tokens.length && used.get(t)) {
      t++;
    }
    return t;
  }

  /** The last token of a name starting at {@code from}, or from - 1 when there is none. */
  private static int nameEnd(AnalyzedSentence s, int from, BitSet used) {
    String[] tokens = s.tokens();
    int t = from;
    while (t < tokens.length && t - from < MAX_WORDS && !used.get(t) && looksLikeNameWord(tokens[t])) {
      t++;
    }
    if (isHead(tokens, t)) {
      return from - 1; // "President Kim Il Sung University": a name inside a longer proper noun
    }
    return t - 1;
  }

  private static boolean isHead(String[] tokens, int t) {
    return t < tokens.length && (EntityFinder.ORGANIZATION_HEADS.contains(tokens[t])
        || EntityFinder.PLACE_HEADS.contains(tokens[t]));
  }

  private static boolean postFollows(String[] tokens, int from) {
    for (int t = from; t < tokens.length && t < from + POST_WITHIN; t++) {
      if (POSTS.contains(tokens[t]) || tokens[t].startsWith("vice-") || tokens[t].startsWith("co-")) {
        return true;
      }
      if (!Character.isLowerCase(tokens[t].charAt(0))) {
        return false;
      }
    }
    return false;
  }

  /** A capitalised word or an initial ("K."), not a title, month, head word or function word. */
  static boolean looksLikeNameWord(String token) {
    if (token.length() < 2 || !Character.isUpperCase(token.charAt(0)) || NOT_NAMES.contains(token)
        || TITLES.contains(token) || TITLE_MODIFIERS.contains(token)
        || EntityFinder.ORGANIZATION_HEADS.contains(token) || EntityFinder.PLACE_HEADS.contains(token)) {
      return false;
    }
    if (token.length() == 2 && token.charAt(1) == '.') {
      return true;
    }
    for (int i = 1; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!Character.isLetter(c) && c != '-' && c != '\'') {
        return false;
      }
    }
    return !token.equals(token.toUpperCase(java.util.Locale.ROOT)); // acronyms (DPRK, KCNA) are not names
  }
}
