package org.presstrace.casework.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presstrace.casework.SubjectStatement;
import org.presstrace.resolution.Schema;

/**
 * How the subject pages present each kind of subject in plain words: its name, the fields of its
 * entry form with their labels and hints, and the fields that identify one (shown on the subject
 * page and in the search list). The FollowTheMoney property names stay the form's field names and
 * the API's; an investigator reads "IMO number", not {@code imoNumber}.
 */
final class Kinds {

  private Kinds() {}

  /** One field of a kind's form: its property, label, hint (may be null), several values or one. */
  record Field(String property, String label, String hint, boolean several) {}

  /**
   * One kind as the pages show it.
   *
   * @param schema the kind
   * @param title its name in plain words ("Crypto wallet")
   * @param fields the fields of its entry form, one per property the kind accepts
   * @param identifying the properties that identify a subject of this kind
   * @param needs what a subject of this kind must carry at least, in plain words
   */
  record Kind(
      Schema schema, String title, List<Field> fields, List<String> identifying, String needs) {

    /** The FollowTheMoney name, the value the forms send. */
    public String value() {
      return schema.label();
    }

    /** The field of {@code property}, or null when this kind has none. */
    Field field(String property) {
      return fields.stream().filter(f -> f.property().equals(property)).findFirst().orElse(null);
    }

    /**
     * The label of {@code property}, or the property name itself if this kind has no such field.
     */
    public String label(String property) {
      Field field = field(property);
      return field == null ? property : field.label();
    }

    /**
     * The identifying values among {@code statements}, each as "label value", leaving out the value
     * the subject is already listed by ({@code label}).
     */
    List<Shown> identifiers(List<SubjectStatement> statements, String label) {
      var shown = new ArrayList<Shown>();
      for (String property : identifying) {
        List<String> values =
            statements.stream()
                .filter(s -> s.property().equals(property) && !s.value().equals(label))
                .map(SubjectStatement::value)
                .distinct()
                .toList();
        if (!values.isEmpty()) {
          shown.add(new Shown(label(property), String.join(", ", values)));
        }
      }
      return List.copyOf(shown);
    }
  }

  /** An identifying field and its values, as the pages show them. */
  record Shown(String label, String values) {}

  private static final Map<String, String> COMMON =
      Map.ofEntries(
          Map.entry("name", "Name"),
          Map.entry("firstName", "First name"),
          Map.entry("lastName", "Last name"),
          Map.entry("birthDate", "Date of birth"),
          Map.entry("nationality", "Nationality"),
          Map.entry("idNumber", "ID or passport number"),
          Map.entry("address", "Address"),
          Map.entry("street", "Street"),
          Map.entry("postalCode", "Postal code"),
          Map.entry("city", "City"),
          Map.entry("region", "Region or state"),
          Map.entry("country", "Country"),
          Map.entry("phone", "Phone"),
          Map.entry("email", "E-mail"),
          Map.entry("jurisdiction", "Jurisdiction (where registered)"),
          Map.entry("registrationNumber", "Company registration number"));

  /** Properties of people and companies that take several values, one per line. */
  private static final Set<String> SEVERAL = Set.of("name", "idNumber", "phone", "email");

  private static final String ONE_PER_LINE = "one per line";
  private static final String DATE = "YYYY, YYYY-MM or YYYY-MM-DD";
  private static final String A_COUNTRY = "a country code or name, e.g. PA or Panama";

  private static final Map<Schema, Kind> KINDS = new LinkedHashMap<>();

  static {
    add(
        Schema.PERSON,
        "Person",
        List.of("birthDate", "nationality", "idNumber"),
        "A person needs a name, or a first or last name",
        Map.of("birthDate", "Date of birth|" + DATE));
    add(
        Schema.COMPANY,
        "Company",
        List.of("registrationNumber", "jurisdiction"),
        "A company needs a name",
        Map.of());
    add(
        Schema.VEHICLE,
        "Vehicle",
        List.of("registrationNumber", "vin", "country", "model"),
        "A vehicle needs a name, a number plate or a VIN",
        Map.of(
            "name", "Name or description|e.g. white Freightliner tractor",
            "type", "Type|car, truck, trailer ...",
            "model", "Make and model",
            "registrationNumber", "Number plate",
            "vin", "VIN (vehicle identification number)|17 letters and digits",
            "country", "Country of registration|" + A_COUNTRY,
            "buildDate", "Year built|" + DATE));
    add(
        Schema.VESSEL,
        "Vessel",
        List.of("imoNumber", "mmsi", "callSign", "flag"),
        "A vessel needs a name, an IMO number, an MMSI or a call sign",
        Map.of(
            "name", "Vessel name",
            "type", "Type|e.g. container ship, bulk carrier",
            "imoNumber", "IMO number|7 digits, e.g. IMO 9074729",
            "mmsi", "MMSI|9 digits",
            "callSign", "Call sign",
            "flag", "Flag|" + A_COUNTRY));
    add(
        Schema.CRYPTO_WALLET,
        "Crypto wallet",
        List.of("publicKey", "currency", "managingExchange"),
        "A crypto wallet needs its address",
        Map.of(
            "publicKey", "Wallet address|a Bitcoin, Ethereum or TRON address",
            "currency", "Currency|e.g. BTC, ETH, USDT, TRX",
            "managingExchange", "Exchange holding it"));
    add(
        Schema.BANK_ACCOUNT,
        "Bank account",
        List.of("iban", "accountNumber", "bic", "bankName", "country"),
        "A bank account needs an IBAN or an account number",
        Map.of(
            "iban", "IBAN|e.g. GB82 WEST 1234 5698 7654 32",
            "accountNumber", "Account number",
            "bankName", "Bank",
            "bic", "BIC (SWIFT code)|8 or 11 characters",
            "country", "Country|" + A_COUNTRY));
  }

  /**
   * Registers one kind; {@code own} gives a property's label where it differs from the common one,
   * as {@code "label"} or {@code "label|hint"}.
   */
  private static void add(
      Schema schema,
      String title,
      List<String> identifying,
      String needs,
      Map<String, String> own) {
    boolean legal = schema.legalEntity();
    List<Field> fields =
        schema.properties().stream()
            .map(
                property -> {
                  String[] text =
                      own.getOrDefault(property, COMMON.getOrDefault(property, property))
                          .split("\\|", 2);
                  boolean several = legal && SEVERAL.contains(property);
                  String hint = text.length > 1 ? text[1] : several ? ONE_PER_LINE : null;
                  return new Field(property, text[0], hint, several);
                })
            .toList();
    KINDS.put(schema, new Kind(schema, title, fields, identifying, needs));
  }

  /** The kind of {@code schema}. */
  static Kind of(Schema schema) {
    return KINDS.get(schema);
  }

  /** Every kind, in the order the forms offer them. */
  static List<Kind> all() {
    return List.copyOf(KINDS.values());
  }

  /** Every kind by its FollowTheMoney name, for the templates. */
  static Map<String, Kind> byValue() {
    var byValue = new LinkedHashMap<String, Kind>();
    KINDS.values().forEach(kind -> byValue.put(kind.value(), kind));
    return byValue;
  }

  /** Every property any kind accepts, so that a value sent for another kind can be refused. */
  static List<String> anyProperty() {
    return Arrays.stream(Schema.values())
        .flatMap(schema -> schema.properties().stream())
        .distinct()
        .toList();
  }
}
