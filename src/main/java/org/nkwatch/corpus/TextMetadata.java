package org.nkwatch.corpus;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the text itself says about an article: title, date, byline, agency, and which lines were
 * metadata (taken out of the body). Any value can be {@code null}.
 *
 * @param title           the first line, when it looks like a title (plain text only)
 * @param date            a date from a metadata line ("Published : Mar 29, 2022", "date 2022-03-29") or
 *                        from a dateline that gives the year
 * @param datelineMonth   month of a dateline without a year ("Pyongyang, December 24 (KCNA) --"), or 0
 * @param datelineDay     its day, or 0
 * @param byline          the name of a "By ..." line
 * @param agency          the agency of a dateline "(KCNA)" or of a closing "(Yonhap)"
 * @param consumedLines   indexes of the lines that were metadata (or the title) and leave the body
 */
record TextMetadata(String title, LocalDate date, int datelineMonth, int datelineDay, String byline,
    String agency, Set<Integer> consumedLines) {

  TextMetadata {
    consumedLines = Set.copyOf(consumedLines);
  }
}
