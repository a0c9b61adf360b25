package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.ResolutionIndex;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.InvalidRequest;

class IdentifiersTests {

  @Test
  void enteredDatesAreDaysOfTheCalendarAndNotInTheFuture() {
    Identifiers.date("1985", "birthDate");
    Identifiers.date("1985-03", "birthDate");
    Identifiers.date("2024-02-29", "birthDate");
    assertRefused(() -> Identifiers.date("1985-13-40", "birthDate"), "birthDate", "calendar");
    assertRefused(() -> Identifiers.date("2023-02-29", "birthDate"), "birthDate", "calendar");
    assertRefused(() -> Identifiers.date("1985-00", "birthDate"), "birthDate", "calendar");
    assertRefused(() -> Identifiers.date("85-03-04", "birthDate"), "birthDate", "YYYY-MM-DD");
    assertRefused(() -> Identifiers.date("1985-3-4", "birthDate"), "birthDate", "YYYY-MM-DD");
    assertRefused(() -> Identifiers.date("１９８５", "birthDate"), "birthDate", "YYYY-MM-DD");
    assertRefused(() -> Identifiers.date("1799-12-31", "birthDate"), "birthDate", "before 1800");
    assertRefused(
        () -> Identifiers.date(java.time.LocalDate.now().plusDays(3).toString(), "birthDate"),
        "birthDate",
        "future");
  }

  @Test
  void enteredPhonesAreDigitsAsPeopleWriteThem() {
    Identifiers.phone("+86 138 0571 2246", "phone");
    Identifiers.phone("(202) 555-0142", "phone");
    Identifiers.phone("0052.664.555.0187", "phone");
    assertRefused(() -> Identifiers.phone("not-a-phone", "phone"), "phone", "not a phone");
    assertRefused(() -> Identifiers.phone("555 0142 ext 3", "phone"), "phone", "not a phone");
    assertRefused(() -> Identifiers.phone("86+1380571", "phone"), "phone", "not a phone");
    assertRefused(() -> Identifiers.phone("12345", "phone"), "phone", "6 to 15");
    assertRefused(() -> Identifiers.phone("1234567890123456", "phone"), "phone", "6 to 15");
    assertRefused(() -> Identifiers.phone("١٢٣٤٥٦٧٨", "phone"), "phone", "not a phone");
  }

  @Test
  void enteredEmailsHaveANameAndADomain() {
    Identifiers.email("zhao.min@example.cn", "email");
    Identifiers.email("mailto:Sales@Yuanhang-Chem.example.cn", "email");
    assertRefused(() -> Identifiers.email("zhaomin@", "email"), "email", "not an e-mail");
    assertRefused(() -> Identifiers.email("@example.cn", "email"), "email", "not an e-mail");
    assertRefused(() -> Identifiers.email("zhaomin@example", "email"), "email", "not an e-mail");
    assertRefused(() -> Identifiers.email("zhao min@example.cn", "email"), "email", "not an e");
    assertRefused(() -> Identifiers.email("a@b@example.cn", "email"), "email", "not an e-mail");
    assertRefused(() -> Identifiers.email("zhaomin@example..cn", "email"), "email", "not an e");
  }

  @Test
  void imoNumbersCarryACheckDigit() {
    assertThat(Identifiers.imo("IMO 9074729", "f")).isEqualTo("9074729");
    assertThat(Identifiers.imo("9321483", "f")).isEqualTo("9321483");
    assertRefused(() -> Identifiers.imo("IMO 9074728", "imoNumber"), "imoNumber", "should be 9");
    assertRefused(() -> Identifiers.imo("907472", "imoNumber"), "imoNumber", "7 digits");
  }

  @Test
  void ibansPassMod97() {
    assertThat(Identifiers.iban("GB82 WEST 1234 5698 7654 32", "f"))
        .isEqualTo("GB82WEST12345698765432");
    assertThat(Identifiers.iban("de89 3704 0044 0532 0130 00", "f"))
        .isEqualTo("DE89370400440532013000");
    assertThat(Identifiers.iban("FR14 2004 1010 0505 0001 3M02 606", "f"))
        .isEqualTo("FR1420041010050500013M02606");
    assertRefused(() -> Identifiers.iban("GB82WEST12345698765433", "iban"), "iban", "mod-97");
    assertRefused(() -> Identifiers.iban("ZZ82WEST12345698765432", "iban"), "iban", "not an IBAN");
    assertRefused(() -> Identifiers.iban("GB82", "iban"), "iban", "not an IBAN");
  }

  @Test
  void northAmericanVinsCarryACheckDigitOthersOnlyAShape() {
    assertThat(Identifiers.vin("1M8GDM9AXKP042788", "f")).isEqualTo("1M8GDM9AXKP042788");
    assertThat(Identifiers.vin("1hgcm82633a004352", "f")).isEqualTo("1HGCM82633A004352");
    assertThat(Identifiers.vin("WVWZZZ1JZXW000001", "f"))
        .as("European VINs have no check digit")
        .isEqualTo("WVWZZZ1JZXW000001");
    assertRefused(() -> Identifiers.vin("1M8GDM9A1KP042788", "vin"), "vin", "should be X");
    assertRefused(() -> Identifiers.vin("1M8GDM9AIKP042788", "vin"), "vin", "no I, O or Q");
    assertRefused(() -> Identifiers.vin("1M8GDM9AXKP04278", "vin"), "vin", "17");
  }

