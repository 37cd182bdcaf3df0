package org.nkwatch.model;

import java.util.Locale;

/** The fixed vocabulary of reasons a record is rejected (documented in the README). */
public enum RejectReason {
  /** the file or record holds no bytes or only whitespace */
  EMPTY,
  /** the record has fields but none of them holds article text */
  NO_TEXT,
  /** larger than the configured limit for one article or file */
  TOO_LARGE,
  /** the bytes are not text (NUL bytes, control characters) */
  BINARY,
  /** the bytes could not be decoded in any supported encoding */
  UNDECODABLE,
  /** the file claims a format but does not parse as it (broken JSON, unbalanced CSV quotes) */
  UNPARSEABLE,
  /** a CSV row with more fields than the header names (a delimiter inside a value that is not quoted) */
  WRONG_FIELD_COUNT,
  /** the format of the file could not be recognised */
  UNKNOWN_FORMAT,
  /** the file could not be read (permissions, vanished, I/O error) */
  UNREADABLE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
