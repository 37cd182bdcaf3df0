package org.nkwatch.corpus;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads metadata out of the first lines of an article's normalised text: "date 2022-03-29" headers,
 * "Published : Mar 29, 2022 - 09:54 Updated : ..." lines, lines holding only a date, "By ..." bylines,
 * a title line (for plain text), a dateline "Pyongyang, December 24 (KCNA) --" and a closing agency
 * "(Yonhap)". Lines taken as metadata are reported so that the body leaves them out; a line that
 * looks like metadata but holds no parseable date stays in the body.
 */
final class MetadataExtractor {
  /** Metadata sits at the top: this many non-blank lines are looked at. */
  private static final int HEADER_LINES = 10;
  private static final int MAX_METADATA_LINE = 160;
  private static final int MAX_TITLE_CHARS = 200;
  private static final int MAX_TITLE_WORDS = 30;

  private static final Pattern DATE_LABEL = Pattern.compile(
      "(?i)^(?:date(?:d)?|published(?: on)?|posted(?: on)?|first published|updated|last updated|modified)\\b\\s*:?\\s*(.*)$");
  private static final Pattern BYLINE = Pattern.compile("(?i)^(?:by|written by)\\s*:?\\s+(\\S.{0,79})$");
  /** What may follow a date on a line of its own: a time, a zone, separators. */
  private static final Pattern TIME_REST = Pattern.compile(
      "(?i)^(?:\\s|,|-|–|—|\\||@|\\bat\\b|T)*(?:\\d{1,2}[:.]\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*"
          + "(?:am|pm|a\\.m\\.|p\\.m\\.)?\\s*(?:\\p{Lu}{1,4}|[+-]\\d{2}:?\\d{2})?)?\\s*$");
  /** A labelled date ("Published : Mar 29, 2022 - 09:54 Updated : ...") carries little after the date. */
  private static final int MAX_AFTER_LABELLED_DATE = 60;
  private static final Pattern DATELINE = Pattern.compile(
      "^(\\p{Lu}[\\p{L}'.\\-]*(?:[ \\-]\\p{Lu}[\\p{L}'.\\-]*){0,3}),\\s+(?i:" + DateParser.MONTHS
          + ")\\.?\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?\\s*\\(([\\p{L}][\\p{L} .&\\-]{0,30})\\)\\s*(?:--|—|–|-|:)");
  private static final Pattern CLOSING_AGENCY = Pattern.compile("\\((\\p{Lu}[\\p{L}\\-]{1,20})\\)\\s*$");
  private static final Set<String> NOT_AGENCIES = Set.of("END", "LEAD", "UPDATE", "PHOTO", "PHOTOS", "FILE",
      "CORRECTED", "ADDS", "URGENT", "ENDS", "MORE", "VIDEO", "AUDIO");

  private final DateParser dates;
  private final FurnitureFilter furniture;

  MetadataExtractor(DateParser dates, FurnitureFilter furniture) {
    this.dates = dates;
    this.furniture = furniture;
  }

