package org.nkwatch.nlp;

import java.util.List;
import org.nkwatch.model.MentionKind;

/**
 * One person, organization or place the gazetteer knows.
 *
 * @param posts for people: "Post, Organization [from..to]" strings as written in conf/gazetteer
 */
public record GazetteerEntry(
    String key,
    MentionKind kind,
    String name,
    String hangul,
    List<String> aliases,
    List<String> posts,
    String type,
    String parent) {

  public GazetteerEntry {
    aliases = List.copyOf(aliases);
    posts = List.copyOf(posts);
    hangul = hangul == null ? "" : hangul;
    type = type == null ? "" : type;
    parent = parent == null ? "" : parent;
  }

  /** Every written form that should match: the display name first, then the aliases. */
  public List<String> forms() {
    List<String> forms = new java.util.ArrayList<>(aliases.size() + 1);
    forms.add(name);
    forms.addAll(aliases);
    return forms;
  }
}
