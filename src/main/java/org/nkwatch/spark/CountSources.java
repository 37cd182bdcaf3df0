package org.nkwatch.spark;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What counts were counted from, as the note beside them ({@code counts/_sources}) says: the counting code, the
 * files of every table aggregate reads, the source type of each corpus (part of the {@code SANCTION_BY_SOURCE_TYPE}
 * keys) and the files of each partition of {@code mentions}. Two uses: counts whose tables are as they were are
 * up to date; otherwise only the partitions of mentions whose files changed are counted again, the others' day
 * counts kept from the stored counts (see {@link AggregateJob}).
 *
 * @param code        a digest of the counting code
 * @param tables      one line per table read, with a digest of its files: any change makes the counts stale
 * @param sourceTypes the source type of each corpus, as the articles gave them when counted
 * @param partitions  digest of each partition of mentions, by its folder ({@code corpus=kcna/year=2012})
 */
record CountSources(String code, String tables, Map<String, String> sourceTypes, Map<String, String> partitions) {
  private static final String CODE = "counting code ";
  private static final String SOURCE_TYPE = "source type of ";
  private static final String PARTITION = "mentions partition ";
  private static final String SEPARATOR = ": ";

  CountSources {
    sourceTypes = Collections.unmodifiableMap(new TreeMap<>(sourceTypes));
    partitions = Collections.unmodifiableMap(new TreeMap<>(partitions));
  }

  /** The note's text. */
  String note() {
    StringBuilder note = new StringBuilder(CODE).append(code).append('\n').append(tables);
    sourceTypes.forEach((corpus, type) -> note.append(SOURCE_TYPE).append(corpus).append(SEPARATOR).append(type)
        .append('\n'));
    partitions.forEach((folder, digest) -> note.append(PARTITION).append(folder).append(SEPARATOR).append(digest)
        .append('\n'));
    return note.toString();
  }

  /**
   * A note read back; null when it cannot be (cut short, or written by hand), so that everything is counted again.
   * A note of an earlier version (the tables' lines only) has no source types nor partitions.
   */
  static CountSources parse(String note) {
    String code = null;
    StringBuilder tables = new StringBuilder();
    Map<String, String> sourceTypes = new TreeMap<>();
    Map<String, String> partitions = new TreeMap<>();
    for (String line : note.split("\n")) {
      if (line.startsWith(CODE)) {
        code = line.substring(CODE.length());
      } else if (line.startsWith(SOURCE_TYPE) || line.startsWith(PARTITION)) {
        boolean type = line.startsWith(SOURCE_TYPE);
        int separator = line.lastIndexOf(SEPARATOR);
        int from = (type ? SOURCE_TYPE : PARTITION).length();
        if (separator < from) {
          return null;
        }
        (type ? sourceTypes : partitions).put(line.substring(from, separator), line.substring(separator + 2));
      } else if (!line.isEmpty()) {
        tables.append(line).append('\n');
      }
    }
    return code == null ? null : new CountSources(code, tables.toString(), sourceTypes, partitions);
  }

  /** Whether these were counted by that counting code from those tables: the counts are then up to date. */
  boolean countedFrom(String code, String tables) {
    return this.code.equals(code) && this.tables.equals(tables);
  }

  /**
   * The partitions of mentions (their values: corpus, year) whose counts must be counted again, given the counts
   * were counted from {@code before}: those whose files changed, appeared or went, those of a corpus whose source
   * type changed, and every undated one (its articles count only in the "all" grain, which keeps no per-partition
   * part to take from). Null when everything must be: no earlier note, other counting code, or a note that lists
   * neither source types nor partitions (an earlier version's).
   */
  Set<List<String>> partitionsToRecount(CountSources before) {
    if (before == null || !code.equals(before.code) || before.sourceTypes.isEmpty() && before.partitions.isEmpty()) {
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
    for (String folder : allFolders(before)) {
      List<String> partition = TableStore.partitionValues(folder);
      if (partition.contains(null) || !Objects.equals(sourceTypes.get(partition.get(0)),
          before.sourceTypes.get(partition.get(0)))) {
        values.add(partition);
      }
    }
    return values;
  }

  /** How many partitions of mentions are not among {@code recounted}: their day counts were kept. */
  int partitionsKept(Set<List<String>> recounted) {
    return recounted == null ? 0
        : (int) partitions.keySet().stream().filter(f -> !recounted.contains(TableStore.partitionValues(f))).count();
  }

  private Set<String> allFolders(CountSources before) {
    Set<String> all = new HashSet<>(partitions.keySet());
    all.addAll(before.partitions.keySet());
    return all;
  }
}
