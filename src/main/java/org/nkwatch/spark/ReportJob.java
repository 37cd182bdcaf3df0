package org.nkwatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.nkwatch.classify.DocumentAnnotator;
import org.nkwatch.model.CrossTab;
import org.nkwatch.model.Mention;
import org.nkwatch.model.MentionKind;
import org.nkwatch.nlp.Gazetteer;
import org.nkwatch.nlp.GazetteerEntry;
import org.nkwatch.report.AppendixInfo;
import org.nkwatch.report.BriefData;
import org.nkwatch.report.BriefDefinition;
import org.nkwatch.report.BriefDefinitions;
import org.nkwatch.report.BriefLedger;
import org.nkwatch.report.BriefManifest;
import org.nkwatch.report.BriefSources;
import org.nkwatch.report.CorpusInfo;
import org.nkwatch.report.DateWindow;
import org.nkwatch.report.EventRow;
import org.nkwatch.report.Evidence;
import org.nkwatch.report.Fonts;
import org.nkwatch.report.KeyFigures;
import org.nkwatch.report.PeriodCount;
import org.nkwatch.report.RankedEntity;
import org.nkwatch.report.RenderedBrief;
import org.nkwatch.report.Reporter;
import org.nkwatch.report.TypeCount;

/**
 * Report: reads the tables, computes what each brief shows (aggregates only reach the driver, never
 * article-sized data beyond the cited sentences) and hands it to the {@link Reporter}.
 *
 * <p>The period of a brief ends at the latest publication date in its corpora (the "as of" date), so a
 * brief over an old corpus is about that corpus's last weeks, not about today. Undated articles cannot
 * be placed in a period: a dated brief leaves them out of its figures and charts (in the current period as in the
 * previous one, so that comparisons compare like with like), says how many it left out, and lists their sanction
 * events after the period's, marked undated (their sentences are cited where the period has too few of its own).
 */
public final class ReportJob {
  /** How many evidence sentences a brief quotes per sanction type beyond those of events. */
  static final int EVIDENCE_PER_TYPE = 3;
  /** A brief's independent queries asked at once (they overlap their planning and scheduling). */
  static final int QUERIES_AT_ONCE = 3;

  private ReportJob() {
  }

  /**
   * What a report wrote or kept.
   *
   * @param files every file of the briefs named, rendered or kept: each PDF, its charts and the manifest
   * @param kept  the PDFs kept as they were: their sources were those they were rendered from ({@link BriefSources})
   */
  public record Briefs(List<String> files, List<String> kept) {
  }

  /**
   * Renders each brief the options name into {@code <output>/briefs/} (see {@link BriefsFolder}), but keeps a brief
   * that the brief ledger says was last rendered from the same sources (tables, definition, configuration, fonts,
   * code) while its files are still as written: it would come out the same but for the run that made it.
   */
  public static Briefs run(SparkSession spark, TableStore store, JobOptions options, PrintStream log) {
    return QueryLabels.step(spark, "report", () -> report(spark, store, options, log));
  }

  /** The tables a brief reads: any write of them may change it. */
  private static final List<String> TABLES_READ = List.of(TableSchemas.ARTICLES, TableSchemas.MENTIONS,
      TableSchemas.SANCTION_EVENTS, TableSchemas.DUPLICATES, TableSchemas.REJECTS);

