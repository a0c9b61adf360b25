package org.presstrace.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.ValidIdentifiers;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vehicles, vessels, bank accounts and wallets as case subjects: an identifier shared across two
 * agencies raises the same pointer alert as a shared phone, and bad identifiers are refused.
 */
@PressTraceIntegrationTest
class AssetSubjectsIntegrationTests {

  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired JdbcClient jdbc;

  World world;
  String dea;
  AccessContext deaAgent;
  AccessContext cbpAgent;
  AccessContext deaColleague;
  long seed;

  @BeforeEach
  void agencies() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    deaAgent = world.as(world.user("dea-agent", dea, Role.INVESTIGATOR), Channel.API);
    deaColleague = world.as(world.user("dea-colleague", dea, Role.ANALYST), Channel.API);
    cbpAgent = world.as(world.user("cbp-agent", cbp, Role.INVESTIGATOR), Channel.API);
    seed = Math.floorMod(world.suffix().hashCode(), 900_000) + 100_000;
  }

  @Test
  void aSharedImoNumberGivesBothAgenciesAPointer() {
    assertPointer(
        Schema.VESSEL,
        Map.of(
            "name",
            List.of("Hai Xing 8"),
            "imoNumber",
            List.of("IMO " + ValidIdentifiers.imo(seed))),
        Map.of("name", List.of("Sea Star"), "imoNumber", List.of(ValidIdentifiers.imo(seed))));
  }

  @Test
  void aSharedPlateWithItsCountryGivesAPointerAndWithoutItNone() {
    String plate = "7PT" + seed;
    assertPointer(
        Schema.VEHICLE,
        Map.of("registrationNumber", List.of(plate), "country", List.of("US")),
        Map.of(
            "registrationNumber",
            List.of(plate.substring(0, 3) + " " + plate.substring(3)),
            "country",
            List.of("United States")));
    Submission abroad =
        subjects.submit(
            cbpAgent,
            draft(
                Schema.VEHICLE,
                Map.of("registrationNumber", List.of(plate), "country", List.of("MX")),
                "CBP-2"));
    assertThat(ours(abroad.alerts())).as("the same plate in Mexico is another car").isEmpty();
  }

  @Test
  void aSharedVinIbanOrWalletGivesAPointer() {
    String vin = "WVWZZZ1JZXW" + seed;
    assertPointer(
        Schema.VEHICLE,
        Map.of("vin", List.of(vin), "model", List.of("Golf")),
        Map.of("vin", List.of(vin.toLowerCase(Locale.ROOT))));
    String iban = ValidIdentifiers.iban(seed);
    assertPointer(
        Schema.BANK_ACCOUNT,
        Map.of("iban", List.of(iban), "bankName", List.of("Westminster")),
        Map.of("iban", List.of(iban.replaceAll("(.{4})", "$1 ").strip())));
    String wallet = "0x" + String.format(Locale.ROOT, "%040x", seed * 7919);
    assertPointer(
        Schema.CRYPTO_WALLET,
        Map.of("publicKey", List.of(wallet), "currency", List.of("USDT")),
        Map.of("publicKey", List.of(wallet.toUpperCase(Locale.ROOT).replace("0X", "0x"))));
  }

  @Test
  void badIdentifiersAreRefusedByFieldAndNothingIsStored() {
    long before = jdbc.sql("SELECT COUNT(*) FROM resolution_entity").query(Long.class).single();
    String bad =
        ValidIdentifiers.imo(seed).substring(0, 6)
            + ((ValidIdentifiers.imo(seed).charAt(6) - '0' + 1) % 10);
    assertRefused(Schema.VESSEL, Map.of("imoNumber", List.of(bad)), "properties.imoNumber");
    assertRefused(
        Schema.BANK_ACCOUNT, Map.of("iban", List.of("GB82WEST12345698765433")), "properties.iban");
    assertRefused(
        Schema.BANK_ACCOUNT,
        Map.of("iban", List.of(ValidIdentifiers.iban(seed)), "swiftBic", List.of("WEST12")),
        "properties.bic");
    assertRefused(Schema.VEHICLE, Map.of("vin", List.of("1M8GDM9A1KP042788")), "properties.vin");
    assertRefused(
        Schema.CRYPTO_WALLET,
        Map.of(
            "publicKey", List.of("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"), "currency", List.of("BTC")),
        "properties.publicKey");
    assertRefused(Schema.CRYPTO_WALLET, Map.of("currency", List.of("BTC")), "properties.publicKey");
    assertRefused(
        Schema.VESSEL,
        Map.of("flag", List.of("Atlantis"), "name", List.of("X")),
        "properties.flag");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM resolution_entity").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void anAssetWithoutANameIsLabelledByItsIdentifier() {
    String iban = ValidIdentifiers.iban(seed + 1);
    Submission stored =
        subjects.submit(deaAgent, draft(Schema.BANK_ACCOUNT, Map.of("iban", List.of(iban)), "D"));
    assertThat(stored.subject().label()).isEqualTo(iban);
    assertThat(stored.subject().schema()).isEqualTo(Schema.BANK_ACCOUNT);
    assertThat(subjects.get(deaColleague, stored.subject().id()).schema())
        .isEqualTo(Schema.BANK_ACCOUNT);
  }

  private void assertPointer(
      Schema schema, Map<String, List<String>> held, Map<String, List<String>> entered) {
    Submission first = subjects.submit(deaAgent, draft(schema, held, "DEA-" + schema.label()));
    Submission second = subjects.submit(cbpAgent, draft(schema, entered, "CBP-" + schema.label()));
    assertThat(ours(second.alerts()))
        .as("CBP is pointed to DEA for the shared %s", schema.label())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.otherAgency()).isEqualTo(dea);
              // DEA's subject is TLP:RED: CBP learns the conflict, never DEA's case.
              assertThat(alert.dutyContactOnly()).isTrue();
              assertThat(alert.otherCaseReference()).isNull();
              assertThat(alert.text()).doesNotContain("DEA-" + schema.label());
              assertThat(alert.ownRecordId()).isEqualTo(second.subject().id());
              assertThat(alert.toString()).doesNotContain(first.subject().id());
            });
    Submission same =
        subjects.submit(deaColleague, draft(schema, entered, "DEA-again-" + schema.label()));
    assertThat(ours(same.alerts()))
        .as("a DEA colleague is pointed to CBP, never to DEA's own record")
        .singleElement()
        .satisfies(alert -> assertThat(alert.otherAgency()).isNotEqualTo(dea));
  }

  private void assertRefused(Schema schema, Map<String, List<String>> properties, String field) {
    assertThatThrownBy(() -> subjects.submit(deaAgent, draft(schema, properties, "D-1")))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo(field));
  }

  private List<StoredAlert> ours(List<StoredAlert> alerts) {
    return alerts.stream().filter(a -> a.otherAgency().endsWith(world.suffix())).toList();
  }

  private static SubjectDraft draft(
      Schema schema, Map<String, List<String>> properties, String caseReference) {
    return new SubjectDraft(
        schema,
        properties,
        caseReference,
        "Duty desk",
        "Report " + caseReference,
        null,
        Marking.of("ignored", Tlp.RED));
  }
}
