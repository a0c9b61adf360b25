package org.presstrace.resolution;

import org.presstrace.resolution.internal.Identifiers;

/** The identifiers an entity states, checked before it is stored. */
public final class IdentifierCheck {

  private IdentifierCheck() {}

  /**
   * Checks every identifier {@code entity} states (phones, e-mails, identity numbers, asset
   * numbers); refuses them with every bad one, each naming its field as {@code fieldPrefix} plus
   * the property.
   */
  public static void check(Entity entity, String fieldPrefix) {
    Identifiers.check(entity, fieldPrefix);
  }
}