  private static Briefs report(SparkSession spark, TableStore store, JobOptions options, PrintStream log) {
    if (options.briefs().isEmpty()) {
      return new Briefs(List.of(), List.of());
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    LedgerStore ledgerStore = new LedgerStore(options.output(), conf);
    BriefLedger ledger = ledgerStore.readBriefs();
    List<BriefLedger.Entry> renderedEntries = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    DocumentAnnotator.Resources resources = DocumentAnnotator.Resources.of(options.config());
    String tables = store.contentsDigests(TABLES_READ);
    java.util.Set<String> corporaHeld = new java.util.TreeSet<>();
    store.partitionDigests(TableSchemas.ARTICLES).keySet()
        .forEach(folder -> corporaHeld.add(TableStore.partitionValues(folder).get(0)));
    try (BriefsFolder folder = new BriefsFolder(options.output(), conf)) {
      for (String name : options.briefs()) {
        BriefDefinition def = BriefDefinitions.load(options.reportsDir(), name);
        for (String corpus : def.corpora()) {
          // a misspelt corpus would give a brief of zeros that looks like a quiet period: said, though not an error
          // (a registry's corpus may hold no article yet, and a nightly run should not fail for it)
          if (!corporaHeld.contains(corpus)) {
            log.println("report  warning: brief '" + def.name() + "' names corpus '" + corpus + "', of which the "
                + "articles table holds no article (it holds " + corporaHeld + ")");
          }
        }
        String sources = BriefSources.of(def, tables, options.config().fingerprint(), Fonts.system(), spark.version());
        BriefLedger.Entry last = ledger.renderedFrom(def.name(), sources).orElse(null);
        if (last != null && folder.stillAsRendered(last)) {
          log.println("report  " + folder.where(last.pdf().name()) + " (up to date: its sources are as when "
              + last.run() + " rendered it; kept)");
          kept.add(folder.where(last.pdf().name()));
          last.files().forEach(file -> files.add(folder.where(file.name())));
          files.add(folder.where(BriefManifest.FILE_NAME));
          continue;
        }
        BriefData data = new BriefInputs(store, def, options, resources).build();
        RenderedBrief brief = Reporter.render(data, def, folder.local(), options.startedAt());
        for (Path file : brief.all()) {  // the PDF and charts, then the manifest that lists them
          String where = folder.publish(file);
          if (file.equals(brief.pdf())) {
            log.println("report  " + where);
          }
          files.add(where);
        }
        renderedEntries.add(new BriefLedger.Entry(def.name(), sources, options.runId(), folder.recorded(brief.pdf()),
            brief.charts().stream().map(folder::recorded).toList()));
      }
      if (!renderedEntries.isEmpty()) {
        // last, once the briefs it lists are in place: a crash before leaves them to be rendered again
        ledgerStore.writeBriefs(ledger.recording(renderedEntries));
      }
      return new Briefs(files.stream().distinct().toList(), kept);
    }
  }

  /** The brief's inputs, computed from the tables for one definition. */
  private static final class BriefInputs {
    /** The label, in the key figures' one counting query, of the articles left out for want of a date. */
    private static final String UNDATED = "undated articles";

    private final BriefDefinition def;
    private final JobOptions options;
    private final Gazetteer gazetteer;
    private final DocumentAnnotator.Resources resources;
    private final Dataset<Row> articles;
    private final Dataset<Row> mentions;
    private final Dataset<Row> events;
    private final Dataset<Row> duplicates;
    private final Dataset<Row> rejects;

    BriefInputs(TableStore store, BriefDefinition def, JobOptions options, DocumentAnnotator.Resources resources) {
      this.def = def;
      this.options = options;
      this.resources = resources;
      this.gazetteer = resources.gazetteer();
      this.articles = selected(store.read(TableSchemas.ARTICLES));
      this.mentions = selected(store.read(TableSchemas.MENTIONS));
      this.events = selected(store.read(TableSchemas.SANCTION_EVENTS));
      this.duplicates = selected(store.read(TableSchemas.DUPLICATES));
      this.rejects = selected(store.read(TableSchemas.REJECTS));
    }

    private Dataset<Row> selected(Dataset<Row> table) {
      return def.corpora().isEmpty() ? table : table.filter(col("corpus").isin(def.corpora().toArray()));
    }

    BriefData build() {
      Row latest = QueryLabels.part(articles.sparkSession(), def.name() + ": latest date",
          articles.agg(max(col("published")))::first);
      LocalDate asOf = latest.isNullAt(0) ? null : latest.getAs(0);
      DateWindow window = asOf == null ? null : def.period().window(asOf);
      DateWindow previous = asOf == null || !def.compareWithPrevious() ? null : def.period().previousWindow(asOf);
      Dataset<Row> inMentions = inWindow(mentions, window);
      Dataset<Row> inEvents = inWindow(events, window);
      Dataset<Row> inArticles = inWindow(articles, window);
      // what undated articles report is still worth an analyst's eye: their events listed after the period's, their
      // sentences cited after the period's own (citation order), marked undated, though counted in no figure
      Dataset<Row> citedMentions = withUndated(mentions, window);
      Dataset<Row> affirmedSanctions = affirmedSanctions(inMentions);

      // the brief's queries are independent of each other: asked at once, Spark overlaps their fixed costs
      // (planning, scheduling), which on a small input are most of their time. Each result goes to its own
      // field, so the brief is the same whatever order they finish in
      ExecutorService queries = Executors.newFixedThreadPool(QUERIES_AT_ONCE);
      try {
        // evidence: the events, then the first sentences per sanction type and per theme (themes are cited too,
        // so that an article with no sanction in it still backs what the brief says of it)
        var eventList = ask(queries, "sanction events", withUndated(events, window)::collectAsList);
        var sanctionSentences = ask(queries, "sanction evidence",
            () -> firstSentences(affirmedSanctions(citedMentions)));
        var themeSentences = ask(queries, "theme evidence",
            () -> firstSentences(citedMentions.filter(col("kind").equalTo(MentionKind.THEME.name()))));
        var corpora = ask(queries, "corpora", this::corpora);
        Dataset<Row> undated = window == null ? null : articles.filter(col("published").isNull());
        var keyFigures = ask(queries, "key figures", () -> keyFigures(inArticles, inMentions, inEvents, undated));
        var ranked = ask(queries, "top entities", () -> top(inMentions, previous));
        var sanctionTypes = ask(queries, "sanction types by corpus",
            () -> typeCounts(affirmedSanctions, "corpus", "key"));
        var themes = ask(queries, "themes over time", () -> themesOverTime(window));
        var punished = ask(queries, "organizations by sanction type",
            () -> typeCounts(organizationEvents(inEvents), "target_name", "sanction_type"));
        // one query for the articles every cited sentence comes from; evidence numbered in the order above
        Map<String, Row> byDoc = articleInfo(eventList.join(), sanctionSentences.join(), themeSentences.join());
        Map<String, Evidence> evidence = new HashMap<>();
        List<EventRow> eventRows = eventRows(eventList.join(), byDoc, evidence);
        cite(sanctionSentences.join(), MentionKind.SANCTION, byDoc, evidence);
        cite(themeSentences.join(), MentionKind.THEME, byDoc, evidence);
        var builder = BriefData.builder()
            .title(def.title())
            .audience(def.audience())
            .runId(options.runId())
            .generatedAt(options.startedAt())
            .grain(def.period().grain())
            .corpora(corpora.join())
            .keyFigures(keyFigures.join())
            .topPeople(ranked.join().getOrDefault(MentionKind.PERSON, List.of()))
            .topOrganizations(ranked.join().getOrDefault(MentionKind.ORGANIZATION, List.of()))
            .topPlaces(ranked.join().getOrDefault(MentionKind.PLACE, List.of()))
            .sanctionTypesByCorpus(sanctionTypes.join())
            .themesOverTime(themes.join())
            .organizationsBySanctionType(punished.join())
            .sanctionEvents(eventRows)
            .evidence(new ArrayList<>(evidence.values()))
            .appendix(appendix());
        if (window != null) {
          builder.period(window.start(), window.end());
        }
        if (previous != null) {
          builder.previousPeriod(previous.start(), previous.end());
        }
        return builder.build();
      } catch (CompletionException e) {
        // the query's own exception, as if it had been asked on this thread
        throw e.getCause() instanceof RuntimeException r ? r : e;
      } finally {
        queries.shutdownNow();
      }
    }

    /** The query asked on the pool, named "nkwatch report: BRIEF: WHAT" where Spark shows it. */
    private <T> CompletableFuture<T> ask(Executor pool, String what, Supplier<T> query) {
      return CompletableFuture.supplyAsync(
          () -> QueryLabels.part(articles.sparkSession(), def.name() + ": " + what, query), pool);
    }

    /**
     * The events counted in "who is being punished how": the rule of the counts' ORGANIZATION_BY_SANCTION
     * cross-tab, so the brief and the table agree (negated, denied and contradicted events left out).
     */
    private static Dataset<Row> organizationEvents(Dataset<Row> events) {
      return events.filter((FilterFunction<Row>) r -> CrossTab.countsSanctionEvent(r.getAs("target_kind"),
          r.getAs("target_key"), r.getAs("sanction_type"), r.getAs("polarity"), r.getAs("certainty")));
    }

    /**
     * Rows dated in the window; every row when there is none (no article of the brief's corpora is dated, so the
     * brief is about undated articles). An undated row cannot be placed in a period: counted in every period, it
     * would swell each and tilt every comparison with the period before.
     */
    private static Dataset<Row> inWindow(Dataset<Row> table, DateWindow window) {
      return window == null ? table : table.filter(col("published").between(lit(window.start()), lit(window.end())));
    }

    /** Rows dated in the window, and undated rows: what the brief lists and cites. */
    private static Dataset<Row> withUndated(Dataset<Row> table, DateWindow window) {
      return window == null ? table : table.filter(col("published").isNull()
          .or(col("published").between(lit(window.start()), lit(window.end()))));
    }

    private static Dataset<Row> affirmedSanctions(Dataset<Row> mentions) {
      return mentions.filter(col("kind").equalTo(MentionKind.SANCTION.name())
          .and(col("polarity").equalTo(Mention.AFFIRMED)));
    }

    private List<CorpusInfo> corpora() {
      Map<String, long[]> counts = new HashMap<>();
      Map<String, String[]> about = new HashMap<>();
      // every publisher of a corpus, not one of them: a folder of articles from several outlets is one corpus
      for (Row r : articles.groupBy("corpus").agg(count(lit(1)),
              org.apache.spark.sql.functions.array_sort(org.apache.spark.sql.functions.collect_set("publisher")),
              first("source_type", true))
          .collectAsList()) {
        counts.computeIfAbsent(r.getString(0), k -> new long[3])[0] = r.getLong(1);
        about.put(r.getString(0), new String[] {String.join(", ", r.<String>getList(2)), r.getString(3)});
      }
      Map<String, Dataset<Row>> dropped = new java.util.LinkedHashMap<>();
      dropped.put(TableSchemas.DUPLICATES, duplicates);
      dropped.put(TableSchemas.REJECTS, rejects);
      for (Row r : RowCounts.by(dropped, "corpus")) {
        int column = r.getString(0).equals(TableSchemas.DUPLICATES) ? 1 : 2;
        counts.computeIfAbsent(r.getString(1), k -> new long[3])[column] = r.getLong(2);
      }
      List<CorpusInfo> out = new ArrayList<>();
      counts.forEach((corpus, c) -> {
        String[] a = about.getOrDefault(corpus, new String[] {null, null});
        out.add(new CorpusInfo(corpus, a[0] == null ? "" : a[0], a[1] == null ? "unknown" : a[1],
            c[0] + c[1] + c[2], c[0], c[1], c[2]));
      });
      return out;
    }

    /** @param undated the articles a dated brief leaves out for want of a date; null for an undated brief */
    private static KeyFigures keyFigures(Dataset<Row> inArticles, Dataset<Row> inMentions, Dataset<Row> inEvents,
        Dataset<Row> undated) {
      Map<String, Long> distinct = new HashMap<>();
      long mentions = 0;
      for (Row r : inMentions.groupBy("kind").agg(countDistinct("key"), count(lit(1))).collectAsList()) {
        distinct.put(r.getString(0), r.getLong(1));
        mentions += r.getLong(2);
      }
      Map<String, Dataset<Row>> counted = new java.util.LinkedHashMap<>();
      counted.put(TableSchemas.ARTICLES, inArticles);
      counted.put(TableSchemas.SANCTION_EVENTS, inEvents);
      if (undated != null) {
        counted.put(UNDATED, undated);
      }
      Map<String, Long> rows = RowCounts.of(counted);
      return new KeyFigures(rows.get(TableSchemas.ARTICLES), mentions, rows.get(TableSchemas.SANCTION_EVENTS),
          distinct.getOrDefault(MentionKind.PERSON.name(), 0L),
          distinct.getOrDefault(MentionKind.ORGANIZATION.name(), 0L),
          distinct.getOrDefault(MentionKind.PLACE.name(), 0L), rows.getOrDefault(UNDATED, 0L));
    }

    /**
     * The most mentioned people, organizations and places, with their mentions in the previous period: one
     * query ranks all three kinds, a second counts the previous period's mentions of the ranked keys only.
     */
    private Map<MentionKind, List<RankedEntity>> top(Dataset<Row> inMentions, DateWindow previous) {
      List<String> kinds = List.of(MentionKind.PERSON.name(), MentionKind.ORGANIZATION.name(), MentionKind.PLACE.name());
      List<Row> ranked = inMentions.filter(col("kind").isin(kinds.toArray()))
          .groupBy("kind", "key").agg(first("name", true).as("name"), count(lit(1)).as("mentions"),
              countDistinct("doc_id").as("documents"))
          .withColumn("rank", row_number().over(Window.partitionBy("kind").orderBy(col("mentions").desc(), col("key"))))
          .filter(col("rank").leq(def.topN()))
          .orderBy(col("kind"), col("rank")).collectAsList();
      Map<String, Long> before = new HashMap<>();
      if (previous != null && !ranked.isEmpty()) {
        List<String> keys = ranked.stream().map(r -> r.getString(0) + "|" + r.getString(1)).toList();
        for (Row r : inWindow(mentions, previous).filter(col("kind").isin(kinds.toArray()))
            .filter(org.apache.spark.sql.functions.concat_ws("|", col("kind"), col("key")).isin(keys.toArray()))
            .groupBy("kind", "key").count().collectAsList()) {
          before.put(r.getString(0) + "|" + r.getString(1), r.getLong(2));
        }
      }
      Map<MentionKind, List<RankedEntity>> out = new java.util.EnumMap<>(MentionKind.class);
      for (Row r : ranked) {
        String key = r.getString(1);
        GazetteerEntry entry = gazetteer.get(key);
        out.computeIfAbsent(MentionKind.valueOf(r.getString(0)), k -> new ArrayList<>()).add(new RankedEntity(key,
            r.getString(2), entry == null ? "" : entry.hangul(), r.getLong(3), r.getLong(4),
            before.getOrDefault(r.getString(0) + "|" + key, 0L)));
      }
      return out;
    }

    private static List<TypeCount> typeCounts(Dataset<Row> rows, String categoryColumn, String seriesColumn) {
      List<TypeCount> out = new ArrayList<>();
      for (Row r : rows.filter(col(categoryColumn).isNotNull()).groupBy(categoryColumn, seriesColumn).count()
          .collectAsList()) {
        out.add(new TypeCount(r.getString(0), r.getString(1), r.getLong(2)));
      }
      return out;
    }

    private List<PeriodCount> themesOverTime(DateWindow window) {
      Dataset<Row> themes = mentions.filter(col("kind").equalTo(MentionKind.THEME.name()).and(col("published").isNotNull()));
      if (window != null) {
        DateWindow trend = def.period().grain().trendWindow(window.end());
        themes = themes.filter(col("published").between(lit(trend.start()), lit(trend.end())));
      }
      String unit = def.period().grain().key();
      Column period = org.apache.spark.sql.functions.to_date(org.apache.spark.sql.functions.date_trunc(unit, col("published")));
      List<PeriodCount> out = new ArrayList<>();
      for (Row r : themes.groupBy(period.as("period"), col("key")).agg(first("name", true), countDistinct("doc_id"))
          .collectAsList()) {
        out.add(new PeriodCount(r.getAs(0), r.getString(1), r.getString(2), r.getLong(3)));
      }
      return out;
    }

    private static List<EventRow> eventRows(List<Row> events, Map<String, Row> byDoc, Map<String, Evidence> evidence) {
      List<EventRow> out = new ArrayList<>();
      for (Row e : events) {
        Evidence ev = evidence(e, MentionKind.SANCTION, e.getAs("sanction_type"), byDoc);
        evidence.putIfAbsent(ev.id(), ev);
        out.add(new EventRow(e.getAs("sanction_type"), e.getAs("target_name"), e.getAs("level"), e.getAs("number_text"),
            e.getAs("reason"), e.getAs("certainty"), ev.id()));
      }
      return out;
    }

    /** A few sentences per sanction type or theme (the first ones of different articles where there are several). */
    private static List<Row> firstSentences(Dataset<Row> mentionsOfKind) {
      return mentionsOfKind
          .withColumn("in_doc", row_number().over(Window.partitionBy("key", "doc_id").orderBy(col("sentence_index"))))
          .filter(col("in_doc").equalTo(1)).drop("in_doc")
          .withColumn("n", row_number().over(Window.partitionBy("key").orderBy(col("published").asc_nulls_last(),
              col("doc_id"), col("sentence_index"))))
          .filter(col("n").leq(EVIDENCE_PER_TYPE))
          .collectAsList();
    }

    private static void cite(List<Row> sentences, MentionKind kind, Map<String, Row> byDoc,
        Map<String, Evidence> evidence) {
      for (Row m : sentences) {
        Evidence ev = evidence(m, kind, m.getAs("key"), byDoc);
        evidence.putIfAbsent(ev.id(), ev);
      }
    }

    /** Publisher, title and link of the articles the given rows come from, by doc_id. */
    @SafeVarargs
    private Map<String, Row> articleInfo(List<Row>... rowLists) {
      java.util.Set<String> docIds = new java.util.TreeSet<>();
      for (List<Row> rows : rowLists) {
        rows.forEach(r -> docIds.add(r.getAs("doc_id")));
      }
      Map<String, Row> byDoc = new HashMap<>();
      if (docIds.isEmpty()) {
        return byDoc;
      }
      Dataset<Row> cited = articles.filter(col("doc_id").isin(docIds.toArray()))
          .select("doc_id", "corpus", "publisher", "title", "published", "url");
      for (Row a : QueryLabels.part(articles.sparkSession(), def.name() + ": cited articles", cited::collectAsList)) {
        byDoc.put(a.getString(0), a);
      }
      return byDoc;
    }

    private static Evidence evidence(Row row, MentionKind kind, String key, Map<String, Row> byDoc) {
      String docId = row.getAs("doc_id");
      int sentence = row.getAs("sentence_index");
      Row a = byDoc.get(docId);
      return new Evidence(docId + ":" + sentence, kind, key, row.getAs("evidence"), row.getAs("corpus"),
          a == null ? null : a.getAs("publisher"), a == null ? null : a.getAs("title"), row.getAs("published"),
          a == null ? null : a.getAs("url"));
    }

    private AppendixInfo appendix() {
      // relative to the output root: where the output lives is not an input, and naming it would make
      // the same run into another folder a different PDF
      List<String> inputs = new ArrayList<>();
      for (String table : List.of(TableSchemas.ARTICLES, TableSchemas.MENTIONS, TableSchemas.SANCTION_EVENTS)) {
        inputs.add("tables/" + table + " (under the run's output root)");
      }
      String gazetteerVersion = String.format(java.util.Locale.ROOT, "%d people, %d organizations, %d places (config %s)",
          gazetteer.count(MentionKind.PERSON), gazetteer.count(MentionKind.ORGANIZATION),
          gazetteer.count(MentionKind.PLACE), options.config().fingerprint());
      return new AppendixInfo(inputs, resources.taxonomy().version(), gazetteerVersion, List.of(
          "Articles were read from each corpus, cleaned, de-duplicated and checked for language; only English articles were annotated.",
          "Sentences and tokens come from Apache OpenNLP's English models; people, organizations and places from the nkwatch "
              + "gazetteer, matched across romanizations, plus a recogniser of names it does not list.",
          "Sanction types and themes come from cue phrases in the nkwatch taxonomy; negated and denied reports are not counted, "
              + "and each report carries the certainty its source gives it.",
          "Counts are of affirmed mentions; every sanction event cites its evidence sentence."));
    }
  }
}
