package org.presstrace.resolution;

import java.util.Set;
import org.presstrace.resolution.internal.Countries;
import org.presstrace.resolution.internal.Prepared;

/**
 * The values of an entity that tie it to a place or a contact, normalised as the matching engine
 * compares them: ISO alpha-2 countries, E.164 phone numbers and canonical e-mail addresses.
 */
public record ContactValues(Set<String> countries, Set<String> phones, Set<String> emails) {

  public static ContactValues of(Entity entity) {
    Prepared prepared = Prepared.of(entity);
    return new ContactValues(prepared.countries(), prepared.phones(), prepared.emails());
  }

  /** The ISO alpha-2 code of a country written as a code or a name, or "" when unknown. */
  public static String countryCode(String text) {
    return Countries.alpha2(text);
  }
}
