package org.nkwatch.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.ConfigException;
import org.nkwatch.config.Tsv;
import org.nkwatch.model.MentionKind;

/** The people, organizations and places of conf/gazetteer, indexed for matching. */
public final class Gazetteer {
  /** The columns of people.tsv, organizations.tsv and places.tsv; "notes" is for editors and not read. */
  public static final List<String> ENTRY_COLUMNS =
      List.of("key", "name", "hangul", "aliases", "posts", "type", "parent", "notes");
  /** The columns of korean-surnames.tsv. */
  static final List<String> SURNAME_COLUMNS = List.of("surname", "variants");

  private final Map<String, GazetteerEntry> byKey = new HashMap<>();
  private final AliasTrie trie = new AliasTrie();
  private final Set<String> surnames = new HashSet<>();
  private final Set<String> givenSyllables = new HashSet<>();

  public Gazetteer(List<GazetteerEntry> entries, Set<String> koreanSurnames, Set<String> givenNameSyllables) {
    for (GazetteerEntry entry : entries) {
      if (byKey.putIfAbsent(entry.key(), entry) != null) {
        throw new ConfigException("gazetteer: key '" + entry.key() + "' is used twice");
      }
      for (String form : entry.forms()) {
        String acronym = NameNormalizer.isAcronym(form) ? form.replace(".", "") : null;
        AliasTrie.Target target = new AliasTrie.Target(entry, acronym);
        trie.add(NameNormalizer.keys(form), target);
        if (form.indexOf(',') >= 0) {
          trie.add(NameNormalizer.keysWithCommas(form), target); // the tokenizer may split the comma off
        }
      }
    }
    for (String s : koreanSurnames) {
      surnames.add(NameNormalizer.key(s));
    }
    for (String s : givenNameSyllables) {
      givenSyllables.add(NameNormalizer.key(s));
    }
  }

  public static Gazetteer load(ConfigBundle bundle) {
    List<GazetteerEntry> entries = new ArrayList<>();
    readEntries(bundle, ConfigBundle.PEOPLE, MentionKind.PERSON, entries);
    readEntries(bundle, ConfigBundle.ORGANIZATIONS, MentionKind.ORGANIZATION, entries);
    readEntries(bundle, ConfigBundle.PLACES, MentionKind.PLACE, entries);
    Set<String> surnames = new HashSet<>();
    for (Tsv.Row row : Tsv.parse(ConfigBundle.SURNAMES, bundle.text(ConfigBundle.SURNAMES), List.of("surname"),
        SURNAME_COLUMNS)) {
      surnames.add(row.required("surname"));
      surnames.addAll(row.list("variants"));
    }
    Set<String> syllables = new HashSet<>();
    for (String line : bundle.text(ConfigBundle.GIVEN_SYLLABLES).split("\r?\n")) {
      String s = line.trim();
      if (!s.isEmpty() && !s.startsWith("#")) {
        syllables.add(s);
      }
    }
    return new Gazetteer(entries, surnames, syllables);
  }

  private static void readEntries(ConfigBundle bundle, String file, MentionKind kind, List<GazetteerEntry> out) {
    for (Tsv.Row row : Tsv.parse(file, bundle.text(file), List.of("key", "name"), ENTRY_COLUMNS)) {
      String key = row.required("key");
      if (!key.matches("[a-z0-9][a-z0-9-]*")) {
        throw new ConfigException(file + ":" + row.line() + ": key '" + key + "' must be lowercase letters, digits and '-'");
      }
      out.add(new GazetteerEntry(key, kind, row.required("name"), row.get("hangul"), row.list("aliases"),
          row.list("posts"), row.get("type").toLowerCase(Locale.ROOT), row.get("parent")));
    }
  }

  public GazetteerEntry get(String key) {
    return byKey.get(key);
  }

  public int size() {
    return byKey.size();
  }

  public long count(MentionKind kind) {
    return byKey.values().stream().filter(e -> e.kind() == kind).count();
  }

  /** The entry a whole name resolves to (the first, when it names several), or null. */
  GazetteerEntry lookup(String name) {
    List<String> keys = NameNormalizer.keys(name);
    AliasTrie.Match match = trie.longest(keys, 0);
    return match == null || match.length() != keys.size() ? null : match.targets().get(0).entry();
  }

  /** Whether {@code entry} is {@code root} or below it through the parent column. */
  boolean isWithin(GazetteerEntry entry, GazetteerEntry root) {
    for (int depth = 0; entry != null && depth < 10; depth++) { // bounded: a parent cycle must not hang
      if (entry.key().equals(root.key())) {
        return true;
      }
      entry = entry.parent().isEmpty() ? null : byKey.get(entry.parent());
    }
    return false;
  }

  AliasTrie trie() {
    return trie;
  }

  boolean isKoreanSurname(String key) {
    return surnames.contains(key);
  }

  boolean isGivenSyllable(String key) {
    return givenSyllables.contains(key);
  }
}
