package org.presstrace.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.presstrace.registry.RegistrantActivated;
import org.presstrace.registry.RegistrantApplied;
import org.presstrace.registry.RegistrantRevoked;
import org.presstrace.registry.RegistrantStatus;
import org.presstrace.registry.RegistrantSuspended;
import org.presstrace.registry.RegistrationChanged;
import org.presstrace.registry.RegistrationExpired;
import org.presstrace.registry.RegistrationRenewed;
import org.presstrace.registry.RegistrationTerms;
import org.presstrace.shared.ConflictingState;

/**
 * A registrant's annual registration and its status lifecycle. Every change is a method that checks
 * its guard, refuses with a {@link ConflictingState} naming the rule broken, and otherwise records
 * one past-tense {@link RegistrationChanged}, which is also the entry of the status history.
 *
 * <p>The stored status is what the guards of activation, suspension and revocation judge; messages
 * and renewal go by the status as of today, in which an active registration past its expiry day
 * reads EXPIRED before the lapse is recorded.
 */
public final class Registrant {

  /** How many days before expiry a registration may be renewed, unless configured otherwise. */
  public static final int RENEWAL_WINDOW_DAYS = 90;

  private final String id;
  private final String label;
  private RegistrantStatus stored;
  private LocalDate expiresOn;
  private final List<RegistrationChanged> recorded = new ArrayList<>();

  /**
   * A registrant as stored, with no changes recorded yet.
   *
   * @param label how messages name it: legal name and registration number
   */
  public Registrant(String id, String label, RegistrantStatus stored, LocalDate expiresOn) {
    this.id = id;
    this.label = label;
    this.stored = stored;
    this.expiresOn = expiresOn;
  }

  /** An applicant just registered: PENDING, with no expiry day. */
  public static Registrant applied(String id, String label, String by) {
    var registrant = new Registrant(id, label, RegistrantStatus.PENDING, null);
    registrant.recorded.add(new RegistrantApplied(id, "application received", by));
    return registrant;
  }

  /** Activates (or reactivates) the registration for the default term, a year. */
  public void activate(String reason, LocalDate today, String by) {
    activate(reason, today, by, RegistrationTerms.defaults());
  }

  /** Activates (or reactivates) the registration for a term from {@code today}. */
  public void activate(String reason, LocalDate today, String by, RegistrationTerms terms) {
    if (stored == RegistrantStatus.REVOKED) {
      throw refused(today, "a revoked registration is final");
    }
    stored = RegistrantStatus.ACTIVE;
    expiresOn = terms.expiry(today);
    recorded.add(new RegistrantActivated(id, expiresOn, reason, by));
  }

  /** Suspends an active registration: the registrant may no longer acquire or sell. */
  public void suspend(String reason, LocalDate today, String by) {
    if (stored != RegistrantStatus.ACTIVE) {
      throw refused(today, "only an active registration is suspended");
    }
    stored = RegistrantStatus.SUSPENDED;
    recorded.add(new RegistrantSuspended(id, expiresOn, reason, by));
  }

  /** Revokes the registration; final. */
  public void revoke(String reason, LocalDate today, String by) {
    if (stored == RegistrantStatus.REVOKED) {
      throw refused(today, "a revoked registration is final");
    }
    stored = RegistrantStatus.REVOKED;
    recorded.add(new RegistrantRevoked(id, expiresOn, reason, by));
  }

  /** Renews under the default terms: a year, from 90 days before expiry. */
  public void renew(String reason, LocalDate today, String by) {
    renew(reason, today, by, RegistrationTerms.defaults());
  }

  /**
   * Renews an active or lapsed registration for a term: from its expiry day while it runs, from
   * {@code today} once it has lapsed. Renewal opens the terms' window before expiry. The history
   * records the reason as {@code "renewed: " + reason}.
   */
  public void renew(String reason, LocalDate today, String by, RegistrationTerms terms) {
    RegistrantStatus status = status(today);
    if (status != RegistrantStatus.ACTIVE && status != RegistrantStatus.EXPIRED) {
      throw refused(today, "only an active or lapsed registration is renewed");
    }
    if (status == RegistrantStatus.ACTIVE && terms.renewalOpens(expiresOn).isAfter(today)) {
      throw new ConflictingState(
          label
              + " expires on "
              + expiresOn
              + ": renewal opens "
              + terms.renewalWindowDays()
              + " days before expiry, on "
              + terms.renewalOpens(expiresOn));
    }
    stored = RegistrantStatus.ACTIVE;
    expiresOn = terms.expiry(status == RegistrantStatus.ACTIVE ? expiresOn : today);
    recorded.add(new RegistrationRenewed(id, expiresOn, "renewed: " + reason, by));
  }

  /** Records the lapse of an active registration whose expiry day lies before {@code today}. */
  public void expire(LocalDate today, String by) {
    if (stored != RegistrantStatus.ACTIVE || expiresOn == null || !expiresOn.isBefore(today)) {
      throw refused(today, "only an active registration past its expiry day lapses");
    }
    stored = RegistrantStatus.EXPIRED;
    recorded.add(
        new RegistrationExpired(id, expiresOn, "registration expired on " + expiresOn, by));
  }

  private ConflictingState refused(LocalDate today, String rule) {
    return new ConflictingState(label + " is " + status(today) + ": " + rule);
  }

  /** The status as of {@code today}: an active registration past its expiry day reads EXPIRED. */
  public RegistrantStatus status(LocalDate today) {
    return stored == RegistrantStatus.ACTIVE && expiresOn != null && expiresOn.isBefore(today)
        ? RegistrantStatus.EXPIRED
        : stored;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** The stored status, not the one as of today. */
  public RegistrantStatus storedStatus() {
    return stored;
  }

  public LocalDate expiresOn() {
    return expiresOn;
  }

  /** The changes recorded since the registrant was loaded, oldest first. */
  public List<RegistrationChanged> recordedEvents() {
    return List.copyOf(recorded);
  }
}
