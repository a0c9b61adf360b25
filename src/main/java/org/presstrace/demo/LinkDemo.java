package org.presstrace.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.casework.LinkBatch;
import org.presstrace.casework.LinkDraft;
import org.presstrace.casework.LinkSchema;
import org.presstrace.casework.Links;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.redflags.RedFlags;
import org.presstrace.registry.Trace;
import org.presstrace.resolution.Schema;
import org.springframework.stereotype.Component;

/**
 * Money flows and assets in the demo world, for link analysis and the red-flag rules. DEA's case
 * (TLP:AMBER) holds a pill-press buyer ring: small payments without a purpose from a dozen US
 * senders to one individual in China, two "unrelated" beneficiaries answering one +86 phone, a
 * payer structuring just below 10,000 dollars, a Mexican importer paying Chinese chemical firms,
 * one of them at a residential address, the importer's vessel, a courier's truck, and the courier
 * tied to the press seized in the seizure demo. CBP holds its own payments, which DEA does not see.
 */
@Component
class LinkDemo {

  private static final String DEA_CASE = "DEA-2026-IRONPRESS-4";
  private static final String DEA_CONTACT = "SA Dana Reyes, DEA Los Angeles, +1 213 555 0110";
  private static final String CBP_CASE = "CBP-LAX-2026-0311";
  private static final String CBP_CONTACT = "Officer Luis Ortega, CBP Los Angeles/Long Beach";

  private static final List<String> SENDERS =
      List.of(
          "Tyler Brooks",
          "Brianna Scott",
          "Kevin Nguyen",
          "Ashley Patel",
          "Marcus Lee",
          "Jasmine Rivera",
          "Dylan Foster",
          "Kayla Morgan",
          "Austin Reed",
          "Megan Price",
          "Cody Hughes",
          "Sierra Bennett");

  private final Subjects subjects;
  private final Links links;
  private final RedFlags redFlags;
  private final Trace trace;
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  LinkDemo(Subjects subjects, Links links, RedFlags redFlags, Trace trace) {
    this.subjects = subjects;
    this.links = links;
    this.redFlags = redFlags;
    this.trace = trace;
  }

