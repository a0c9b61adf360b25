package org.presstrace.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.ValidIdentifiers;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Entering each kind of subject from the page: the kind chosen first and its own fields in plain
 * words, each bad identifier shown beside its field with the values kept and nothing stored, the
 * identifying fields on the subject page and in the list, and a VIN shared by two agencies raising
 * the pointer alert from the page.
 */
@PressTraceIntegrationTest
class SubjectKindPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  World world;
  String dea;
  String cbp;
  PageUser deaAgent;
  PageUser cbpAgent;
  long seed;

  @BeforeEach
  void agencies() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    deaAgent = new PageUser(mvc, world.user("dea-agent", dea, Role.INVESTIGATOR), "INVESTIGATOR");
    cbpAgent = new PageUser(mvc, world.user("cbp-agent", cbp, Role.INVESTIGATOR), "INVESTIGATOR");
    seed = Math.floorMod(world.suffix().hashCode(), 900_000) + 100_000;
  }

  @Test
  void theFormOffersEveryKindAndShowsTheFieldsOfTheKindChosen() throws Exception {
    String person = deaAgent.page("/resolution/subjects/new");
    assertThat(person)
        .contains(">Person<", ">Company<", ">Vehicle<", ">Vessel<", ">Crypto wallet<")
        .contains(">Bank account<")
        .contains("id=\"birthDate\"", "Date of birth")
        .doesNotContain("id=\"imoNumber\"");

    String vessel = deaAgent.page("/resolution/subjects/new?schema=Vessel");
    assertThat(vessel)
        .contains("<option value=\"Vessel\" selected=\"selected\">Vessel</option>")
        .contains("name=\"schema\" value=\"Vessel\"")
        .contains("id=\"imoNumber\"", ">IMO number<", ">MMSI<", ">Call sign<", ">Flag<")
        .doesNotContain("id=\"birthDate\"", "id=\"iban\"", ">imoNumber<");
    assertThat(deaAgent.page("/resolution/subjects/new?schema=CryptoWallet"))
        .contains("id=\"publicKey\"", ">Wallet address<", ">Exchange holding it<");
    assertThat(deaAgent.page("/resolution/subjects/new?schema=bankaccount"))
        .contains("id=\"iban\"", ">BIC (SWIFT code)<", ">Bank<");
    assertThat(deaAgent.page("/resolution/subjects/new?schema=Vehicle"))
        .contains("id=\"vin\"", ">Number plate<", ">VIN (vehicle identification number)<");
  }

  @Test
  void eachKindIsEnteredAndShownByItsIdentifyingFields() throws Exception {
    String reference = "KINDS-" + world.suffix();
    String imo = ValidIdentifiers.imo(seed);
    String iban = ValidIdentifiers.iban(seed);
    String wallet = ethereum(seed);
    String vin = vin(seed);
    Map<String, Map<String, String>> kinds =
        Map.of(
            "Person",
            Map.of(
                "name", "Lena Okafor " + seed, "birthDate", "1979-11-02", "idNumber", "P" + seed),
            "Company",
            Map.of("name", "Okafor Freight " + seed, "registrationNumber", "RC" + seed),
            "Vehicle",
            Map.of("registrationNumber", "7PT" + seed, "vin", vin, "country", "US"),
            "Vessel",
            Map.of("name", "Hai Xing " + seed, "imoNumber", "IMO " + imo, "flag", "Panama"),
            "CryptoWallet",
            Map.of("publicKey", wallet, "currency", "USDT", "managingExchange", "Binance"),
            "BankAccount",
            Map.of("iban", iban, "bic", "WESTGB2L", "bankName", "Westminster"));
    for (var kind : kinds.entrySet()) {
      var form = new HashMap<>(kind.getValue());
      form.put("schema", kind.getKey());
      form.put("caseReference", reference);
      form.put("contact", "SA Rivera");
      form.put("tlp", "AMBER");
      form.put("cuiCategory", "LEI");
      MockHttpServletResponse entered = deaAgent.post("/resolution/subjects/new", form);
      assertThat(entered.getContentAsString()).as(kind.getKey()).contains("Subject entered");
    }

    String vessels = deaAgent.page("/resolution/subjects?schema=Vessel&q=" + reference);
    assertThat(vessels)
        .contains("1</span> subjects you may read")
        .contains("Hai Xing " + seed)
        .contains(">IMO number<", "IMO " + imo, ">Flag<", "Panama");
    String all = deaAgent.page("/resolution/subjects?q=" + reference);
    assertThat(all)
        .contains("6</span> subjects you may read")
        .contains(">Crypto wallet<", ">Bank account<")
        .contains(">VIN (vehicle identification number)<", vin)
        .contains("7PT" + seed, ">Country of registration<")
        .contains(">BIC (SWIFT code)<", "WESTGB2L")
        .contains(">Currency<", "USDT")
        .contains(">Company registration number<", "RC" + seed)
        .contains(">Date of birth<", "1979-11-02");

    String account = deaAgent.page("/resolution/subjects/" + idOf(all, iban));
    assertThat(account)
        .contains("<dt>Kind</dt><dd>Bank account</dd>")
        .contains("<dt>IBAN</dt><dd class=\"identifier\">" + iban + "</dd>")
        .contains("<dt>BIC (SWIFT code)</dt><dd class=\"identifier\">WESTGB2L</dd>")
        .contains("<code class=\"hint\">bic</code>");
    assertThat(deaAgent.page("/resolution/subjects/" + idOf(all, wallet)))
        .contains("<dt>Wallet address</dt><dd class=\"identifier\">" + wallet + "</dd>")
        .contains("<dt>Exchange holding it</dt><dd class=\"identifier\">Binance</dd>");
  }

  @Test
  void eachBadIdentifierIsShownBesideItsFieldWithTheValuesKeptAndNothingStored() throws Exception {
    long before = subjects();
    String page =
        expectError(
            vessel("imoNumber", "IMO 9074730"), "imoNumber", "IMO 9074730 fails its check digit");
    assertThat(page)
        .as("the vessel's form again, with what was typed")
        .contains("value=\"Hai Xing " + seed + "\"", "value=\"IMO 9074730\"", "value=\"KIND-ERR\"")
        .contains("name=\"schema\" value=\"Vessel\"")
        .doesNotContain("id=\"birthDate\"");
    expectError(vessel("mmsi", "12345"), "mmsi", "is not a ship's MMSI");
    expectError(vessel("flag", "Atlantis"), "flag", "'Atlantis' is not a country");
    expectError(
        vessel("name", "", "type", "bulk carrier"),
        "name",
        "A vessel needs a name, an IMO number, an MMSI or a call sign");
    expectError(
        asset("Vehicle", "vin", "1M8GDM9A1KP042788"), "vin", "VIN 1M8GDM9A1KP042788 fails its");
    expectError(asset("Vehicle", "vin", "WVWZZZ1JZXW00000I"), "vin", "is not a VIN");
    expectError(
        asset("BankAccount", "iban", "GB82 WEST 1234 5698 7654 33"),
        "iban",
        "fails its mod-97 check digits");
    expectError(
        asset("BankAccount", "iban", ValidIdentifiers.iban(seed), "bic", "WEST12"),
        "bic",
        "is not a BIC");
    expectError(
        asset("CryptoWallet", "publicKey", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"),
        "publicKey",
        "fails its Base58Check checksum");
    expectError(
        asset("CryptoWallet", "publicKey", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "currency", "BTC"),
        "publicKey",
        "is a TRON address, not a BTC one");
    expectError(asset("CryptoWallet", "currency", "BTC"), "publicKey", "needs its address");
    assertThat(subjects()).isEqualTo(before);
  }

  @Test
  void anUnknownKindIsRefusedBesideTheKindChooserAndNothingIsStored() throws Exception {
    long before = subjects();
    String asked = deaAgent.page("/resolution/subjects/new?schema=Spaceship");
    assertThat(asked)
        .contains("id=\"schema-error\"")
        .contains("not &#39;Spaceship&#39;")
        .contains("Choose a kind of subject")
        .doesNotContain("name=\"caseReference\"");
    expectError(asset("Spaceship", "name", "Enterprise"), "schema", "schema must be Person");
    expectError(asset("", "name", "Enterprise"), "schema", "schema must be Person");
    expectError(vessel("birthDate", "1980-03-04"), "form", "Vessel has no property 'birthDate'");
    assertThat(subjects()).isEqualTo(before);
  }

  @Test
  void aVinEnteredByTwoAgenciesOnThePageGivesEachAPointerAndNothingElse() throws Exception {
    String vin = vin(seed);
    var held =
        asset("Vehicle", "vin", vin, "registrationNumber", "7PT" + seed, "model", "Cascadia");
    held.put("caseReference", "DEA-TRUCK-" + seed);
    held.put("contact", "SA Rivera, +1 202 555 0142");
    held.put("source", "DEA-6 report 301");
    String deaPage = deaAgent.post("/resolution/subjects/new", held).getContentAsString();
    assertThat(deaPage).contains("Subject entered").contains("id=\"no-pointer\"");

    var entered = asset("Vehicle", "vin", vin.toLowerCase(Locale.ROOT), "name", "white tractor");
    entered.put("caseReference", "CBP-TRUCK-" + seed);
    entered.put("contact", "CBP Officer Chen, Laredo");
    String page = cbpAgent.post("/resolution/subjects/new", entered).getContentAsString();

    assertThat(page)
        .contains("Pointer alert raised")
        .contains(dea)
        .contains("DEA-TRUCK-" + seed)
        .contains("SA Rivera, +1 202 555 0142")
        .doesNotContain("Cascadia")
        .doesNotContain("7PT" + seed)
        .doesNotContain("DEA-6 report 301");
    assertThat(deaAgent.page("/resolution/alerts"))
        .contains("CBP-TRUCK-" + seed)
        .contains("CBP Officer Chen, Laredo")
        .doesNotContain("white tractor");
  }

  private String expectError(Map<String, String> form, String field, String message)
      throws Exception {
    MockHttpServletResponse response = deaAgent.post("/resolution/subjects/new", form);
    String page = response.getContentAsString();
    assertThat(response.getStatus()).as(page).isEqualTo(200);
    assertThat(page)
        .as(field)
        .contains("id=\"" + field + "-error\"")
        .contains(message.replace("'", "&#39;"));
    assertThat(page).as(field).doesNotContain("Subject entered");
    return page;
  }

  private Map<String, String> vessel(String... pairs) {
    var form = asset("Vessel", "name", "Hai Xing " + seed);
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private static Map<String, String> asset(String schema, String... pairs) {
    var form = new HashMap<String, String>();
    form.put("schema", schema);
    form.put("caseReference", "KIND-ERR");
    form.put("contact", "SA Rivera");
    form.put("tlp", "AMBER");
    form.put("cuiCategory", "LEI");
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  /** A VIN of a vehicle built outside North America: its shape is checked, no check digit. */
  private static String vin(long seed) {
    return "WVWZZZ1JZXW" + String.format(Locale.ROOT, "%06d", seed % 1_000_000);
  }

  /** An all-lower-case Ethereum address (no EIP-55 mixed case to verify). */
  private static String ethereum(long seed) {
    return "0x" + String.format(Locale.ROOT, "%040x", seed * 7919);
  }

  /** The id of the listed subject whose row shows {@code value}. */
  private static String idOf(String listPage, String value) {
    String before = listPage.substring(0, listPage.indexOf(value));
    var matcher =
        java.util.regex.Pattern.compile("href=\"/resolution/subjects/([0-9a-f-]{36})\"")
            .matcher(before);
    String id = null;
    while (matcher.find()) {
      id = matcher.group(1);
    }
    assertThat(id).as(value).isNotNull();
    return id;
  }

  private long subjects() {
    return jdbc.sql("SELECT COUNT(*) FROM resolution_entity").query(Long.class).single();
  }
}
