package org.nkwatch.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.nkwatch.model.Mention;
import org.nkwatch.model.MentionKind;

/**
 * Document-level evaluation of annotations against a gold file (Spark-free).
 *
 * <p>Per document and kind, the set of canonical keys the system found is compared with the gold set;
 * precision, recall and F1 are micro-averaged per kind over (document, key) pairs. SANCTION counts
 * affirmed mentions only. Keys starting "unlisted-" count like any other key: a false hit unless gold
 * names them too.
 *
 * <p>Gold file (TSV, '#' comments, optional header line starting "corpus"): columns corpus,
 * locator_suffix, kind, keys (';'-separated, empty or "-" for none). A document is identified by
 * corpus and locator suffix (the article's locator must end with it). For PERSON, ORGANIZATION, PLACE
 * and SANCTION a kind without a row means "none" for that document; THEME is scored only for the
 * documents whose gold has a THEME row (themes are annotated for a subset).
 *
 * <p>A gold file may instead declare the kinds it annotates in a comment line {@code # kinds: SANCTION
 * THEME}: then exactly those kinds are scored for each of its documents (a declared kind without a row
 * means none), so a file of themes and sanction types does not count every person as a false hit.
 * Several gold files can be {@linkplain #merge merged}.
 */
public final class Evaluator {
  /** The kinds always scored for each gold document. */
  public static final List<MentionKind> ALWAYS_SCORED =
      List.of(MentionKind.PERSON, MentionKind.ORGANIZATION, MentionKind.PLACE, MentionKind.SANCTION);

  /** One gold document: corpus, locator suffix and its key sets per annotated kind. */
  public record GoldDoc(String corpus, String locatorSuffix, Map<MentionKind, Set<String>> keys,
      Set<MentionKind> scoredKinds) {
    public GoldDoc {
      Objects.requireNonNull(corpus, "corpus");
      Objects.requireNonNull(locatorSuffix, "locatorSuffix");
      Map<MentionKind, Set<String>> copy = new EnumMap<>(MentionKind.class);
      keys.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
      keys = Map.copyOf(copy);
      scoredKinds = Set.copyOf(scoredKinds);
    }

    /** A document of a file without a kinds declaration: {@link #ALWAYS_SCORED} plus the kinds it has rows for. */
    public GoldDoc(String corpus, String locatorSuffix, Map<MentionKind, Set<String>> keys) {
      this(corpus, locatorSuffix, keys, union(ALWAYS_SCORED, keys.keySet()));
    }

    public String id() {
      return corpus + ":" + locatorSuffix;
    }

    /** Whether this gold document names the given article locator. */
    public boolean matches(String corpusName, String locator) {
      return corpus.equals(corpusName) && locator.endsWith(locatorSuffix);
    }

    /** Whether this kind is scored for this document. */
    public boolean scores(MentionKind kind) {
      return scoredKinds.contains(kind);
    }

    public Set<String> keys(MentionKind kind) {
      return keys.getOrDefault(kind, Set.of());
    }
  }

  /** A (document, key) pair the system missed or wrongly found. */
  public record Error(String doc, MentionKind kind, String key) {
  }

  /** Counts for one kind. */
  public record Score(MentionKind kind, int truePositives, int falsePositives, int falseNegatives, int docs) {
    public double precision() {
      int found = truePositives + falsePositives;
      return found == 0 ? (falseNegatives == 0 ? 1.0 : 0.0) : (double) truePositives / found;
    }

    public double recall() {
      int gold = truePositives + falseNegatives;
      return gold == 0 ? (falsePositives == 0 ? 1.0 : 0.0) : (double) truePositives / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
  }