  @Test
  void bicsHaveABankACountryAndAnOptionalBranch() {
    assertThat(Identifiers.bic("DEUTDEFF", "f")).isEqualTo("DEUTDEFF");
    assertThat(Identifiers.bic("deutdeff500", "f")).isEqualTo("DEUTDEFF500");
    assertThat(Identifiers.bic("BKCHCNBJXXX", "f")).as("primary office").isEqualTo("BKCHCNBJ");
    assertRefused(() -> Identifiers.bic("DEUT1234", "bic"), "bic", "not a BIC");
    assertRefused(() -> Identifiers.bic("DEUTXQFF", "bic"), "bic", "not a BIC");
  }

  @Test
  void vesselAndVehicleNumbers() {
    assertThat(Identifiers.mmsi("366 123 456", "f")).isEqualTo("366123456");
    assertRefused(() -> Identifiers.mmsi("123456789", "mmsi"), "mmsi", "MMSI");
    assertThat(Identifiers.callSign("wdc-6789", "f")).isEqualTo("WDC6789");
    assertThat(Identifiers.plate("7ABC 123", "f")).isEqualTo("7ABC123");
    assertRefused(
        () -> Identifiers.plate("!!", "registrationNumber"), "registrationNumber", "plate");
  }

  @Test
  void walletAddressesOfBitcoinEthereumAndTron() {
    assertThat(Identifiers.wallet("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", null, "f").key())
        .isEqualTo("btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    assertThat(Identifiers.wallet("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "BTC", "f").key())
        .startsWith("btc:");
    assertThat(Identifiers.wallet("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", "BTC", "f").key())
        .isEqualTo("btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    assertThat(Identifiers.wallet("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "ETH", "f").key())
        .isEqualTo("eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    assertThat(Identifiers.wallet("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "USDT", "f").key())
        .isEqualTo("tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");

    assertRefused(
        () -> Identifiers.wallet("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", null, "publicKey"),
        "publicKey",
        "Base58Check");
    assertRefused(
        () -> Identifiers.wallet("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", null, "publicKey"),
        "publicKey",
        "EIP-55");
    assertRefused(
        () -> Identifiers.wallet("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr", null, "publicKey"),
        "publicKey",
        "bech32");
    assertRefused(
        () -> Identifiers.wallet("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", null, "publicKey"),
        "publicKey",
        "Base58Check");
    assertRefused(
        () -> Identifiers.wallet("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "ETH", "publicKey"),
        "publicKey",
        "not a ETH one");
    assertRefused(
        () -> Identifiers.wallet("hello", null, "publicKey"), "publicKey", "not a Bitcoin");
    assertRefused(() -> Identifiers.currency("EUR", "currency"), "currency", "crypto-currency");
  }

  @Test
  void anEntityIsCheckedFieldByField() {
    Entity vessel =
        Entity.of("v", Schema.VESSEL).with("name", "Ever Bright").with("imoNumber", "IMO 1234568");
    assertRefused(() -> Identifiers.check(vessel, "properties."), "properties.imoNumber", "IMO");
    Entity account = Entity.of("a", Schema.BANK_ACCOUNT).with("swiftBic", "nonsense");
    assertRefused(() -> Identifiers.check(account, "properties."), "properties.bic", "BIC");
  }

  @Test
  void sharedAssetIdentifiersAreExactAndScoreAsTheSameAsset() {
    Entity a =
        Entity.of("a", Schema.VESSEL).with("name", "Ever Bright").with("imoNumber", "IMO 9074729");
    Entity b =
        Entity.of("b", Schema.VESSEL).with("name", "EVER BRIGHT").with("imoNumber", "9074729");
    Entity other =
        Entity.of("c", Schema.VESSEL).with("name", "Ever Bright").with("imoNumber", "9321483");
    assertThat(ResolutionIndex.exactIdentifiers(a)).containsExactly("imo:9074729");
    var index = new ResolutionIndex(MatchOptions.DEFAULTS);
    index.add(a);
    Match found = index.add(b).get(0);
    assertThat(found.band()).isEqualTo(MatchBand.LINK);
    assertThat(found.explanation()).contains("imoNumber");
    assertThat(index.add(other))
        .as("the same name with another IMO number is another ship")
        .isEmpty();

    Entity plate =
        Entity.of("p", Schema.VEHICLE).with("registrationNumber", "7ABC 123").with("country", "US");
    Entity plateAbroad =
        Entity.of("q", Schema.VEHICLE).with("registrationNumber", "7ABC123").with("country", "MX");
    Entity plateNoCountry = Entity.of("r", Schema.VEHICLE).with("registrationNumber", "7ABC123");
    assertThat(ResolutionIndex.exactIdentifiers(plate)).containsExactly("plate:US:7ABC123");
    assertThat(ResolutionIndex.exactIdentifiers(plateAbroad)).containsExactly("plate:MX:7ABC123");
    assertThat(ResolutionIndex.exactIdentifiers(plateNoCountry))
        .as("a plate without its country identifies nothing")
        .isEmpty();
    assertThat(
            ResolutionIndex.exactIdentifiers(
                Entity.of("w", Schema.CRYPTO_WALLET)
                    .with("publicKey", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")))
        .containsExactly("wallet:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    assertThat(
            ResolutionIndex.exactIdentifiers(
                Entity.of("k", Schema.BANK_ACCOUNT)
                    .with("iban", "GB82 WEST 1234 5698 7654 32")
                    .with("accountNumber", "98765432")
                    .with("bic", "WESTGB2L")))
        .containsExactly("iban:GB82WEST12345698765432", "account:WESTGB2L:98765432");
  }

  private static void assertRefused(Runnable action, String field, String message) {
    assertThatThrownBy(action::run)
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo(field));
  }
}
