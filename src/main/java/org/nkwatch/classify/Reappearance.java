package org.nkwatch.classify;

import java.time.LocalDate;
import java.util.Set;
import org.nkwatch.model.Certainty;
import org.nkwatch.model.Mention;

/**
 * The cross-document certainty rule: a report that a person was executed, imprisoned or otherwise taken out
 * of public life is {@code contradicted} when an article published later mentions that person in an ordinary
 * sentence (one with no sanction cue), as when an official "reported executed" attends a ceremony.
 *
 * <p>Only reports that could be wrong are re-read: certainty {@code reported} or {@code rumoured}, affirmed,
 * about a person. A dismissal or demotion is not contradicted by an appearance (a dismissed official may well
 * attend events in a lower post), nor is anything state media confirmed. Spark-free; the Spark step feeds it
 * each event with the person's last ordinary appearance.
 */
public final class Reappearance {
  /** Punishments after which a person does not appear in public as usual. */
  public static final Set<String> OUT_OF_PUBLIC_LIFE =
      Set.of("execution", "imprisonment", "arrest", "revolutionization", "expulsion");

  private static final Set<String> OPEN_TO_CONTRADICTION =
      Set.of(Certainty.REPORTED.key(), Certainty.RUMOURED.key());

  private Reappearance() {
  }

  /**
   * The certainty of a sanction event once later articles are known.
   *
   * @param lastOrdinaryAppearance the latest publication date of an article mentioning the target person in a
   *                               sentence without a sanction cue; null when there is none
   * @return {@code contradicted} when that appearance is later than the report, else {@code certainty} unchanged
   */
  public static String certaintyAfter(String sanctionType, String certainty, String polarity, String targetKind,
      LocalDate reported, LocalDate lastOrdinaryAppearance) {
    boolean contradicts = OUT_OF_PUBLIC_LIFE.contains(sanctionType)
        && OPEN_TO_CONTRADICTION.contains(certainty)
        && Mention.AFFIRMED.equals(polarity)
        && "PERSON".equals(targetKind)
        && reported != null && lastOrdinaryAppearance != null
        && lastOrdinaryAppearance.isAfter(reported);
    return contradicts ? Certainty.CONTRADICTED.key() : certainty;
  }
}
