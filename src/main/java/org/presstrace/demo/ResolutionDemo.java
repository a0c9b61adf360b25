package org.presstrace.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.casework.OperationDraft;
import org.presstrace.casework.Operations;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Schema;
import org.springframework.stereotype.Component;

/**
 * Deconfliction in the demo world: DEA and CBP hold the same broker and the same Chinese supplier
 * (DEA in Han characters, CBP in pinyin) and a partner of the broker (DEA in Han characters, CBP in
 * Wade-Giles), each under TLP:AMBER, so both agencies get pointer alerts; and they plan overlapping
 * operations at the Port of Long Beach.
 */
@Component
class ResolutionDemo {

  private final Subjects subjects;
  private final Operations operations;

  ResolutionDemo(Subjects subjects, Operations operations) {
    this.subjects = subjects;
    this.operations = operations;
  }

  void load(Function<String, AccessContext> as) {
    AccessContext dea = as.apply("dea.investigator");
    AccessContext cbp = as.apply("cbp.investigator");
    subjects.submit(
        dea,
        subject(
            Schema.COMPANY,
            Map.of(
                "name", List.of("武汉远航化工贸易有限公司"),
                "country", List.of("CN"),
                "email", List.of("sales@yuanhang-chem.example.cn")),
            "DEA-2026-IRONPRESS-4",
            "SA Dana Reyes, DEA Los Angeles, +1 213 555 0110"));
    subjects.submit(
        cbp,
        subject(
            Schema.COMPANY,
            Map.of(
                "name", List.of("Wuhan Yuanhang Chemical Trading Co., Ltd."),
                "country", List.of("China")),
            "CBP-LAX-2026-0311",
            "Officer Luis Ortega, CBP Los Angeles/Long Beach, +1 562 555 0199"));
    subjects.submit(
        dea,
        subject(
            Schema.PERSON,
            Map.of(
                "name", List.of("Héctor Salgado Ruiz"),
                "birthDate", List.of("1979-11-02"),
                "phone", List.of("+52 664 555 0187")),
            "DEA-2026-IRONPRESS-4",
            "SA Dana Reyes, DEA Los Angeles, +1 213 555 0110"));
    subjects.submit(
        cbp,
        subject(
            Schema.PERSON,
            Map.of("name", List.of("SALGADO RUIZ, Hector"), "phone", List.of("0052 664 555 0187")),
            "CBP-LAX-2026-0311",
            "Officer Luis Ortega, CBP Los Angeles/Long Beach, +1 562 555 0199"));
    // the same broker's partner: DEA has the name in characters, CBP as his Taiwanese passport
    // writes it (Wade-Giles), so the two meet only through the romanisation
    subjects.submit(
        dea,
        subject(
            Schema.PERSON,
            Map.of("name", List.of("張偉明"), "birthDate", List.of("1981-06-14")),
            "DEA-2026-IRONPRESS-4",
            "SA Dana Reyes, DEA Los Angeles, +1 213 555 0110"));
    subjects.submit(
        cbp,
        subject(
            Schema.PERSON,
            Map.of(
                "name", List.of("CHANG, Wei-ming"),
                "birthDate", List.of("1981-06-14"),
                "nationality", List.of("Taiwan")),
            "CBP-LAX-2026-0311",
            "Officer Luis Ortega, CBP Los Angeles/Long Beach, +1 562 555 0199"));
    Instant dawn = Instant.parse("2026-12-10T13:00:00Z");
    operations.plan(
        dea,
        operation(
            "DEA-2026-IRONPRESS-4", "SA Dana Reyes, +1 213 555 0110", dawn, 33.7540, -118.2160));
    operations.plan(
        cbp,
        operation(
            "CBP-LAX-2026-0311",
            "Officer Luis Ortega, +1 562 555 0199",
            dawn.plusSeconds(3600),
            33.7555,
            -118.2149));
  }

  private static SubjectDraft subject(
      Schema schema, Map<String, List<String>> properties, String caseReference, String contact) {
    return new SubjectDraft(
        schema,
        properties,
        caseReference,
        contact,
        caseReference,
        null,
        Marking.of("-", Tlp.AMBER));
  }

  private static OperationDraft operation(
      String caseReference, String contact, Instant start, double lat, double lon) {
    return new OperationDraft(
        caseReference,
        contact,
        start,
        start.plusSeconds(4 * 3600),
        lat,
        lon,
        500.0,
        Marking.of("-", Tlp.AMBER));
  }
}
