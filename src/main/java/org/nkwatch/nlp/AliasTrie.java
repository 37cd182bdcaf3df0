package org.nkwatch.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over sequences of normalised name keys: finding every alias at a position costs the length of
 * the longest match, whatever the size of the gazetteer.
 */
final class AliasTrie {
  /** What a complete path stands for: an entry, and the exact surface when the alias is an acronym. */
  record Target(GazetteerEntry entry, String acronym) {
  }

  private static final class Node {
    final Map<String, Node> children = new HashMap<>(4);
    List<Target> targets = List.of();
  }

  private final Node root = new Node();
  private int size;

  void add(List<String> keys, Target target) {
    if (keys.isEmpty()) {
      return;
    }
    Node node = root;
    for (String key : keys) {
      node = node.children.computeIfAbsent(key, k -> new Node());
    }
    for (Target existing : node.targets) {
      if (existing.entry().key().equals(target.entry().key())) {
        return;
      }
    }
    List<Target> targets = new ArrayList<>(node.targets);
    targets.add(target);
    node.targets = targets;
    size++;
  }

  int size() {
    return size;
  }

  /** A match: how many keys it spans and what it may stand for. */
  record Match(int length, List<Target> targets) {
  }

  /** The longest alias starting at {@code from}, or null. */
  Match longest(List<String> keys, int from) {
    return longest(keys, from, keys.size());
  }

  /** The longest alias starting at {@code from} and ending before {@code limit}, or null. */
  Match longest(List<String> keys, int from, int limit) {
    Node node = root;
    Match best = null;
    for (int i = from; i < limit; i++) {
      node = node.children.get(keys.get(i));
      if (node == null) {
        break;
      }
      if (!node.targets.isEmpty()) {
        best = new Match(i - from + 1, node.targets);
      }
    }
    return best;
  }
}
