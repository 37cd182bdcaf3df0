package org.nkwatch.spark;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What counts were counted from, as the note beside them ({@code counts/_sources}) says: the counting code, the
 * files of every table aggregate reads, the source type of each corpus (part of the {@code SANCTION_BY_SOURCE_TYPE}
 * keys) and the files of each partition of {@code mentions}. Two uses: counts whose tables are as they were are
 * up to date; otherwise the partitions of mentions whose files changed are the only ones counted again, the
 * others' day counts kept from the stored counts (see {@link AggregateJob}).
 *
 * @param code        a digest of the counting code
 * @param tables      one line per table read, with a digest of its files: any change makes the counts stale
 * @param sourceTypes the source type of each corpus, as the articles gave them when counted; null if not known
 * @param partitions  digest of each partition of mentions, by its folder ({@code corpus=kcna/year=2012})
 */
record CountSources(String code, String tables, String sourceTypes, Map<String, String> partitions) {
  private static final String CODE = "counting code ";
  private static final String SOURCE_TYPES = "source types: ";
  private static final String PARTITION = "mentions partition ";

  CountSources {
    partitions = new TreeMap<>(partitions);
  }

  /** The note's text. */
  String note() {
    StringBuilder note = new StringBuilder(CODE).append(code).append('\n').append(tables);
    note.append(SOURCE_TYPES).append(sourceTypes).append('\n');
    partitions.forEach((folder, digest) -> note.append(PARTITION).append(folder).append(": ").append(digest).append('\n'));
    return note.toString();
  }

  /** A note read back; a note of an earlier version (only the tables' lines) has no source types nor partitions. */
  static CountSources parse(String note) {
    String code = null;
    StringBuilder tables = new StringBuilder();
    String sourceTypes = null;
    Map<String, String> partitions = new LinkedHashMap<>();
    for (String line : note.split("\n")) {
      if (line.startsWith(CODE)) {
        code = line.substring(CODE.length());
      } else if (line.startsWith(SOURCE_TYPES)) {
        sourceTypes = line.substring(SOURCE_TYPES.length());
      } else if (line.startsWith(PARTITION)) {
        int colon = line.lastIndexOf(": ");
        partitions.put(line.substring(PARTITION.length(), colon), line.substring(colon + 2));
      } else if (!line.isEmpty()) {
        tables.append(line).append('\n');
      }
    }
    return new CountSources(code, tables.toString(), sourceTypes, partitions);
  }

  /** Whether counts counted from {@code before} are those of these sources: the same code and tables. */
  boolean sameTablesAs(CountSources before) {
    return before != null && code.equals(before.code) && tables.equals(before.tables);
  }

  /**
   * The partitions of mentions (their values: corpus, year) whose counts must be counted again, given the counts
   * were counted from {@code before}: those whose files changed, appeared or went, and every undated one (its
   * articles count only in the "all" grain, which keeps no per-partition part to take from). Null when everything
   * must be: no earlier note, or other counting code or source types.
   */
  Set<List<String>> partitionsToRecount(CountSources before) {
    if (before == null || !code.equals(before.code) || before.sourceTypes == null
        || !before.sourceTypes.equals(sourceTypes)) {
      return null;
    }
    Set<String> changed = new HashSet<>();
    partitions.forEach((folder, digest) -> {
      if (!digest.equals(before.partitions.get(folder))) {
        changed.add(folder);
      }
    });
    before.partitions.keySet().stream().filter(folder -> !partitions.containsKey(folder)).forEach(changed::add);
    Set<List<String>> values = new HashSet<>();
    for (String folder : changed) {
      values.add(TableStore.partitionValues(folder));
    }
    for (String folder : partitions.keySet()) {
      List<String> partition = TableStore.partitionValues(folder);
      if (partition.contains(null)) {
        values.add(partition);
      }
    }
    return values;
  }
}