  /** The evaluation of all documents. */
  public record Result(Map<MentionKind, Score> scores, List<Error> misses, List<Error> falseHits,
      List<String> unmatched) {
    public Score score(MentionKind kind) {
      return scores.get(kind);
    }

    /** The P/R/F1 table, then misses and false hits. */
    public String table() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "%-13s %5s %5s %5s %5s %7s %7s %7s%n",
          "kind", "docs", "tp", "fp", "fn", "P", "R", "F1"));
      for (Score s : scores.values()) {
        out.append(String.format(Locale.ROOT, "%-13s %5d %5d %5d %5d %7.3f %7.3f %7.3f%n", s.kind(), s.docs(),
            s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall(), s.f1()));
      }
      return out.toString();
    }

    public String report() {
      StringBuilder out = new StringBuilder(table());
      out.append("\nmisses (in gold, not found): ").append(misses.size()).append('\n');
      misses.forEach(e -> out.append("  ").append(e.kind()).append('\t').append(e.key()).append('\t')
          .append(e.doc()).append('\n'));
      out.append("\nfalse hits (found, not in gold): ").append(falseHits.size()).append('\n');
      falseHits.forEach(e -> out.append("  ").append(e.kind()).append('\t').append(e.key()).append('\t')
          .append(e.doc()).append('\n'));
      if (!unmatched.isEmpty()) {
        out.append("\ngold documents not found in the data: ").append(unmatched.size()).append('\n');
        unmatched.forEach(d -> out.append("  ").append(d).append('\n'));
      }
      return out.toString();
    }
  }

  private Evaluator() {
  }

  /** Reads a gold TSV file. */
  public static List<GoldDoc> readGold(Path file) {
    try {
      return parseGold(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gold file " + file, e);
    }
  }

  /** Parses gold TSV text; rows of one document are merged, in first-seen order. */
  public static List<GoldDoc> parseGold(String text, String source) {
    Map<String, String[]> ids = new LinkedHashMap<>();
    Map<String, Map<MentionKind, Set<String>>> keys = new LinkedHashMap<>();
    Set<MentionKind> declared = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith(KINDS_DECLARATION)) {
        declared = declaredKinds(line.substring(KINDS_DECLARATION.length()), source + ":" + (i + 1));
        continue;
      }
      if (line.isBlank() || line.startsWith("#") || line.startsWith("corpus\tlocator_suffix")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 3 || cols.length > 4) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 4 tab-separated columns "
            + "(corpus, locator_suffix, kind, keys), got " + cols.length);
      }
      String corpus = cols[0].strip();
      String suffix = cols[1].strip();
      MentionKind kind;
      try {
        kind = MentionKind.valueOf(cols[2].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": unknown kind '" + cols[2] + "'");
      }
      if (corpus.isEmpty() || suffix.isEmpty()) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": corpus and locator_suffix are required");
      }
      if (declared != null && !declared.contains(kind)) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": kind " + kind
            + " is not among the declared kinds " + declared);
      }
      String id = corpus + ":" + suffix;
      ids.putIfAbsent(id, new String[] {corpus, suffix});
      Set<String> set = keys.computeIfAbsent(id, k -> new EnumMap<>(MentionKind.class))
          .computeIfAbsent(kind, k -> new TreeSet<>());
      String value = cols.length == 4 ? cols[3].strip() : "";
      if (!value.isEmpty() && !value.equals("-")) {
        for (String key : value.split(";")) {
          if (!key.isBlank()) {
            set.add(key.strip());
          }
        }
      }
    }
    List<GoldDoc> docs = new ArrayList<>();
    Set<MentionKind> scored = declared;
    ids.forEach((id, c) -> docs.add(scored == null ? new GoldDoc(c[0], c[1], keys.get(id))
        : new GoldDoc(c[0], c[1], keys.get(id), scored)));
    return docs;
  }

  /** The comment line that declares which kinds a gold file annotates. */
  static final String KINDS_DECLARATION = "# kinds:";

  private static Set<MentionKind> declaredKinds(String list, String where) {
    Set<MentionKind> kinds = java.util.EnumSet.noneOf(MentionKind.class);
    for (String name : list.trim().split("[\\s,;]+")) {
      try {
        kinds.add(MentionKind.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": unknown kind '" + name + "' in the kinds declaration");
      }
    }
    return kinds;
  }

  /**
   * Gold documents of several files as one list: a document in more than one file is scored for the kinds
   * of all of them, and a later file's keys for a kind replace an earlier file's.
   */
  public static List<GoldDoc> merge(List<List<GoldDoc>> files) {
    Map<String, GoldDoc> byId = new LinkedHashMap<>();
    for (List<GoldDoc> file : files) {
      for (GoldDoc doc : file) {
        GoldDoc earlier = byId.get(doc.id());
        if (earlier == null) {
          byId.put(doc.id(), doc);
          continue;
        }
        Map<MentionKind, Set<String>> keys = new EnumMap<>(MentionKind.class);
        keys.putAll(earlier.keys());
        keys.putAll(doc.keys());
        byId.put(doc.id(), new GoldDoc(doc.corpus(), doc.locatorSuffix(), keys,
            union(earlier.scoredKinds(), doc.scoredKinds())));
      }
    }
    return List.copyOf(byId.values());
  }

  private static Set<MentionKind> union(Collection<MentionKind> a, Collection<MentionKind> b) {
    Set<MentionKind> out = java.util.EnumSet.noneOf(MentionKind.class);
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  /** The set of canonical keys per kind the system found in one document (SANCTION: affirmed only). */
  public static Map<MentionKind, Set<String>> systemKeys(Collection<Mention> mentions) {
    Map<MentionKind, Set<String>> out = new EnumMap<>(MentionKind.class);
    for (MentionKind kind : MentionKind.values()) {
      out.put(kind, new TreeSet<>());
    }
    for (Mention m : mentions) {
      if (m.kind() == MentionKind.SANCTION && !Mention.AFFIRMED.equals(m.polarity())) {
        continue;
      }
      out.get(m.kind()).add(m.key());
    }
    return out;
  }

  /**
   * Scores the system's key sets against gold.
   *
   * @param gold   gold documents
   * @param system per gold document id ({@link GoldDoc#id()}), the system's keys per kind; a gold
   *               document absent from this map is listed as unmatched and not scored
   */
  public static Result evaluate(List<GoldDoc> gold, Map<String, Map<MentionKind, Set<String>>> system) {
    Map<MentionKind, int[]> counts = new EnumMap<>(MentionKind.class);
    List<Error> misses = new ArrayList<>();
    List<Error> falseHits = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    for (GoldDoc doc : gold) {
      Map<MentionKind, Set<String>> found = system.get(doc.id());
      if (found == null) {
        unmatched.add(doc.id());
        continue;
      }
      for (MentionKind kind : MentionKind.values()) {
        if (!doc.scores(kind)) {
          continue;
        }
        int[] c = counts.computeIfAbsent(kind, k -> new int[4]);
        c[3]++;
        Set<String> g = doc.keys(kind);
        Set<String> s = found.getOrDefault(kind, Set.of());
        for (String key : new TreeSet<>(s)) {
          if (g.contains(key)) {
            c[0]++;
          } else {
            c[1]++;
            falseHits.add(new Error(doc.id(), kind, key));
          }
        }
        for (String key : new TreeSet<>(g)) {
          if (!s.contains(key)) {
            c[2]++;
            misses.add(new Error(doc.id(), kind, key));
          }
        }
      }
    }
    Map<MentionKind, Score> scores = new LinkedHashMap<>();
    for (MentionKind kind : MentionKind.values()) {
      int[] c = counts.get(kind);
      if (c != null) {
        scores.put(kind, new Score(kind, c[0], c[1], c[2], c[3]));
      }
    }
    return new Result(scores, misses, falseHits, unmatched);
  }
}
