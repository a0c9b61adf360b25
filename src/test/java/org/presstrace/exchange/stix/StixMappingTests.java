package org.presstrace.exchange.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.casework.Link;
import org.presstrace.casework.LinkEnd;
import org.presstrace.casework.LinkSchema;
import org.presstrace.casework.Subject;
import org.presstrace.intel.IntelReport;
import org.presstrace.registry.CustodyState;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentPower;
import org.presstrace.registry.MachineView;
import org.presstrace.resolution.Schema;
import org.presstrace.seizures.SeizureContext;
import org.presstrace.seizures.SeizureView;
import org.presstrace.shared.CountryCode;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.Substance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every object the mapping produces validates against the STIX 2.1 schemas, with stable ids. */
class StixMappingTests {

  static final Instant CREATED = Instant.parse("2026-02-03T04:05:06.789123Z");
  static final Instant CHANGED = Instant.parse("2026-03-04T05:06:07Z");
  static final Marking REL_TO =
      new Marking(
          "DEA",
          Tlp.AMBER,
          "LEI",
          false,
          new TreeSet<>(Set.of(new CountryCode("CHN"), new CountryCode("USA"))),
          null);
  static final Marking RED_NOFORN = new Marking("DEA", Tlp.RED, "INF", true, null, "OP-KEY");

  final StixValidator validator = new StixValidator();

  static IntelReport report(Marking marking) {
    return new IntelReport(
        "r-1",
        "Press buyers at the port",
        "Two buyers.",
        marking,
        "dea.analyst",
        CREATED,
        CHANGED,
        2);
  }

  static SeizureView seizure() {
    return new SeizureView(
        "s-1",
        "CBP-2026-0001",
        OffsetDateTime.parse("2026-01-10T08:00:00-07:00"),
        "America/Phoenix",
        "2026-01",
        2026,
        SeizureContext.PORT_OF_ENTRY,
        "Nogales",
        "AZ",
        "Nogales",
        new BigDecimal("31.3404"),
        new BigDecimal("-110.9343"),
        "Blue pills in a spare tyre.",
        2,
        1,
        1,
        1,
        "cbp.officer",
        CREATED,
        REL_TO);
  }

  static Subject person() {
    return new Subject(
        "p-1", Schema.PERSON, "WANG Wei", "CASE-1", "+86 10 5555 0100", REL_TO, "dea.x", CREATED);
  }

  static Link payment() {
    return new Link(
        "l-1",
        LinkSchema.PAYMENT,
        new LinkEnd("payer", "subject", "p-1", "Person", "WANG Wei"),
        new LinkEnd("beneficiary", "subject", "c-1", "Company", "Acme"),
        new BigDecimal("12000.50"),
        "USD",
        LocalDate.parse("2026-01-02"),
        "press deposit",
        null,
        null,
        "seizure:s-1",
        LocalDate.parse("2026-01-03"),
        REL_TO,
        "dea.x",
        CREATED);
  }

  static Substance fentanyl() {
    return new Substance(
        "fentanyl",
        "Fentanyl",
        "437-38-7",
        "fentanyl",
        "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
        "C22H28N2O",
        "PJMPHNIQZUBGLI-UHFFFAOYSA-N",
        List.of("Sublimaze"),
        List.of("芬太尼"),
        List.of("21 CFR 1308.12"),
        List.of(
            new ControlAction(
                "fentanyl",
                null,
                "USA",
                "CSA",
                "Schedule II",
                LocalDate.parse("1971-05-01"),
                "1971-05-01",
                LocalDate.parse("1971-05-01"),
                null,
                "21 CFR 1308.12",
                null)));
  }

  static MachineView press() {
    return new MachineView(
        "m-1",
        "A173-5512",
        "A1735512",
        "Acme",
        "TDP-5",
        EquipmentKind.TABLETING_SINGLE_PUNCH,
        "M 30",
        "reg-1",
        "reg-2",
        CustodyState.SEIZED,
        "Phoenix, AZ",
        false,
        true,
        null,
        EquipmentPower.MANUAL,
        5000);
  }

  List<ObjectNode> everything() {
    var objects = new ArrayList<ObjectNode>();
    objects.add(StixMapping.report(report(REL_TO)));
    objects.add(StixMapping.report(report(RED_NOFORN)));
    objects.addAll(StixMapping.seizure(seizure()));
    objects.add(StixMapping.identity(person()).orElseThrow());
    objects.add(StixMapping.relationship(payment()).orElseThrow());
    objects.add(StixMapping.substance(fentanyl(), CREATED));
    objects.add(StixMapping.pillPress(press(), REL_TO, CREATED, CHANGED));
    objects.addAll(StixMapping.definitions());
    objects.addAll(StixMarkings.definitions(REL_TO).values());
    objects.addAll(StixMarkings.definitions(RED_NOFORN).values());
    for (Tlp tlp : Tlp.values()) {
      objects.add(StixMarkings.tlpDefinition(tlp));
    }
    return objects;
  }

  @Test
  void everyMappedObjectValidatesAgainstTheStixSchemas() {
    var objects = everything();
    assertThat(objects).hasSizeGreaterThan(20);
    for (ObjectNode object : objects) {
      assertThat(validator.problems(object)).as(object.toString()).isEmpty();
    }
  }

