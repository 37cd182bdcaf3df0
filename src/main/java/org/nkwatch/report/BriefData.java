package org.nkwatch.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one brief shows, filled by the Spark side from the Parquet tables.
 *
 * <p>Lists are copied and put in a canonical order (entities by rank, counts by category and series,
 * evidence by date, events by the date of their evidence), so the brief never depends on the order in
 * which rows came back from Spark. Strings the source does not give are "" (never null); the only
 * nullable components are the period dates, as documented.
 *
 * @param title                      the brief's title, as printed on the cover
 * @param audience                   who it is for, as printed on the cover
 * @param runId                      the id of the analytics run that produced the tables
 * @param generatedAt                when that run produced the tables ("data as of")
 * @param periodStart                first day of the period; null when no article in the selection is dated
 * @param periodEnd                  last day of the period; null exactly when {@code periodStart} is
 * @param grain                      the period grain of the time series
 * @param previousStart              first day of the comparison period; null when there is no comparison
 * @param previousEnd                last day of the comparison period; null exactly when {@code previousStart} is
 * @param corpora                    the corpora covered
 * @param keyFigures                 headline numbers
 * @param topPeople                  most mentioned people
 * @param topOrganizations           most mentioned organizations
 * @param topPlaces                  most mentioned places
 * @param sanctionTypesByCorpus      category = corpus name, series = sanction type key, count = mentions
 * @param themesOverTime             articles mentioning each theme, per period, over {@link Grain#TREND_PERIODS}
 * @param organizationsBySanctionType category = organization display name, series = sanction type key, count =
 *                                   sanction events targeting it (the rule of the counts' ORGANIZATION_BY_SANCTION)
 * @param sanctionEvents             the sanction events of the period
 * @param evidence                   evidence sentences for the events and the sanction types
 * @param appendix                   inputs, versions and method
 */
public record BriefData(
    String title,
    String audience,
    String runId,
    Instant generatedAt,
    LocalDate periodStart,
    LocalDate periodEnd,
    Grain grain,
    LocalDate previousStart,
    LocalDate previousEnd,
    List<CorpusInfo> corpora,
    KeyFigures keyFigures,
    List<RankedEntity> topPeople,
    List<RankedEntity> topOrganizations,
    List<RankedEntity> topPlaces,
    List<TypeCount> sanctionTypesByCorpus,
    List<PeriodCount> themesOverTime,
    List<TypeCount> organizationsBySanctionType,
    List<EventRow> sanctionEvents,
    List<Evidence> evidence,
    AppendixInfo appendix) {

  public BriefData {
    title = requireText(title, "title");
    audience = Objects.requireNonNullElse(audience, "");
    runId = Objects.requireNonNullElse(runId, "");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(grain, "grain");
    requireWindow(periodStart, periodEnd, "period");
    requireWindow(previousStart, previousEnd, "previous period");
    corpora = sorted(corpora, Comparator.comparing(CorpusInfo::name));
    keyFigures = Objects.requireNonNullElse(keyFigures, KeyFigures.NONE);
    topPeople = sorted(topPeople, RankedEntity.BY_RANK);
    topOrganizations = sorted(topOrganizations, RankedEntity.BY_RANK);
    topPlaces = sorted(topPlaces, RankedEntity.BY_RANK);
    sanctionTypesByCorpus = sorted(sanctionTypesByCorpus, TypeCount.CANONICAL);
    themesOverTime = sorted(themesOverTime, PeriodCount.CANONICAL);
    organizationsBySanctionType = sorted(organizationsBySanctionType, TypeCount.CANONICAL);
    evidence = sorted(evidence, Evidence.CITATION_ORDER);
    Map<String, Evidence> byId = indexById(evidence);
    sanctionEvents = sortedEvents(sanctionEvents, byId);
    appendix = Objects.requireNonNullElse(appendix, AppendixInfo.NONE);
  }

  public static BriefDataBuilder builder() {
    return new BriefDataBuilder();
  }

  /** The period covered, empty when no article is dated. */
  public Optional<DateWindow> period() {
    return periodStart == null ? Optional.empty() : Optional.of(new DateWindow(periodStart, periodEnd));
  }

  /** The comparison period, empty when the brief compares with nothing. */
  public Optional<DateWindow> previousPeriod() {
    return previousStart == null ? Optional.empty() : Optional.of(new DateWindow(previousStart, previousEnd));
  }

  public boolean hasComparison() {
    return previousStart != null;
  }

  /**
   * The sanction events of the brief's period: those of dated articles (the undated ones are listed after them but
   * counted in no figure), or every event in a brief of undated articles.
   */
  public List<EventRow> periodSanctionEvents() {
    return period().isEmpty() ? sanctionEvents
        : sanctionEvents.stream().filter(e -> evidenceById(e.evidenceId()).published() != null).toList();
  }

  /** The evidence with this id; events are validated to refer only to evidence that exists. */
  public Evidence evidenceById(String id) {
    for (Evidence e : evidence) {
      if (e.id().equals(id)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no evidence with id '" + id + "'");
  }

  /** The source type of a corpus, "unknown" when the corpus is not listed. */
  public String sourceTypeOf(String corpus) {
    for (CorpusInfo c : corpora) {
      if (c.name().equals(corpus)) {
        return c.sourceType();
      }
    }
    return "unknown";
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static void requireWindow(LocalDate start, LocalDate end, String what) {
    if ((start == null) != (end == null)) {
      throw new IllegalArgumentException(what + ": start (" + start + ") and end (" + end
          + ") must both be given or both be null");
    }
    if (start != null) {
      new DateWindow(start, end); // validates the order, naming both dates
    }
  }

  private static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
    List<T> copy = new ArrayList<>(Objects.requireNonNullElse(list, List.of()));
    copy.forEach(Objects::requireNonNull);
    copy.sort(order);
    return List.copyOf(copy);
  }

  private static Map<String, Evidence> indexById(List<Evidence> evidence) {
    Map<String, Evidence> byId = new HashMap<>();
    for (Evidence e : evidence) {
      if (byId.put(e.id(), e) != null) {
        throw new IllegalArgumentException("evidence id '" + e.id() + "' is given twice");
      }
    }
    return byId;
  }

  private static List<EventRow> sortedEvents(List<EventRow> events, Map<String, Evidence> evidence) {
    List<EventRow> copy = new ArrayList<>(Objects.requireNonNullElse(events, List.of()));
    for (EventRow e : copy) {
      if (!evidence.containsKey(Objects.requireNonNull(e).evidenceId())) {
        throw new IllegalArgumentException("sanction event (" + e.sanctionType() + ", " + e.targetName()
            + ") refers to evidence '" + e.evidenceId() + "', which is not in the evidence list");
      }
    }
    copy.sort(Comparator
        .comparing((EventRow e) -> evidence.get(e.evidenceId()), Evidence.CITATION_ORDER)
        .thenComparing(EventRow::sanctionType).thenComparing(EventRow::targetName)
        .thenComparing(EventRow::level).thenComparing(EventRow::numberText).thenComparing(EventRow::reason)
        .thenComparing(EventRow::certainty));
    return List.copyOf(copy);
  }
}