  void load(Function<String, AccessContext> as, String seizedSerial) {
    AccessContext dea = as.apply("dea.investigator");
    var drafts = new ArrayList<LinkDraft>();

    String beneficiary =
        dea(dea, Schema.PERSON, "Chen Jie", Map.of("country", List.of("CN")), "DEA-6 report 201");
    for (int i = 0; i < SENDERS.size(); i++) {
      String sender =
          dea(
              dea,
              Schema.PERSON,
              SENDERS.get(i),
              Map.of("country", List.of("US"), "city", List.of(i % 2 == 0 ? "Phoenix" : "Tucson")),
              "Money-service business records, batch 7");
      drafts.add(payment(sender, beneficiary, 900 + 170 * i, today.minusDays(3 + 2L * i), null));
    }

    String sharedPhone = "+86 138 0571 2246";
    String liWei =
        dea(
            dea,
            Schema.PERSON,
            "Li Wei",
            Map.of("country", List.of("CN"), "phone", List.of(sharedPhone)),
            "Wire beneficiary records");
    String zhaoMin =
        dea(
            dea,
            Schema.PERSON,
            "Zhao Min",
            Map.of("country", List.of("CN"), "phone", List.of("0086 138 0571 2246")),
            "Wire beneficiary records");
    String structurer =
        dea(
            dea,
            Schema.PERSON,
            "Derek Holloway",
            Map.of("country", List.of("US"), "city", List.of("El Paso")),
            "Bank SAR 2026-118");
    drafts.add(payment(structurer, liWei, 9_600, today.minusDays(9), "consulting"));
    drafts.add(payment(structurer, zhaoMin, 9_850, today.minusDays(7), "consulting"));
    drafts.add(payment(structurer, liWei, 9_900, today.minusDays(5), "consulting"));

    String importer =
        dea(
            dea,
            Schema.COMPANY,
            "Importadora Química del Pacífico S.A. de C.V.",
            Map.of("country", List.of("MX"), "city", List.of("Manzanillo")),
            "Mexican customs pedimento extracts");
    String hubei =
        dea(
            dea,
            Schema.COMPANY,
            "湖北金瑞生物科技有限公司",
            Map.of(
                "country", List.of("CN"),
                "address", List.of("武汉市洪山区金色家园小区5栋1203室"),
                "phone", List.of(sharedPhone)),
            "Seized invoice, Manzanillo");
    String hebei =
        dea(
            dea,
            Schema.COMPANY,
            "Hebei Tianyu Chemical Co., Ltd.",
            Map.of("country", List.of("CN"), "city", List.of("Shijiazhuang")),
            "Seized invoice, Manzanillo");
    drafts.add(payment(importer, hubei, 48_500, today.minusDays(60), "4-piperidone, 200 kg"));
    drafts.add(payment(importer, hebei, 36_200, today.minusDays(41), "chemical raw materials"));
    drafts.add(payment(importer, hubei, 52_000, today.minusDays(20), "tablet excipients"));

    String vessel =
        dea(
            dea,
            Schema.VESSEL,
            "Pacific Dawn",
            Map.of("imoNumber", List.of("IMO 9074729"), "flag", List.of("PA")),
            "Port call records, Manzanillo");
    String courier =
        dea(
            dea,
            Schema.PERSON,
            "Rubén Ortiz Lara",
            Map.of("country", List.of("MX"), "birthDate", List.of("1988-06-14")),
            "DEA-6 report 207");
    String truck =
        dea(
            dea,
            Schema.VEHICLE,
            "Freightliner box truck",
            Map.of("vin", List.of("1M8GDM9AXKP042788"), "country", List.of("US")),
            "Border crossing records, Otay Mesa");
    drafts.add(relation(LinkSchema.OWNERSHIP, importer, vessel, "registered owner"));
    drafts.add(relation(LinkSchema.OWNERSHIP, courier, truck, "driver and owner"));
    drafts.add(relation(LinkSchema.UNKNOWN_LINK, courier, importer, "delivery driver"));
    trace.trace(dea, Trace.Query.serial(seizedSerial)).stream()
        .findFirst()
        .ifPresent(
            seized ->
                drafts.add(
                    relation(
                        LinkSchema.UNKNOWN_LINK,
                        courier,
                        "machine:" + seized.machine().id(),
                        "delivered the seized press")));
    record(dea, drafts);

    AccessContext cbp = as.apply("cbp.investigator");
    String cbpPayer =
        subjects
            .submit(
                cbp,
                new SubjectDraft(
                    Schema.COMPANY,
                    Map.of("name", List.of("Pacific Rim Logistics LLC"), "country", List.of("US")),
                    CBP_CASE,
                    CBP_CONTACT,
                    "Entry summary 7501",
                    null,
                    Marking.of("-", Tlp.AMBER)))
            .subject()
            .id();
    String cbpPayee =
        subjects
            .submit(
                cbp,
                new SubjectDraft(
                    Schema.COMPANY,
                    Map.of(
                        "name",
                        List.of("Shenzhen Oriental Machinery Co., Ltd."),
                        "country",
                        List.of("CN")),
                    CBP_CASE,
                    CBP_CONTACT,
                    "Entry summary 7501",
                    null,
                    Marking.of("-", Tlp.AMBER)))
            .subject()
            .id();
    record(
        cbp,
        List.of(
            new LinkDraft(
                LinkSchema.PAYMENT,
                cbpPayer,
                cbpPayee,
                new BigDecimal("18400"),
                "USD",
                today.minusDays(12),
                "TDP-5 rotary press, declared as 'food machinery'",
                null,
                null,
                "Entry summary 7501",
                today,
                Marking.of("-", Tlp.AMBER))));
    redFlags.run(dea);
  }

  private String dea(
      AccessContext dea,
      Schema schema,
      String name,
      Map<String, List<String>> more,
      String source) {
    var properties = new java.util.LinkedHashMap<String, List<String>>(more);
    properties.put("name", List.of(name));
    return subjects
        .submit(
            dea,
            new SubjectDraft(
                schema,
                properties,
                DEA_CASE,
                DEA_CONTACT,
                source,
                null,
                Marking.of("-", Tlp.AMBER)))
        .subject()
        .id();
  }

  private LinkDraft payment(
      String payer, String beneficiary, long dollars, LocalDate on, String purpose) {
    return new LinkDraft(
        LinkSchema.PAYMENT,
        payer,
        beneficiary,
        BigDecimal.valueOf(dollars),
        "USD",
        on,
        purpose,
        null,
        null,
        "Money-service business records, batch 7",
        today,
        Marking.of("-", Tlp.AMBER));
  }

  private LinkDraft relation(LinkSchema schema, String from, String to, String role) {
    boolean relationship = schema == LinkSchema.ASSOCIATE || schema == LinkSchema.FAMILY;
    return new LinkDraft(
        schema,
        from,
        to,
        null,
        null,
        null,
        null,
        relationship ? role : null,
        relationship ? null : role,
        "DEA-6 report 207",
        today,
        Marking.of("-", Tlp.AMBER));
  }

  private void record(AccessContext context, List<LinkDraft> drafts) {
    LinkBatch batch = links.recordAll(context, drafts, false);
    if (batch.refused()) {
      throw new IllegalStateException("demo links refused: " + batch.problems());
    }
  }
}
