package org.presstrace.resolution.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.jcajce.provider.digest.Keccak;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Schema;
import org.presstrace.resolution.Statement;
import org.presstrace.shared.InvalidRequest;

/**
 * The identifiers of vehicles, vessels, bank accounts and crypto wallets: checked when they are
 * entered (check digits and checksums where the standard has one) and normalised so that two
 * spellings of one identifier compare equal. Each check names the field it refuses.
 */
public final class Identifiers {

  private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{1,12}");
  private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
  private static final Pattern IMO = Pattern.compile("[0-9]{7}");
  private static final Pattern MMSI = Pattern.compile("[0-9]{9}");
  private static final Pattern CALL_SIGN = Pattern.compile("[A-Z0-9]{3,7}");
  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
  private static final Pattern BIC = Pattern.compile("[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final Pattern ACCOUNT = Pattern.compile("[A-Z0-9]{4,34}");
  private static final Pattern ETH = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern BECH32 = Pattern.compile("bc1[02-9ac-hj-np-z]{11,71}");
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32_CHARS = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  /** The chains PressTrace checks addresses for, with the currencies that run on each. */
  public enum Chain {
    BTC(Set.of("BTC", "XBT")),
    ETH(Set.of("ETH", "USDT", "USDC", "DAI")),
    TRON(Set.of("TRX", "USDT", "USDC"));

    private final Set<String> currencies;

    Chain(Set<String> currencies) {
      this.currencies = currencies;
    }
  }

  private Identifiers() {}

  /**
   * Checks every identifier {@code entity} states; refuses them with every bad one, each naming its
   * field, so a form shows them all at once. A value already refused is not checked again.
   */
  public static void check(Entity entity, String fieldPrefix) {
    var problems = new org.presstrace.shared.Problems();
    String currency =
        entity.values("currency").isEmpty()
            ? null
            : problems.value(
                () -> currency(entity.values("currency").get(0), fieldPrefix + "currency"));
    for (Statement statement : entity.statements()) {
      String field = fieldPrefix + statement.property();
      if (problems.refused(field)) {
        continue;
      }
      problems.check(
          () -> {
            normalised(entity.schema(), statement.property(), statement.value(), currency, field);
            onEntry(statement.property(), statement.value(), field);
          });
    }
    problems.throwIfAny();
  }

  /**
   * The checks a value must pass when it is entered, beyond those that make it an identifier: dates
   * are real calendar dates and not in the future, phones are digits, e-mails have a domain.
   * Matching reads stored and imported values as they are; this only refuses new bad ones.
   */
  private static void onEntry(String property, String value, String field) {
    if (value == null || value.isBlank()) {
      return;
    }
    switch (property) {
      case "birthDate", "buildDate" -> date(value.strip(), field);
      case "phone" -> phone(value.strip(), field);
      case "email" -> email(value.strip(), field);
      default -> {}
    }
  }

  /** A date given to the year, the month or the day, in ISO order; never after today. */
  static void date(String value, String field) {
    var shape = DATE.matcher(value);
    if (!shape.matches()) {
      throw new InvalidRequest(
          field, "'" + value + "' is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY");
    }
    int year = Integer.parseInt(shape.group(1));
    LocalDate earliest;
    try {
      if (shape.group(3) != null) {
        earliest =
            LocalDate.of(year, Integer.parseInt(shape.group(2)), Integer.parseInt(shape.group(3)));
      } else if (shape.group(2) != null) {
        earliest = java.time.YearMonth.of(year, Integer.parseInt(shape.group(2))).atDay(1);
      } else {
        earliest = LocalDate.of(year, 1, 1);
      }
    } catch (java.time.DateTimeException noSuchDay) {
      throw new InvalidRequest(field, "'" + value + "' is not a day of the calendar");
    }
    if (year < 1800) {
      throw new InvalidRequest(field, "'" + value + "' is before 1800");
    }
    // A day ahead of UTC, so a date entered just after midnight east of Greenwich is accepted.
    if (earliest.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
      throw new InvalidRequest(field, "'" + value + "' is in the future");
    }
  }

  /** A phone number as people write one: digits with spaces, dashes, dots, brackets and a +. */
  static void phone(String value, String field) {
    int digits = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (" -./()".indexOf(c) < 0 && !(c == '+' && i == 0)) {
        throw new InvalidRequest(
            field,
            "'" + value + "' is not a phone number: digits only, with + and the country code");
      }
    }
    if (digits < 6 || digits > 15) {
      throw new InvalidRequest(
          field, "'" + value + "' has " + digits + " digits; a phone number has 6 to 15");
    }
  }

