package org.nkwatch.report;

import java.util.List;
import java.util.Objects;

/**
 * What the appendix says about how the brief was made.
 *
 * @param inputs           the input tables or paths read (one line each)
 * @param taxonomyVersion  the version (or content hash) of the theme and sanction taxonomies
 * @param gazetteerVersion the version (or content hash) of the gazetteers
 * @param methodLines      the method, in a few sentences
 */
public record AppendixInfo(List<String> inputs, String taxonomyVersion, String gazetteerVersion,
    List<String> methodLines) {

  public static final AppendixInfo NONE = new AppendixInfo(List.of(), "", "", List.of());

  public AppendixInfo {
    inputs = List.copyOf(inputs);
    methodLines = List.copyOf(methodLines);
    taxonomyVersion = Objects.requireNonNullElse(taxonomyVersion, "");
    gazetteerVersion = Objects.requireNonNullElse(gazetteerVersion, "");
  }
}
