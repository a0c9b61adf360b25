package org.presstrace.exchange;

import java.time.Instant;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;

/**
 * A paired instance as this instance's directory holds it.
 *
 * @param agency the local agency (of kind foreign partner) standing for the partner when the access
 *     policy decides what it may read; releases to the partner are releases to this agency
 * @param messageTypes the message types agreed with the partner: only these are sent to it, and
 *     only these are accepted from it
 * @param enabled a disabled partner is sent nothing and its messages are refused
 * @param custodian the domestic agency whose members read what the partner sends, under its
 *     marking; null until an administrator chooses one (then AMBER records it sends are read by
 *     nobody here)
 */
public record Partner(
    String id,
    CountryCode country,
    String authority,
    String baseUrl,
    String publicKey,
    String agency,
    SortedSet<String> messageTypes,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt,
    String custodian) {

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

  public Partner {
    messageTypes = new TreeSet<>(messageTypes);
  }

  /** Checks message type names: lower-case, 1-64 characters of letters, digits, dots, dashes. */
  public static SortedSet<String> types(Collection<String> names) {
    var types = new TreeSet<String>();
    if (names == null) {
      return types;
    }
    int i = 0;
    for (String name : names) {
      String type = name == null ? "" : name.strip();
      if (!TYPE.matcher(type).matches()) {
        throw new InvalidRequest(
            "messageTypes[" + i + "]",
            "message type '" + name + "' must be 1-64 lower-case letters, digits, dots or dashes");
      }
      types.add(type);
      i++;
    }
    return types;
  }

  /** This partner with {@code custodian} as its custodian agency. */
  public Partner withCustodian(String custodian) {
    return new Partner(
        id,
        country,
        authority,
        baseUrl,
        publicKey,
        agency,
        messageTypes,
        enabled,
        createdAt,
        updatedAt,
        custodian);
  }

  /** Whether {@code type} is agreed with this partner. */
  public boolean agrees(String type) {
    return messageTypes.contains(type);
  }
}
