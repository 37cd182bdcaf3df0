package org.nkwatch.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builds {@link BriefData} step by step; anything not set is empty (lists, figures) or absent (dates). */
public final class BriefDataBuilder {
  private String title;
  private String audience = "";
  private String runId = "";
  private Instant generatedAt;
  private LocalDate periodStart;
  private LocalDate periodEnd;
  private Grain grain = Grain.MONTH;
  private LocalDate previousStart;
  private LocalDate previousEnd;
  private List<CorpusInfo> corpora = List.of();
  private KeyFigures keyFigures = KeyFigures.NONE;
  private List<RankedEntity> topPeople = List.of();
  private List<RankedEntity> topOrganizations = List.of();
  private List<RankedEntity> topPlaces = List.of();
  private List<TypeCount> sanctionTypesByCorpus = List.of();
  private List<PeriodCount> themesOverTime = List.of();
  private List<TypeCount> organizationsBySanctionType = List.of();
  private List<EventRow> sanctionEvents = List.of();
  private List<Evidence> evidence = List.of();
  private AppendixInfo appendix = AppendixInfo.NONE;

  BriefDataBuilder() {
  }

  public BriefDataBuilder title(String v) { title = v; return this; }
  public BriefDataBuilder audience(String v) { audience = v; return this; }
  public BriefDataBuilder runId(String v) { runId = v; return this; }
  public BriefDataBuilder generatedAt(Instant v) { generatedAt = v; return this; }
  public BriefDataBuilder grain(Grain v) { grain = v; return this; }
  public BriefDataBuilder corpora(List<CorpusInfo> v) { corpora = v; return this; }
  public BriefDataBuilder keyFigures(KeyFigures v) { keyFigures = v; return this; }
  public BriefDataBuilder topPeople(List<RankedEntity> v) { topPeople = v; return this; }
  public BriefDataBuilder topOrganizations(List<RankedEntity> v) { topOrganizations = v; return this; }
  public BriefDataBuilder topPlaces(List<RankedEntity> v) { topPlaces = v; return this; }
  public BriefDataBuilder sanctionTypesByCorpus(List<TypeCount> v) { sanctionTypesByCorpus = v; return this; }
  public BriefDataBuilder themesOverTime(List<PeriodCount> v) { themesOverTime = v; return this; }
  public BriefDataBuilder organizationsBySanctionType(List<TypeCount> v) { organizationsBySanctionType = v; return this; }
  public BriefDataBuilder sanctionEvents(List<EventRow> v) { sanctionEvents = v; return this; }
  public BriefDataBuilder evidence(List<Evidence> v) { evidence = v; return this; }
  public BriefDataBuilder appendix(AppendixInfo v) { appendix = v; return this; }

  /** The period covered; leave unset when no article in the selection is dated. */
  public BriefDataBuilder period(LocalDate start, LocalDate end) {
    periodStart = start;
    periodEnd = end;
    return this;
  }

  /** The comparison period that {@link RankedEntity#previousMentions()} refers to. */
  public BriefDataBuilder previousPeriod(LocalDate start, LocalDate end) {
    previousStart = start;
    previousEnd = end;
    return this;
  }

  public BriefData build() {
    return new BriefData(title, audience, runId, generatedAt, periodStart, periodEnd, grain, previousStart,
        previousEnd, corpora, keyFigures, topPeople, topOrganizations, topPlaces, sanctionTypesByCorpus,
        themesOverTime, organizationsBySanctionType, sanctionEvents, evidence, appendix);
  }
}
