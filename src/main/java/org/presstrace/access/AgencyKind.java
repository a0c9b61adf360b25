package org.presstrace.access;

/** The kind of an agency; it decides which roles its users may hold. */
public enum AgencyKind {
  FEDERAL,
  STATE,
  LOCAL,
  /** A foreign partner by agreement: sees only what is released to it. */
  FOREIGN_PARTNER,
  /** A registrant organisation (manufacturer, importer, dealer ...). */
  REGISTRANT;

  /** Whether a user of an agency of this kind may hold {@code role}. */
  public boolean permits(Role role) {
    return switch (this) {
      case FOREIGN_PARTNER -> role == Role.FOREIGN_LIAISON;
      case REGISTRANT -> role == Role.REGISTRANT;
      default -> role != Role.FOREIGN_LIAISON && role != Role.REGISTRANT;
    };
  }
}
