package org.nkwatch.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.model.Article;
import org.nkwatch.model.Reject;
import org.nkwatch.model.RejectReason;

/**
 * Turns one {@link SourceRecord} into an {@link Article} (cleaned text, metadata, language, doc id) or a
 * {@link Reject} (no text, too large). Not thread-safe (it holds a language detector).
 *
 * <p>The date, in order: the record's date field; a date the text states ("Published : ...", a date
 * line, a dateline with its year); a date in the URL ({@code newsID=2021-06-17-0001},
 * {@code /2011-12-01ee.html}); a dateline's month and day with the year from the file name (or from a
 * partial date field). Dates in the body are not used to complete a dateline: KCNA anniversary stories
 * ("Pyongyang, June 25 (KCNA) -- ... June 25, 1950") would get the wrong year. Else the date is null.
 */
final class ArticleAssembler {
  private static final Pattern URL_DATE = Pattern.compile(
      "(?<!\\d)((?:19|20)\\d{2})([-/]?)(\\d{2})\\2(\\d{2})(?!\\d)");
  private static final Pattern PARTIAL_DATE = Pattern.compile("^\\s*((?:19|20)\\d{2})(?:-(\\d{1,2}))?\\s*$");
  private static final int MAX_BYLINE_CHARS = 80;
  private static final int MAX_BYLINE_WORDS = 10;

  private final CorpusSpec spec;
  private final IngestSettings settings;
  private final DateParser dates;
  private final FurnitureFilter furniture;
  private final MetadataExtractor metadata;
  private final LanguageIdentifier languages = new LanguageIdentifier();

  ArticleAssembler(CorpusSpec spec, IngestSettings settings) {
    this.spec = spec;
    this.settings = settings;
    this.dates = new DateParser(spec.dateFormat());
    this.furniture = new FurnitureFilter(settings.furnitureLines());
    this.metadata = new MetadataExtractor(dates, furniture);
  }

  /** @param fileName the file's name: its year completes a dateline without one */
  void assemble(SourceRecord record, String fileName, IngestSink sink) {
    String raw = record.text();
    if (record.emptyRecord()) {
      sink.reject(new Reject(spec.name(), record.locator(), RejectReason.EMPTY, "the record holds no values", 0));
      return;
    }
    if (raw == null || CorpusFileReader.invisible(raw)) {
      sink.reject(new Reject(spec.name(), record.locator(), RejectReason.NO_TEXT, noTextDetail(record), 0));
      return;
    }
    if (raw.length() > settings.maxArticleChars()) {
      sink.reject(new Reject(spec.name(), record.locator(), RejectReason.TOO_LARGE,
          "text of " + raw.length() + " characters is over the limit of " + settings.maxArticleChars(), raw.length()));
      return;
    }

    String normalised = TextNormalizer.normalize(raw);
    if (CommaJoinedParagraphs.looksCommaJoined(normalised)) {
      normalised = CommaJoinedParagraphs.restore(normalised);
    }
    List<String> lines = Arrays.asList(normalised.split("\n", -1));
    String title = record.title() == null ? null : blankToNull(TextNormalizer.normalizeLine(record.title()));
    TextMetadata meta = metadata.extract(lines, record.titleFromText() && title == null);
    if (title == null) {
      title = meta.title();
    }

    List<String> body = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!meta.consumedLines().contains(i) && !furniture.isFurniture(line)) {
        body.add(line);
      }
    }
    List<String> paragraphs = new ArrayList<>(ParagraphBuilder.paragraphs(body));
    if (title != null && !paragraphs.isEmpty() && paragraphs.get(0).equalsIgnoreCase(title)) {
      paragraphs.remove(0);
    }
    String text = String.join("\n\n", paragraphs);
    if (text.isBlank()) {
      sink.reject(new Reject(spec.name(), record.locator(), RejectReason.NO_TEXT,
          "only metadata or site furniture" + (title == null ? "" : " (title: " + abbreviate(title) + ")"), raw.length()));
      return;
    }

    String url = record.url() == null ? null : blankToNull(record.url().strip());
    LocalDate published = publishedDate(record, meta, url, fileName);
    String byline = plausibleByline(record.byline());
    if (byline == null) {
      byline = meta.byline();
    }
    String publisher = spec.publisher() != null ? spec.publisher() : meta.agency();
    String language = languages.decide(record.language(), text, spec.language());
    sink.article(new Article(DocIds.contentHash(text), spec.name(), publisher, spec.sourceType(), record.locator(),
        url, title, published, byline, language, text, 0, 0));
  }

  private LocalDate publishedDate(SourceRecord record, TextMetadata meta, String url, String fileName) {
    LocalDate fromField = dates.parseValue(record.date());
    if (fromField != null) {
      return fromField;
    }
    if (meta.date() != null) {
      return meta.date();
    }
    LocalDate fromUrl = url == null ? null : dateInUrl(url);
    if (fromUrl != null) {
      return fromUrl;
    }
    if (meta.datelineMonth() > 0) {
      return datelineWithContext(meta.datelineMonth(), meta.datelineDay(), record.date(), fileName);
    }
    return null;
  }

  /** A dateline's month and day, with the year from a partial date field or the file name. */
  private static LocalDate datelineWithContext(int month, int day, Object dateField, String fileName) {
    if (dateField != null) {
      Matcher partial = PARTIAL_DATE.matcher(dateField.toString());
      if (partial.matches()) {
        return DateParser.date(Integer.parseInt(partial.group(1)), month, day);
      }
    }
    Matcher named = URL_DATE.matcher(fileName);
    if (named.find()) {
      // a full date in a file name is when the file was made: the story is from before it
      LocalDate made = DateParser.date(Integer.parseInt(named.group(1)), Integer.parseInt(named.group(3)),
          Integer.parseInt(named.group(4)));
      if (made != null) {
        LocalDate sameYear = DateParser.date(made.getYear(), month, day);
        if (sameYear != null && !sameYear.isAfter(made.plusDays(2))) {
          return sameYear;
        }
        return DateParser.date(made.getYear() - 1, month, day);
      }
    }
    int year = DateParser.year(fileName);
    return year == 0 ? null : DateParser.date(year, month, day);
  }

  static LocalDate dateInUrl(String url) {
    Matcher m = URL_DATE.matcher(url);
    while (m.find()) {
      LocalDate d = DateParser.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** A byline field holds a name or a few, not a sentence (scrapes sometimes put a paragraph there). */
  static String plausibleByline(String value) {
    if (value == null) {
      return null;
    }
    String b = TextNormalizer.normalizeLine(value);
    if (b.isEmpty() || b.length() > MAX_BYLINE_CHARS || b.split("\\s+").length > MAX_BYLINE_WORDS) {
      return null;
    }
    if (b.endsWith(".") || b.endsWith("!") || b.endsWith("?")) {
      return b.matches(".*\\b\\p{Lu}\\.$") ? b : null;
    }
    return b.toLowerCase(Locale.ROOT).startsWith("by ") ? b.substring(3).strip() : b;
  }

  private static String noTextDetail(SourceRecord record) {
    String title = record.title() == null ? null : blankToNull(TextNormalizer.normalizeLine(record.title()));
    return title == null || FieldResolver.absent(title) ? "no text" : "no text (title: " + abbreviate(title) + ")";
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
