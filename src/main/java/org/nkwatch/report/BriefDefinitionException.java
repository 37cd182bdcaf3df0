package org.nkwatch.report;

/** A brief definition file that cannot be used; the message names the file and the key. */
public final class BriefDefinitionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  BriefDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }

  BriefDefinitionException(String message) {
    super(message);
  }
}