  /** An e-mail address: a name, one @ and a domain with a dot in it. */
  static void email(String value, String field) {
    String address =
        value.regionMatches(true, 0, "mailto:", 0, "mailto:".length())
            ? value.substring("mailto:".length())
            : value;
    if (!EMAIL.matcher(address).matches()) {
      throw new InvalidRequest(
          field, "'" + value + "' is not an e-mail address: write it as name@domain.example");
    }
  }

  /**
   * The normalised form of one value; values of properties that are not identifiers come back
   * unchanged. Refuses a malformed identifier with an {@link InvalidRequest} naming {@code field}.
   */
  static String normalised(
      Schema schema, String property, String value, String currency, String field) {
    return switch (schema.label() + "." + property) {
      case "Vehicle.registrationNumber" -> plate(value, field);
      case "Vehicle.vin" -> vin(value, field);
      case "Vessel.imoNumber" -> imo(value, field);
      case "Vessel.mmsi" -> mmsi(value, field);
      case "Vessel.callSign" -> callSign(value, field);
      case "BankAccount.iban" -> iban(value, field);
      case "BankAccount.bic" -> bic(value, field);
      case "BankAccount.accountNumber" -> account(value, field);
      case "CryptoWallet.publicKey" -> wallet(value, currency, field).key();
      case "CryptoWallet.currency" -> currency(value, field);
      case "Vehicle.country", "BankAccount.country", "Vessel.flag" -> country(value, field);
      default -> value;
    };
  }

  /** A number plate: upper case, without spaces, dashes or dots. */
  static String plate(String value, String field) {
    String plate = compact(value).replace(".", "");
    if (!PLATE.matcher(plate).matches()) {
      throw new InvalidRequest(
          field, "'" + value + "' is not a number plate (1-12 letters/digits)");
    }
    return plate;
  }

  /**
   * A vehicle identification number (ISO 3779, 17 characters without I, O or Q). Vehicles built for
   * North America (first character 1 to 5) carry a check digit in position 9 (49 CFR 565); it is
   * verified for them. Elsewhere position 9 is free and only the shape is checked.
   */
  static String vin(String value, String field) {
    String vin = compact(value);
    if (!VIN.matcher(vin).matches()) {
      throw new InvalidRequest(
          field, "'" + value + "' is not a VIN (17 letters and digits, no I, O or Q)");
    }
    char region = vin.charAt(0);
    if (region >= '1' && region <= '5' && vinCheckDigit(vin) != vin.charAt(8)) {
      throw new InvalidRequest(
          field,
          "VIN "
              + vin
              + " fails its check digit (position 9 should be "
              + vinCheckDigit(vin)
              + ")");
    }
    return vin;
  }

