package org.presstrace.resolution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.resolution.internal.Prepared;
import org.presstrace.resolution.internal.Text;

/**
 * The values two subjects can share and be linked through in a graph: phones in E.164, canonical
 * e-mail addresses, identity or registration numbers, the checked identifiers of assets (VIN, IMO,
 * MMSI, IBAN, wallet), and addresses folded to lower-case words. Each has a key unique across kinds
 * ({@code phone:+8613...}) and a text to show.
 */
public final class SharedValues {

  /** The properties whose values are shared values. */
  public static final List<String> PROPERTIES =
      List.of(
          "phone",
          "email",
          "idNumber",
          "registrationNumber",
          "address",
          "street",
          "postalCode",
          "city",
          "vin",
          "imoNumber",
          "mmsi",
          "iban",
          "accountNumber",
          "publicKey");

  /** One shared value: its key, its kind and the text shown for it. */
  public record Value(String key, String kind, String text) {}

  private static final int MIN_ADDRESS_LENGTH = 8;
  private static final int MAX_TEXT = 500;

  private SharedValues() {}

  public static List<Value> of(Entity entity) {
    Prepared prepared = Prepared.of(entity);
    var values = new LinkedHashMap<String, Value>();
    prepared.phones().forEach(phone -> put(values, "phone", phone, phone));
    prepared.emails().forEach(email -> put(values, "email", email, email));
    String idProperty = entity.schema() == Schema.PERSON ? "idNumber" : "registrationNumber";
    List<String> numbers = entity.values(idProperty);
    int i = 0;
    for (String number : prepared.identifiers()) {
      put(values, "identifier", number, i < numbers.size() ? numbers.get(i++) : number);
    }
    prepared.assetIds().forEach(asset -> put(values, "identifier", asset, asset));
    for (String address : addresses(entity)) {
      String folded = Text.fold(address);
      if (folded.length() >= MIN_ADDRESS_LENGTH && folded.contains(" ")) {
        put(values, "address", folded, address);
      }
    }
    return new ArrayList<>(values.values());
  }

  private static List<String> addresses(Entity entity) {
    List<String> stated = entity.values("address");
    if (!stated.isEmpty()) {
      return stated;
    }
    String parts =
        String.join(
                " ",
                String.join(" ", entity.values("street")),
                String.join(" ", entity.values("postalCode")),
                String.join(" ", entity.values("city")))
            .strip();
    return parts.isEmpty() || entity.values("street").isEmpty() ? List.of() : List.of(parts);
  }

  private static void put(Map<String, Value> values, String kind, String normal, String text) {
    String key = kind + ":" + normal;
    if (key.length() <= 600) {
      String shown = text.strip();
      values.putIfAbsent(
          key, new Value(key, kind, shown.length() <= MAX_TEXT ? shown : shown.substring(0, 500)));
    }
  }
}
