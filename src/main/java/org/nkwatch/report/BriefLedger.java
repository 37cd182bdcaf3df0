package org.nkwatch.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each brief was last rendered from ({@code <output>/ledger/briefs.json}): per brief, the digest of its sources
 * ({@link BriefSources}), the files it was rendered into and the run that rendered it. A brief whose sources are as
 * they were, and whose files are still as listed, would come out the same but for the run that made it, and is kept
 * rather than rendered again.
 *
 * <p>Kept apart from the briefs' {@code manifest.json}: the sources digest names the tables' files, which every
 * write names anew, so two runs over the same input record different digests, while their briefs folders are
 * identical byte for byte.
 */
public final class BriefLedger {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * A file of a brief as written.
   *
   * @param name     its name in the briefs folder
   * @param sha256   its SHA-256
   * @param bytes    its size
   * @param modified its modification time where readers find it, in milliseconds
   */
  public record File(String name, String sha256, long bytes, long modified) {
  }

  /**
   * A brief as last rendered.
   *
   * @param brief   the definition's name
   * @param sources the digest of what it was rendered from
   * @param run     the run that rendered it
   * @param pdf     the PDF
   * @param charts  the chart PNGs
   */
  public record Entry(String brief, String sources, String run, File pdf, List<File> charts) {
    public Entry {
      charts = charts == null ? List.of() : List.copyOf(charts);
    }

    /** The PDF, then the charts. */
    public List<File> files() {
      List<File> files = new ArrayList<>();
      files.add(pdf);
      files.addAll(charts);
      return files;
    }

    /** Whether a ledger read back has everything an entry must: a file cut short or edited by hand may not. */
    boolean complete() {
      return brief != null && sources != null && run != null && pdf != null
          && files().stream().allMatch(f -> f != null && f.name() != null && f.sha256() != null);
    }
  }

  /** The file as written: {@code {"briefs": [...]}}, sorted by brief. */
  record Document(List<Entry> briefs) {
  }

  public static final BriefLedger EMPTY = new BriefLedger(Map.of());

  private final TreeMap<String, Entry> entries;

  private BriefLedger(Map<String, Entry> entries) {
    this.entries = new TreeMap<>(entries);
  }

  /** The ledger in {@code json}; {@code source} names the file in the error when it is not a valid one. */
  public static BriefLedger fromJson(String source, String json) {
    try {
      Document doc = JSON.readValue(json, Document.class);
      Map<String, Entry> entries = new TreeMap<>();
      for (Entry e : doc.briefs() == null ? List.<Entry>of() : doc.briefs()) {
        if (e == null || !e.complete()) {
          throw new IllegalStateException("brief ledger " + source + " is not valid (an entry lacks its brief, "
              + "sources, run or a file's name or SHA-256: " + e + "); delete it to have every brief rendered again");
        }
        entries.put(e.brief(), e);
      }
      return new BriefLedger(entries);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("brief ledger " + source + " is not valid (" + e.getOriginalMessage()
          + "); delete it to have every brief rendered again", e);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(new Document(List.copyOf(entries.values())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the brief ledger", e);
    }
  }

  /** The brief {@code brief} as rendered from {@code sources}, if that is how it was last rendered. */
  public Optional<Entry> renderedFrom(String brief, String sources) {
    Entry entry = entries.get(brief);
    return sources == null || entry == null || !sources.equals(entry.sources()) ? Optional.empty()
        : Optional.of(entry);
  }

  /** This ledger with {@code rendered} as their briefs' last rendering. */
  public BriefLedger recording(List<Entry> rendered) {
    Map<String, Entry> next = new TreeMap<>(entries);
    for (Entry e : rendered) {
      next.put(e.brief(), e);
    }
    return new BriefLedger(next);
  }

  /** The briefs recorded, by name. */
  public List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }
}
