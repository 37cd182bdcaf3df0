package org.nkwatch.spark;

/** An input the user named that cannot be used; the message names it. */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
