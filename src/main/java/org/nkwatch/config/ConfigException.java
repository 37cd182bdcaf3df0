package org.nkwatch.config;

/** A configuration problem a user can fix: the message names the file, the line or key, and the value. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