  private static char vinCheckDigit(String vin) {
    int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += vinValue(vin.charAt(i)) * weights[i];
    }
    int remainder = sum % 11;
    return remainder == 10 ? 'X' : (char) ('0' + remainder);
  }

  private static int vinValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    // A-H 1-8, J-R 1-9 (no O, Q), S-Z 2-9
    if (c <= 'H') {
      return c - 'A' + 1;
    }
    if (c <= 'R') {
      return c - 'J' + 1;
    }
    return c - 'S' + 2;
  }

  /** An IMO ship number, seven digits whose last is a weighted check digit ("IMO " is dropped). */
  static String imo(String value, String field) {
    String imo = compact(value);
    if (imo.startsWith("IMO")) {
      imo = imo.substring(3);
    }
    if (!IMO.matcher(imo).matches()) {
      throw new InvalidRequest(field, "'" + value + "' is not an IMO number (IMO and 7 digits)");
    }
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (imo.charAt(i) - '0') * (7 - i);
    }
    if (sum % 10 != imo.charAt(6) - '0') {
      throw new InvalidRequest(
          field,
          "IMO " + imo + " fails its check digit (the last digit should be " + sum % 10 + ")");
    }
    return imo;
  }

  /** A Maritime Mobile Service Identity: nine digits, the first three (MID) from 2 to 7. */
  static String mmsi(String value, String field) {
    String mmsi = compact(value);
    if (!MMSI.matcher(mmsi).matches() || mmsi.charAt(0) < '2' || mmsi.charAt(0) > '7') {
      throw new InvalidRequest(
          field, "'" + value + "' is not a ship's MMSI (9 digits starting with 2 to 7)");
    }
    return mmsi;
  }

  static String callSign(String value, String field) {
    String sign = compact(value);
    if (!CALL_SIGN.matcher(sign).matches()) {
      throw new InvalidRequest(field, "'" + value + "' is not a call sign (3-7 letters/digits)");
    }
    return sign;
  }

  /** An IBAN (ISO 13616): country, two check digits, the account; mod-97 of the whole must be 1. */
  static String iban(String value, String field) {
    String iban = compact(value);
    if (!IBAN.matcher(iban).matches() || !COUNTRIES.contains(iban.substring(0, 2))) {
      throw new InvalidRequest(
          field, "'" + value + "' is not an IBAN (country code, 2 check digits, up to 30 more)");
    }
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    var digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    if (new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() != 1) {
      throw new InvalidRequest(field, "IBAN " + iban + " fails its mod-97 check digits");
    }
    return iban;
  }

  /** A SWIFT/BIC code (ISO 9362): bank, country, location and an optional branch. */
  static String bic(String value, String field) {
    String bic = compact(value);
    var matcher = BIC.matcher(bic);
    if (!matcher.matches() || !COUNTRIES.contains(matcher.group(1))) {
      throw new InvalidRequest(
          field, "'" + value + "' is not a BIC (4 letters, a country code, 2 characters, branch)");
    }
    return bic.length() == 11 && bic.endsWith("XXX") ? bic.substring(0, 8) : bic;
  }

  static String account(String value, String field) {
    String account = compact(value).replace(".", "").replace("/", "");
    if (!ACCOUNT.matcher(account).matches()) {
      throw new InvalidRequest(
          field, "'" + value + "' is not an account number (4-34 letters and digits)");
    }
    return account;
  }

  /** An ISO 4217 currency or one of the crypto-currencies PressTrace checks addresses for. */
  static String currency(String value, String field) {
    String code = compact(value);
    for (Chain chain : Chain.values()) {
      if (chain.currencies.contains(code)) {
        return code;
      }
    }
    throw new InvalidRequest(
        field,
        "'" + value + "' is not a crypto-currency PressTrace knows (BTC, ETH, TRX, USDT...)");
  }

  private static String country(String value, String field) {
    if (Countries.alpha2(value).isEmpty()) {
      throw new InvalidRequest(field, "'" + value + "' is not a country");
    }
    return Countries.alpha2(value);
  }

  /** A wallet address and the chain it belongs to. */
  record Wallet(Chain chain, String address) {
    String key() {
      return chain.name().toLowerCase(Locale.ROOT) + ":" + address;
    }
  }

  /**
   * A wallet address: Bitcoin (Base58Check P2PKH/P2SH or bech32 {@code bc1}), Ethereum ({@code 0x}
   * and 40 hex digits; mixed case must pass its EIP-55 checksum) or TRON (Base58Check starting with
   * {@code T}). When a currency is stated, the address must be on a chain that carries it.
   */
  static Wallet wallet(String value, String currency, String field) {
    String address = value.strip();
    Wallet wallet = walletOrNull(address, field);
    if (wallet == null) {
      throw new InvalidRequest(
          field, "'" + value + "' is not a Bitcoin, Ethereum or TRON wallet address");
    }
    if (currency != null && !wallet.chain().currencies.contains(currency)) {
      throw new InvalidRequest(
          field, "'" + value + "' is a " + wallet.chain() + " address, not a " + currency + " one");
    }
    return wallet;
  }

  /** The chain and canonical address, or {@code null} when it is none of the known shapes. */
  static Wallet walletOrNull(String address, String field) {
    if (ETH.matcher(address).matches()) {
      String hex = address.substring(2);
      boolean mixed =
          !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
      if (mixed && !eip55(hex)) {
        throw new InvalidRequest(
            field, "Ethereum address " + address + " fails its EIP-55 checksum");
      }
      return new Wallet(Chain.ETH, "0x" + hex.toLowerCase(Locale.ROOT));
    }
    String lower = address.toLowerCase(Locale.ROOT);
    if (lower.startsWith("bc1")
        && (address.equals(lower) || address.equals(address.toUpperCase(Locale.ROOT)))) {
      if (!BECH32.matcher(lower).matches() || !bech32Valid(lower)) {
        throw new InvalidRequest(
            field, "Bitcoin address " + address + " fails its bech32 checksum");
      }
      return new Wallet(Chain.BTC, lower);
    }
    byte[] decoded = base58Check(address);
    if (decoded == null) {
      if (address.length() >= 26
          && address.length() <= 35
          && isBase58(address)
          && (address.charAt(0) == '1' || address.charAt(0) == '3' || address.charAt(0) == 'T')) {
        throw new InvalidRequest(
            field, "wallet address " + address + " fails its Base58Check checksum");
      }
      return null;
    }
    if (decoded.length == 21 && (decoded[0] == 0x00 || decoded[0] == 0x05)) {
      return new Wallet(Chain.BTC, address);
    }
    if (decoded.length == 21 && decoded[0] == 0x41) {
      return new Wallet(Chain.TRON, address);
    }
    return null;
  }

  private static boolean eip55(String hex) {
    byte[] hash =
        new Keccak.Digest256()
            .digest(hex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 40; i++) {
      char c = hex.charAt(i);
      if (Character.isLetter(c)) {
        int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
        if ((nibble >= 8) != Character.isUpperCase(c)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isBase58(String text) {
    return text.chars().allMatch(c -> BASE58.indexOf(c) >= 0);
  }

  /** The payload of a Base58Check string (without its 4-byte checksum), or null. */
  private static byte[] base58Check(String text) {
    if (text.isEmpty() || text.length() > 60 || !isBase58(text)) {
      return null;
    }
    BigInteger number = BigInteger.ZERO;
    for (char c : text.toCharArray()) {
      number = number.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(BASE58.indexOf(c)));
    }
    byte[] raw = number.toByteArray();
    int strip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] bytes = new byte[zeros + raw.length - strip];
    System.arraycopy(raw, strip, bytes, zeros, raw.length - strip);
    if (bytes.length < 5) {
      return null;
    }
    byte[] payload = Arrays.copyOf(bytes, bytes.length - 4);
    byte[] check = sha256(sha256(payload));
    for (int i = 0; i < 4; i++) {
      if (check[i] != bytes[payload.length + i]) {
        return null;
      }
    }
    return payload;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
    }
  }

  /**
   * BIP 173 / BIP 350: the polymod of the human part and data must be 1 (bech32) or the bech32m
   * constant.
   */
  private static boolean bech32Valid(String address) {
    int separator = address.lastIndexOf('1');
    String human = address.substring(0, separator);
    String data = address.substring(separator + 1);
    int[] values = new int[human.length() * 2 + 1 + data.length()];
    int n = 0;
    for (char c : human.toCharArray()) {
      values[n++] = c >> 5;
    }
    values[n++] = 0;
    for (char c : human.toCharArray()) {
      values[n++] = c & 31;
    }
    for (char c : data.toCharArray()) {
      values[n++] = BECH32_CHARS.indexOf(c);
    }
    int polymod = polymod(values);
    int version = BECH32_CHARS.indexOf(data.charAt(0));
    return version == 0 ? polymod == 1 : polymod == 0x2bc830a3;
  }

  private static int polymod(int[] values) {
    int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int check = 1;
    for (int value : values) {
      int top = check >>> 25;
      check = (check & 0x1ffffff) << 5 ^ value;
      for (int i = 0; i < 5; i++) {
        if (((top >>> i) & 1) == 1) {
          check ^= generator[i];
        }
      }
    }
    return check;
  }

  /**
   * The identifiers of an asset that single it out, each prefixed with its kind: {@code vin:},
   * {@code imo:}, {@code mmsi:}, {@code plate:CC:} (a plate only counts with its country), {@code
   * iban:}, {@code account:BIC:} (an account number only counts with its bank) and {@code
   * wallet:chain:}. Values that fail their check are left out.
   */
  static Set<String> exact(Entity entity) {
    var exact = new java.util.LinkedHashSet<String>();
    Schema schema = entity.schema();
    String country = first(entity, schema == Schema.VEHICLE ? "country" : "flag");
    for (String vin : valid(entity, "vin")) {
      exact.add("vin:" + vin);
    }
    for (String plate : valid(entity, "registrationNumber")) {
      if (schema == Schema.VEHICLE && !country.isEmpty()) {
        exact.add("plate:" + country + ":" + plate);
      }
    }
    valid(entity, "imoNumber").forEach(imo -> exact.add("imo:" + imo));
    valid(entity, "mmsi").forEach(mmsi -> exact.add("mmsi:" + mmsi));
    valid(entity, "iban").forEach(iban -> exact.add("iban:" + iban));
    String bic = first(entity, "bic");
    for (String account : valid(entity, "accountNumber")) {
      if (!bic.isEmpty()) {
        exact.add("account:" + bic + ":" + account);
      }
    }
    valid(entity, "publicKey").forEach(key -> exact.add("wallet:" + key));
    return exact;
  }

  /**
   * The checked, normalised values of {@code property}; those that fail their check are skipped.
   */
  static java.util.List<String> valid(Entity entity, String property) {
    if (!entity.schema().properties().contains(property)) {
      return java.util.List.of();
    }
    var values = new java.util.ArrayList<String>();
    for (String value : entity.values(property)) {
      try {
        values.add(normalised(entity.schema(), property, value, null, property));
      } catch (InvalidRequest invalid) {
        // a stored or imported value that fails its check identifies nothing
      }
    }
    return values;
  }

  private static String first(Entity entity, String property) {
    var values = valid(entity, property);
    return values.isEmpty() ? "" : values.get(0);
  }

  private static String compact(String value) {
    return value.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
  }
}
