package org.presstrace.redflags.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.presstrace.resolution.ContactValues;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Schema;

/**
 * What the red-flag rules look at: the parties and payments one agency may read, and the pairs of
 * parties known to be related (the same entity, or linked by ownership, directorship or
 * association). Nothing else goes in, so a rule cannot count what the agency may not see.
 */
public record RedFlagFacts(
    List<Party> parties, List<Payment> payments, List<Map.Entry<String, String>> related) {

  public RedFlagFacts {
    parties = List.copyOf(parties);
    payments = List.copyOf(payments);
    related = List.copyOf(related);
  }

  /** The parties by id. */
  Map<String, Party> byId() {
    return parties.stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a));
  }

  /**
   * A person or company as the agency may read it, normalised once: its countries (alpha-2), phone
   * numbers (E.164), e-mail addresses, names and addresses as stated.
   */
  public record Party(
      String id,
      Schema schema,
      String label,
      Set<String> countries,
      Set<String> phones,
      Set<String> emails,
      List<String> names,
      List<String> addresses) {

    /** The party an entity's statements describe. */
    public static Party of(Entity entity, String label) {
      ContactValues prepared = ContactValues.of(entity);
      return new Party(
          entity.id(),
          entity.schema(),
          label,
          prepared.countries(),
          prepared.phones(),
          prepared.emails(),
          entity.values("name"),
          addresses(entity));
    }

    /** Each {@code address} value, and one address from the parts when a street is stated. */
    private static List<String> addresses(Entity entity) {
      var addresses = new ArrayList<>(entity.values("address"));
      if (!entity.values("street").isEmpty()) {
        var parts = new ArrayList<String>();
        for (String property : List.of("street", "postalCode", "city", "region")) {
          parts.addAll(entity.values(property));
        }
        addresses.add(String.join(", ", parts));
      }
      return addresses;
    }

    boolean in(Set<String> codes) {
      return countries.stream().anyMatch(codes::contains);
    }
  }

  /**
   * A payment the agency may read (a record of protected kind {@code kind}): the payer and
   * beneficiary party ids, amount and currency (null when not stated), day, and purpose (blank when
   * none was stated).
   */
  public record Payment(
      String kind,
      String id,
      String payerId,
      String beneficiaryId,
      BigDecimal amount,
      String currency,
      LocalDate date,
      String purpose) {

    boolean hasPurpose() {
      return purpose != null && !purpose.isBlank();
    }

    boolean inCurrency(String code) {
      return amount != null && code.equalsIgnoreCase(currency);
    }
  }
}