  /**
   * @param lines     the normalised text, one line per element
   * @param takeTitle whether the first line may be taken as the title (plain text without a title field)
   */
  TextMetadata extract(List<String> lines, boolean takeTitle) {
    Set<Integer> consumed = new HashSet<>();
    LocalDate published = null;
    LocalDate updated = null;
    String byline = null;
    int firstContent = -1;
    int seen = 0;
    for (int i = 0; i < lines.size() && seen < HEADER_LINES; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      seen++;
      if (line.length() <= MAX_METADATA_LINE) {
        Matcher label = DATE_LABEL.matcher(line);
        if (label.matches()) {
          DateParser.Found found = dates.find(label.group(1));
          if (found != null && found.start() <= 3
              && label.group(1).length() - found.end() <= MAX_AFTER_LABELLED_DATE) {
            consumed.add(i);
            if (line.toLowerCase(Locale.ROOT).matches("(?:last )?updated.*|modified.*")) {
              updated = updated == null ? found.date() : updated;
            } else if (published == null) {
              published = found.date();
            }
            continue;
          }
        }
        DateParser.Found alone = dates.atStart(line);
        if (alone != null && restIsTimeOrFurniture(line.substring(alone.end()))) {
          consumed.add(i);
          published = published == null ? alone.date() : published;
          continue;
        }
        Matcher by = BYLINE.matcher(line);
        if (byline == null && by.matches() && looksLikeName(by.group(1))) {
          consumed.add(i);
          byline = by.group(1).strip();
          continue;
        }
      }
      if (furniture.isFurnitureOrEmpty(line)) {
        continue;
      }
      if (firstContent < 0) {
        firstContent = i;
      }
    }

    String title = null;
    if (takeTitle && firstContent >= 0 && looksLikeTitle(lines.get(firstContent))
        && followedByBreakOrMetadata(lines, firstContent, consumed) && hasBodyAfter(lines, firstContent, consumed)) {
      title = lines.get(firstContent).strip();
      consumed.add(firstContent);
    }

    int month = 0;
    int day = 0;
    String agency = null;
    int bodyStart = firstBodyLine(lines, consumed);
    if (bodyStart >= 0) {
      Matcher dateline = DATELINE.matcher(lines.get(bodyStart));
      if (dateline.find()) {
        month = DateParser.monthNumber(dateline.group(2));
        day = Integer.parseInt(dateline.group(3));
        agency = dateline.group(5).strip();
        if (dateline.group(4) != null && published == null) {
          published = DateParser.date(Integer.parseInt(dateline.group(4)), month, day);
        }
      }
    }
    if (agency == null) {
      agency = closingAgency(lines);
    }
    LocalDate date = published != null ? published : updated;
    return new TextMetadata(title, date, month, day, byline, agency, consumed);
  }

  private boolean restIsTimeOrFurniture(String rest) {
    return TIME_REST.matcher(rest).matches() || furniture.isFurnitureOrEmpty(rest);
  }

  /** "Yonhap", "Kim Soo-yeon", "Lee Haye-ah, Staff Reporter": a few words, capitalised, not a sentence. */
  private static boolean looksLikeName(String name) {
    String n = name.strip();
    if (n.isEmpty() || !Character.isUpperCase(n.codePointAt(0)) || n.split("\\s+").length > 8) {
      return false;
    }
    return !n.endsWith(".") || n.matches(".*\\b\\p{Lu}\\.$");
  }

  static boolean looksLikeTitle(String line) {
    String l = line.strip();
    if (l.length() < 3 || l.length() > MAX_TITLE_CHARS || l.split("\\s+").length > MAX_TITLE_WORDS) {
      return false;
    }
    char last = l.charAt(l.length() - 1);
    return last != '.' && last != ',' && last != ';' && last != ':' && !Character.isLowerCase(l.codePointAt(0));
  }

  private static boolean followedByBreakOrMetadata(List<String> lines, int index, Set<Integer> consumed) {
    int next = index + 1;
    return next >= lines.size() || lines.get(next).isBlank() || consumed.contains(next);
  }

  private static boolean hasBodyAfter(List<String> lines, int index, Set<Integer> consumed) {
    for (int i = index + 1; i < lines.size(); i++) {
      if (!lines.get(i).isBlank() && !consumed.contains(i)) {
        return true;
      }
    }
    return false;
  }

  private int firstBodyLine(List<String> lines, Set<Integer> consumed) {
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank() && !consumed.contains(i) && !furniture.isFurnitureOrEmpty(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String closingAgency(List<String> lines) {
    for (int i = lines.size() - 1, looked = 0; i >= 0 && looked < 2; i--) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      looked++;
      Matcher m = CLOSING_AGENCY.matcher(line);
      if (m.find() && !NOT_AGENCIES.contains(m.group(1).toUpperCase(Locale.ROOT))) {
        return m.group(1);
      }
    }
    return null;
  }
}
