package org.nkwatch.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What earlier runs read: for each input file its path, length and modification time, how its corpus read
 * it ({@link org.nkwatch.config.CorpusSpec#reading}) and the run that read it. An incremental run reads only
 * the files the ledger does not know, whose length or modification time differ from what it recorded (a
 * changed file), or that its corpus now reads otherwise (the registry entry edited; an entry from before the
 * ledger recorded it too), and skips the rest.
 *
 * <p>Length and modification time are what every Hadoop filesystem lists without reading the file; a
 * file rewritten with the same length within the same modification-time tick is not seen as changed
 * (a content hash would need reading every file, which is what incremental runs avoid).
 */
public final class RunLedger {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * An input file as listed, and how its corpus reads it: what the ledger compares.
   *
   * @param reading {@link org.nkwatch.config.CorpusSpec#reading} of the file's corpus
   */
  public record InputState(String path, long length, long modified, String reading) {
  }

  /** One file the ledger knows, how it was read (null in a ledger from before that was recorded), and the run. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(String path, long length, long modified, String reading, String run) {
    boolean sameFile(InputState file) {
      return length == file.length() && modified == file.modified();
    }

    boolean matches(InputState file) {
      return sameFile(file) && file.reading().equals(reading);
    }
  }

  /**
   * The ledger as written: {@code {"files": [...]}}, sorted by path. Fields it does not know are ignored, so that
   * a ledger a later nkwatch wrote can still be read.
   */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  record Document(List<Entry> files) {
  }

  public static final RunLedger EMPTY = new RunLedger(Map.of());

  private final TreeMap<String, Entry> entries;

  private RunLedger(Map<String, Entry> entries) {
    this.entries = new TreeMap<>(entries);
  }

  public static RunLedger fromJson(String source, String json) {
    try {
      Document doc = JSON.readValue(json, Document.class);
      Map<String, Entry> entries = new TreeMap<>();
      for (Entry e : doc.files() == null ? List.<Entry>of() : doc.files()) {
        entries.put(e.path(), e);
      }
      return new RunLedger(entries);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("ledger " + source + " is not valid: " + e.getOriginalMessage(), e);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(new Document(List.copyOf(entries.values())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the ledger", e);
    }
  }

  /**
   * Whether an incremental run must read {@code file}: the ledger does not know it, it changed since, or its
   * corpus reads it otherwise now.
   */
  public boolean mustRead(InputState file) {
    Entry known = entries.get(file.path());
    return known == null || !known.matches(file);
  }

  /** Whether {@code file} was read before and has changed since (its earlier rows are to be replaced). */
  public boolean changed(InputState file) {
    Entry known = entries.get(file.path());
    return known != null && !known.sameFile(file);
  }

  /** Why an incremental run reads {@code files}, counted by reason, for its log. */
  public Reasons reasons(Collection<InputState> files) {
    int unknown = 0;
    int changed = 0;
    int readOtherwise = 0;
    int readingUnrecorded = 0;
    for (InputState f : files) {
      if (!entries.containsKey(f.path())) {
        unknown++;
      } else if (changed(f)) {
        changed++;
      } else if (readOtherwise(f)) {
        readOtherwise++;
      } else if (readingUnrecorded(f)) {
        readingUnrecorded++;
      }
    }
    return new Reasons(unknown, changed, readOtherwise, readingUnrecorded);
  }

  /**
   * How many of the files a run read were new to the ledger, had changed since read, were as read but their
   * corpus reads them otherwise now, or were as read by an earlier nkwatch whose ledger does not say how.
   */
  public record Reasons(int unknown, int changed, int readOtherwise, int readingUnrecorded) {
    public static final Reasons NONE = new Reasons(0, 0, 0, 0);

    /** In the run's log's words: "2 new, 1 changed, 11 unchanged read again: ...", or "" when none. */
    public String inWords() {
      List<String> parts = new ArrayList<>();
      if (unknown > 0) {
        parts.add(unknown + " new");
      }
      if (changed > 0) {
        parts.add(changed + " changed");
      }
      if (readOtherwise > 0) {
        parts.add(readOtherwise
            + " unchanged read again: their corpus's registry entry is not the one the ledger records them read with");
      }
      if (readingUnrecorded > 0) {
        parts.add(readingUnrecorded
            + " unchanged read again: the ledger, from an earlier nkwatch, does not say how they were read");
      }
      return String.join(", ", parts);
    }
  }

  /**
   * Whether {@code file} is as it was when read, but its corpus reads it otherwise now (a field, its date format,
   * its source type... edited in the registry): read again, its earlier rows are replaced.
   */
  public boolean readOtherwise(InputState file) {
    Entry known = entries.get(file.path());
    return known != null && known.sameFile(file) && known.reading() != null && !file.reading().equals(known.reading());
  }

  /**
   * Whether {@code file} is as it was when read, but the ledger does not say how it was read (an entry written by
   * an earlier nkwatch): read again once, as after an edit.
   */
  public boolean readingUnrecorded(InputState file) {
    Entry known = entries.get(file.path());
    return known != null && known.sameFile(file) && known.reading() == null;
  }

  /** The ledger without the files read with one of {@code readings}: the files of those corpora, as last read. */
  public RunLedger forgetting(Set<String> readings) {
    Map<String, Entry> next = new TreeMap<>(entries);
    next.values().removeIf(e -> e.reading() != null && readings.contains(e.reading()));
    return new RunLedger(next);
  }

  /**
   * The ledger after a run that read {@code read}: this one with those files added or updated. A run that rewrote
   * every table records on {@link #EMPTY}, since the files it did not read are no longer in the tables.
   */
  public RunLedger recording(String runId, Collection<InputState> read) {
    Map<String, Entry> next = new TreeMap<>(entries);
    for (InputState f : read) {
      next.put(f.path(), new Entry(f.path(), f.length(), f.modified(), f.reading(), runId));
    }
    return new RunLedger(next);
  }

  public List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }
}