  @Test
  void reExportGivesTheSameIdsAndTimesFromTheRecord() {
    assertThat(everything().toString()).isEqualTo(everything().toString());
    ObjectNode report = StixMapping.report(report(REL_TO));
    assertThat(report.get("id").asString())
        .isEqualTo("report--" + StixIds.uuid5("presstrace:intel-report:r-1"))
        .matches("report--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(report.get("created").asString()).isEqualTo("2026-02-03T04:05:06.789Z");
    assertThat(report.get("modified").asString()).isEqualTo("2026-03-04T05:06:07.000Z");
  }

  @Test
  void uuid5MatchesTheStandardAlgorithm() {
    // RFC 9562 appendix A.4: DNS namespace test vector is not ours; this vector was computed with
    // Python's uuid.uuid5(UUID("00abedb4-aa42-466c-9c01-fed23315a9b7"),
    // "presstrace:extension:substance").
    assertThat(StixMapping.SUBSTANCE_EXTENSION)
        .isEqualTo("extension-definition--8c2dfb9f-0824-5b56-a2b2-5930d37d1c56");
  }

  @Test
  void markingsTravelAsTlp2AndStatementDefinitions() {
    ObjectNode red = StixMapping.report(report(RED_NOFORN));
    assertThat(strings(red.get("object_marking_refs")))
        .containsExactly(
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
            StixMarkings.statementId("CUI//INF"),
            StixMarkings.statementId("NOFORN"),
            StixMarkings.statementId("COMPARTMENT OP-KEY"));
    ObjectNode amber = StixMapping.seizure(seizure()).get(0);
    assertThat(strings(amber.get("object_marking_refs")))
        .containsExactly(
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            StixMarkings.statementId("CUI//LEI"),
            StixMarkings.statementId("REL TO CHN, USA"));
    assertThat(StixMarkings.tlpDefinition(Tlp.AMBER_STRICT).toString())
        .contains("\"tlp_2_0\":\"amber+strict\"")
        .contains(StixMarkings.TLP2_EXTENSION);
  }

  @Test
  void substancesPeopleAndLinksMapToTheirObjects() {
    ObjectNode identity = StixMapping.identity(person()).orElseThrow();
    assertThat(identity.get("identity_class").asString()).isEqualTo("individual");
    ObjectNode relationship = StixMapping.relationship(payment()).orElseThrow();
    assertThat(relationship.get("source_ref").asString()).isEqualTo(identity.get("id").asString());
    assertThat(relationship.get("relationship_type").asString()).isEqualTo("paid");
    ObjectNode substance = StixMapping.substance(fentanyl(), CREATED);
    assertThat(substance.get("type").asString()).isEqualTo("presstrace-substance");
    assertThat(substance.get("created").asString()).isEqualTo("1971-05-01T00:00:00.000Z");
    List<ObjectNode> seizure = StixMapping.seizure(seizure());
    assertThat(seizure)
        .extracting(o -> o.get("type").asString())
        .containsExactly("incident", "location", "relationship");
    var vehicle = new Subject("v-1", Schema.VEHICLE, "Truck", null, null, REL_TO, "dea.x", CREATED);
    assertThat(StixMapping.identity(vehicle)).isEmpty();
  }

  @Test
  void invalidObjectsAreCaught() {
    ObjectNode noRefs = StixMapping.report(report(REL_TO));
    noRefs.remove("object_refs");
    assertThat(validator.problems(noRefs)).anyMatch(p -> p.contains("object_refs"));

    ObjectNode badTime = StixMapping.report(report(REL_TO));
    badTime.put("modified", "yesterday");
    assertThat(validator.problems(badTime)).isNotEmpty();

    ObjectNode badId = StixMapping.identity(person()).orElseThrow();
    badId.put("id", "identity--not-a-uuid");
    assertThat(validator.problems(badId)).isNotEmpty();

    ObjectNode badContext = StixMapping.seizure(seizure()).get(0);
    ((ObjectNode) badContext.get("extensions").get(StixMapping.SEIZURE_EXTENSION))
        .put("context", "on the moon");
    assertThat(validator.problems(badContext)).anyMatch(p -> p.contains("context"));

    ObjectNode noSerial = StixMapping.pillPress(press(), REL_TO, CREATED, CHANGED);
    noSerial.remove("serial_number");
    assertThat(validator.problems(noSerial)).anyMatch(p -> p.contains("serial_number"));

    ObjectNode noVersion = StixMapping.substance(fentanyl(), CREATED);
    noVersion.remove("spec_version");
    assertThat(validator.problems(noVersion)).anyMatch(p -> p.contains("spec_version"));

    ObjectNode location = StixMapping.seizure(seizure()).get(1);
    location.put("latitude", 123.0);
    assertThat(validator.problems(location)).isNotEmpty();

    assertThat(
            validator.problems(tools.jackson.databind.node.JsonNodeFactory.instance.textNode("x")))
        .containsExactly("a STIX object must be a JSON object");
  }

  static List<String> strings(JsonNode array) {
    var values = new ArrayList<String>();
    array.forEach(node -> values.add(node.asString()));
    return values;
  }
}
