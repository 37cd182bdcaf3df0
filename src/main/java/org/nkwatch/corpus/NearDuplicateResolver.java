package org.nkwatch.corpus;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which article each near-duplicate is a copy of. Articles linked by similar pairs form a group
 * (one story re-published with small edits, maybe in several corpora); the group's first article (the
 * earliest published, then by corpus and locator) stays the article, every other member becomes a
 * duplicate of it. Spark-free: the Spark side finds the candidate pairs, this settles them.
 */
public final class NearDuplicateResolver {
  /** An article's identity and the order in which copies are preferred. */
  public record Doc(String docId, String order) {
  }

  /** Two articles whose estimated similarity reached the threshold. */
  public record Pair(String a, String b, double similarity) {
  }

  /** A duplicate: which article it copies, and how similar it is to it (or to the copy that linked it). */
  public record Resolution(String duplicateOf, double similarity) {
  }

  private final Map<String, String> parent = new HashMap<>();
  private final Map<String, String> orderOf = new HashMap<>();

  /** @return for each duplicate doc id, the article it duplicates */
  public Map<String, Resolution> resolve(List<Doc> docs, List<Pair> pairs) {
    for (Doc d : docs) {
      orderOf.put(d.docId(), d.order());
      parent.put(d.docId(), d.docId());
    }
    Map<String, Double> bestSimilarity = new HashMap<>();
    for (Pair p : pairs) {
      if (!parent.containsKey(p.a()) || !parent.containsKey(p.b())) {
        throw new IllegalArgumentException("pair " + p + " names an article that is not listed");
      }
      union(p.a(), p.b());
      bestSimilarity.merge(p.a(), p.similarity(), Math::max);
      bestSimilarity.merge(p.b(), p.similarity(), Math::max);
    }
    Map<String, Resolution> out = new HashMap<>();
    for (Doc d : docs) {
      String root = find(d.docId());
      if (!root.equals(d.docId())) {
        out.put(d.docId(), new Resolution(root, bestSimilarity.getOrDefault(d.docId(), 0.0)));
      }
    }
    return out;
  }

  private static final Comparator<String> FIRST = Comparator.naturalOrder();

  private String find(String x) {
    String root = x;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    while (!parent.get(x).equals(root)) { // path compression
      String next = parent.get(x);
      parent.put(x, root);
      x = next;
    }
    return root;
  }

  /** The root of a group is always its first member in preference order. */
  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (ra.equals(rb)) {
      return;
    }
    int c = FIRST.compare(orderOf.get(ra) + "\u0000" + ra, orderOf.get(rb) + "\u0000" + rb);
    if (c <= 0) {
      parent.put(rb, ra);
    } else {
      parent.put(ra, rb);
    }
  }
}
