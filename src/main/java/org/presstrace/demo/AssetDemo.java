package org.presstrace.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.presstrace.resolution.Schema;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Component;

/**
 * A crypto wallet and a bank account in the demo world, beside {@link LinkDemo}'s vessel and truck.
 * DEA holds the USDT (TRON) wallet and the euro account that the pill-press ring's beneficiary,
 * Chen Jie, is paid through; CBP finds the same wallet address on a phone seized at Otay Mesa.
 * Neither record is released, so both agencies get a pointer alert for the wallet.
 */
@Component
class AssetDemo {

  static final String WALLET = "TL66NR7pbJrGfiqGh5FywBT1MtnJvAo9Gy";

  private static final String DEA_CASE = "DEA-2026-IRONPRESS-4";
  private static final String DEA_CONTACT = "SA Dana Reyes, DEA Los Angeles, +1 213 555 0110";

  private final Subjects subjects;
  private final Links links;

  AssetDemo(Subjects subjects, Links links) {
    this.subjects = subjects;
    this.links = links;
  }

  void load(Function<String, AccessContext> as) {
    AccessContext dea = as.apply("dea.investigator");
    String wallet =
        subject(
            dea,
            Schema.CRYPTO_WALLET,
            Map.of("publicKey", List.of(WALLET), "currency", List.of("USDT")),
            DEA_CASE,
            DEA_CONTACT,
            "Blockchain analytics report 44");
    String account =
        subject(
            dea,
            Schema.BANK_ACCOUNT,
            Map.of(
                "iban", List.of("DE89 3704 0044 0532 0130 00"),
                "bic", List.of("COBADEFFXXX"),
                "bankName", List.of("Commerzbank")),
            DEA_CASE,
            DEA_CONTACT,
            "Wire beneficiary records");
    subjects.page(dea, Schema.PERSON, "Chen Jie", new PageQuery(0, 1)).items().stream()
        .findFirst()
        .ifPresent(
            owner -> {
              LinkBatch batch =
                  links.recordAll(
                      dea, List.of(owns(owner.id(), wallet), owns(owner.id(), account)), false);
              if (batch.refused()) {
                throw new IllegalStateException("demo links refused: " + batch.problems());
              }
            });

    subject(
        as.apply("cbp.investigator"),
        Schema.CRYPTO_WALLET,
        Map.of("publicKey", List.of(WALLET), "managingExchange", List.of("self-hosted")),
        "CBP-SDO-2026-0877",
        "Officer Luis Ortega, CBP San Diego, +1 619 555 0141",
        "Phone extraction, Otay Mesa secondary inspection");
  }

  private String subject(
      AccessContext context,
      Schema schema,
      Map<String, List<String>> properties,
      String caseReference,
      String contact,
      String source) {
    return subjects
        .submit(
            context,
            new SubjectDraft(
                schema,
                properties,
                caseReference,
                contact,
                source,
                null,
                Marking.of("-", Tlp.AMBER)))
        .subject()
        .id();
  }

  private static LinkDraft owns(String owner, String asset) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return new LinkDraft(
        LinkSchema.OWNERSHIP,
        owner,
        asset,
        null,
        null,
        null,
        null,
        null,
        "account holder",
        "Wire beneficiary records",
        today,
        Marking.of("-", Tlp.AMBER));
  }
}
