package org.presstrace.shared;

import java.util.NoSuchElementException;

/**
 * No record of this kind and id is visible to the caller. Hidden and absent records raise the same
 * exception with the same message, so that neither the status nor the text tells them apart.
 */
public class NotFound extends NoSuchElementException {

  public NotFound(String kind, String id) {
    super("no " + kind + " with id '" + id + "'");
  }
}
