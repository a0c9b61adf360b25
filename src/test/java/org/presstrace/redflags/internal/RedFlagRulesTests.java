package org.presstrace.redflags.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.redflags.RedFlagCitation;
import org.presstrace.redflags.RedFlagRule;
import org.presstrace.redflags.internal.RedFlagFacts.Party;
import org.presstrace.redflags.internal.RedFlagFacts.Payment;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Schema;

class RedFlagRulesTests {

  static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  final RedFlagRules rules = new RedFlagRules(RedFlagSettings.defaults());
  final List<Party> parties = new ArrayList<>();
  final List<Payment> payments = new ArrayList<>();
  final List<Map.Entry<String, String>> related = new ArrayList<>();

  Party party(String id, Schema schema, String... properties) {
    Entity entity = Entity.of(id, schema);
    for (int i = 0; i < properties.length; i += 2) {
      entity = entity.with(properties[i], properties[i + 1]);
    }
    Party party = Party.of(entity, entity.values("name").get(0));
    parties.add(party);
    return party;
  }

  Party person(String id, String name, String... more) {
    return party(id, Schema.PERSON, concat("name", name, more));
  }

  Party company(String id, String name, String... more) {
    return party(id, Schema.COMPANY, concat("name", name, more));
  }

  static String[] concat(String key, String value, String[] more) {
    var all = new ArrayList<String>(List.of(key, value));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  void pay(String payer, String beneficiary, String amount, LocalDate day, String purpose) {
    payments.add(
        new Payment(
            "payment",
            "pay-" + payments.size(),
            payer,
            beneficiary,
            amount == null ? null : new BigDecimal(amount),
            "USD",
            day,
            purpose));
  }

  List<RedFlagFinding> fired(RedFlagRule rule) {
    return fired(rules, rule);
  }

  List<RedFlagFinding> fired(RedFlagRules with, RedFlagRule rule) {
    return with.evaluate(new RedFlagFacts(parties, payments, related)).stream()
        .filter(f -> f.rule() == rule)
        .toList();
  }

  // Shared contact

  @Test
  void twoUnrelatedPartiesSharingAPhoneFire() {
    person("a", "Li Na", "phone", "+86 138 0013 8000", "country", "CN");
    company("b", "Golden Bridge Trading", "phone", "+8613800138000", "country", "CN");
    var found = fired(RedFlagRule.SHARED_CONTACT);
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.focus()).isEqualTo("phone:+8613800138000");
              assertThat(f.explanation())
                  .contains("2 unrelated parties share phone +8613800138000")
                  .contains("Li Na (Person a)")
                  .contains("Golden Bridge Trading (Company b)");
              assertThat(f.citations())
                  .extracting(RedFlagCitation::recordId)
                  .containsExactly("b", "a");
            });
  }

  @Test
  void oneE164NumberWrittenTwoWaysIsOneValueAndAnEmailFiresToo() {
    person("a", "Li Na", "email", "Sales.Chem@Example.com");
    person("b", "Zhou Min", "email", "sales.chem+orders@example.com");
    assertThat(fired(RedFlagRule.SHARED_CONTACT))
        .singleElement()
        .satisfies(f -> assertThat(f.focus()).isEqualTo("email:sales.chem@example.com"));
  }

  @Test
  void relatedPartiesSharingAPhoneDoNotFireAndAThirdUnrelatedOneDoes() {
    person("a", "Li Na", "phone", "+8613800138000");
    person("b", "Na Li", "phone", "+8613800138000");
    related.add(Map.entry("a", "b"));
    assertThat(fired(RedFlagRule.SHARED_CONTACT)).isEmpty();

    person("c", "Carlos Mendez", "phone", "+8613800138000");
    assertThat(fired(RedFlagRule.SHARED_CONTACT))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.explanation())
                    .contains("2 unrelated parties")
                    .contains("3 records, related ones counted once"));
  }

  @Test
  void aPhoneHeldByOnePartyDoesNotFireAndTheMinimumIsHonoured() {
    person("a", "Li Na", "phone", "+8613800138000");
    person("b", "Zhou Min", "phone", "+8613800138001");
    assertThat(fired(RedFlagRule.SHARED_CONTACT)).isEmpty();
    person("c", "Wu Lei", "phone", "+8613800138000");
    var three = settings(s -> new RedFlagSettings.SharedContact(3));
    assertThat(fired(three, RedFlagRule.SHARED_CONTACT)).isEmpty();
    assertThat(fired(RedFlagRule.SHARED_CONTACT)).hasSize(1);
  }

  // Chemical firm at a shared or residential address

  @Test
  void aChemicalFirmSharingAnAddressWithAnUnrelatedFirmFires() {
    company("c1", "武汉华夏化工有限公司", "address", "Room 1203, 88 Jiefang Avenue, Wuhan");
    company("c2", "Bright Star Logistics", "address", "room 1203 88 jiefang avenue wuhan");
    var found = fired(RedFlagRule.CHEMICAL_FIRM_ADDRESS);
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.focus()).isEqualTo("firm:c1");
              assertThat(f.explanation())
                  .contains("name word '化工'")
                  .contains("shared with 1 unrelated firm(s): Bright Star Logistics (Company c2)");
              assertThat(f.citations())
                  .extracting(RedFlagCitation::recordId)
                  .containsExactly("c1", "c2");
            });
  }

  @Test
  void aChemicalFirmAloneAtItsAddressOrWithARelatedFirmDoesNotFire() {
    company("c1", "Hubei Huaxia Chemical Co., Ltd.", "address", "88 Jiefang Avenue, Wuhan");
    company("c2", "Bright Star Logistics", "address", "90 Jiefang Avenue, Wuhan");
    assertThat(fired(RedFlagRule.CHEMICAL_FIRM_ADDRESS)).isEmpty();
    company("c3", "Huaxia Holdings", "address", "88 Jiefang Avenue, Wuhan");
    related.add(Map.entry("c1", "c3"));
    assertThat(fired(RedFlagRule.CHEMICAL_FIRM_ADDRESS)).isEmpty();
  }

  @Test
  void aFirmWithoutAChemicalWordAtASharedAddressDoesNotFire() {
    company("c1", "Chemnitz Trading GmbH", "address", "88 Jiefang Avenue, Wuhan");
    company("c2", "Bright Star Logistics", "address", "88 Jiefang Avenue, Wuhan");
    assertThat(fired(RedFlagRule.CHEMICAL_FIRM_ADDRESS)).isEmpty();
  }

  @Test
  void aChemicalFirmAtAResidentialAddressFiresFromTheAddressParts() {
    company("c1", "Shanghai Sino Pharma Ltd", "street", "阳光小区 5号楼 302室", "city", "Shanghai");
    assertThat(fired(RedFlagRule.CHEMICAL_FIRM_ADDRESS))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.explanation())
                    .contains("name word 'pharma'")
                    .contains("marked residential ('小区')"));
  }

  @Test
  void aPersonAtASharedAddressIsNotAFirm() {
    person("p1", "Chemical Wang", "address", "88 Jiefang Avenue, Wuhan");
    company("c2", "Bright Star Logistics", "address", "88 Jiefang Avenue, Wuhan");
    assertThat(fired(RedFlagRule.CHEMICAL_FIRM_ADDRESS)).isEmpty();
  }

  // PRC phone

  @Test
  void aMexicanPartyUsingAPrcPhoneFiresAndAChineseOneDoesNot() {
    company(
        "m", "Importadora del Pacifico SA de CV", "country", "MX", "phone", "+86 755 8888 1234");
    company("c", "Shenzhen Trading", "country", "CN", "phone", "+86 755 8888 1235");
    company("h", "Kowloon Trading", "country", "HK", "phone", "+86 755 8888 1236");
    company("u", "Unknown Trading", "phone", "+86 755 8888 1237");
    company("n", "Importadora Norte", "country", "MX", "phone", "+52 55 1234 5678");
    assertThat(fired(RedFlagRule.PRC_PHONE_NON_PRC_PARTY))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.focus()).isEqualTo("party:m");
              assertThat(f.explanation()).contains("stated country MX").contains("+8675588881234");
            });
  }

  // Many senders

  @Test
  void fiveUnrelatedPayersWithinThirtyDaysFireAndFourDoNot() {
    person("b", "Zhang Wei", "country", "CN");
    for (int i = 0; i < 4; i++) {
      person("s" + i, "Sender " + (char) ('A' + i), "country", "US");
      pay("s" + i, "b", "500", DAY.plusDays(i * 7), "tuition");
    }
    assertThat(fired(RedFlagRule.MANY_SENDERS_ONE_BENEFICIARY)).isEmpty();
    person("s4", "Sender E", "country", "US");
    pay("s4", "b", "500", DAY.plusDays(29), "tuition");
    assertThat(fired(RedFlagRule.MANY_SENDERS_ONE_BENEFICIARY))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.focus()).isEqualTo("beneficiary:b");
              assertThat(f.explanation())
                  .contains("5 unrelated payers paid Zhang Wei (Person b) in CN 5 times")
                  .contains("between 2026-03-02 and 2026-03-31");
              assertThat(f.citations()).hasSize(11);
            });
  }

  @Test
  void theFifthPayerOneDayOutsideTheWindowDoesNotFire() {
    person("b", "Zhang Wei", "country", "CN");
    for (int i = 0; i < 5; i++) {
      person("s" + i, "Sender " + i, "country", "US");
      pay("s" + i, "b", "500", DAY.plusDays(i == 4 ? 30 : i), null);
    }
    assertThat(fired(RedFlagRule.MANY_SENDERS_ONE_BENEFICIARY)).isEmpty();
  }

  @Test
  void manySendersToABeneficiaryOutsideChinaOrRelatedSendersDoNotFire() {
    person("b", "John Smith", "country", "US");
    person("c", "Zhang Wei", "country", "CN");
    for (int i = 0; i < 5; i++) {
      person("s" + i, "Sender " + i, "country", "US");
      pay("s" + i, "b", "500", DAY.plusDays(i), null);
      pay("s" + i, "c", "500", DAY.plusDays(i), null);
    }
    related.add(Map.entry("s0", "s1"));
    assertThat(fired(RedFlagRule.MANY_SENDERS_ONE_BENEFICIARY)).isEmpty();
  }

  @Test
  void paymentsNamingAPartyTheAgencyCannotReadAreLeftOut() {
    person("b", "Zhang Wei", "country", "CN");
    for (int i = 0; i < 5; i++) {
      if (i > 0) {
        person("s" + i, "Sender " + i, "country", "US");
      }
      pay("s" + i, "b", "500", DAY.plusDays(i), null);
    }
    assertThat(fired(RedFlagRule.MANY_SENDERS_ONE_BENEFICIARY)).isEmpty();
  }

  // Small transfers

  @Test
  void threeSmallTransfersWithoutPurposeToAnIndividualInChinaFire() {
    person("b", "Zhang Wei", "country", "CN");
    person("s", "John Smith", "country", "US");
    pay("s", "b", "3000", DAY, null);
    pay("s", "b", "250.50", DAY.plusDays(40), "  ");
    assertThat(fired(RedFlagRule.SMALL_TRANSFERS_NO_PURPOSE)).isEmpty();
    pay("s", "b", "900", DAY.plusDays(89), null);
    assertThat(fired(RedFlagRule.SMALL_TRANSFERS_NO_PURPOSE))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.explanation())
                    .contains("3 transfers of at most 3000 USD without a stated purpose")
                    .contains("4150.5 USD in all"));
  }

  @Test
  void smallTransfersAboveTheAmountWithAPurposeOrToAFirmDoNotFire() {
    person("b", "Zhang Wei", "country", "CN");
    company("f", "Zhang Trading", "country", "CN");
    person("s", "John Smith", "country", "US");
    pay("s", "b", "3000.01", DAY, null);
    pay("s", "b", "100", DAY.plusDays(1), "rent");
    pay("s", "b", "100", DAY.plusDays(2), null);
    pay("s", "b", "100", DAY.plusDays(90), null);
    for (int i = 0; i < 3; i++) {
      pay("s", "f", "100", DAY.plusDays(i), null);
    }
    assertThat(fired(RedFlagRule.SMALL_TRANSFERS_NO_PURPOSE)).isEmpty();
  }

  // Structuring

  @Test
  void threePaymentsJustBelowTheThresholdWithinSevenDaysFire() {
    person("p", "John Smith", "country", "US");
    company("b", "Golden Bridge Trading", "country", "HK");
    pay("p", "b", "9000", DAY, null);
    pay("p", "b", "9999.99", DAY.plusDays(3), null);
    pay("p", "b", "9500", DAY.plusDays(6), null);
    assertThat(fired(RedFlagRule.STRUCTURING))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.focus()).isEqualTo("payer:p");
              assertThat(f.explanation())
                  .contains("made 3 payments between 9000 USD and the 10000 USD threshold")
                  .contains("2026-03-05 9999.99 USD");
            });
  }

  @Test
  void structuringDoesNotFireAtOrAboveTheThresholdBelowTheMarginOrSpreadOut() {
    person("p", "John Smith", "country", "US");
    company("b", "Golden Bridge Trading", "country", "HK");
    pay("p", "b", "10000", DAY, null);
    pay("p", "b", "8999.99", DAY.plusDays(1), null);
    pay("p", "b", "9500", DAY.plusDays(2), null);
    pay("p", "b", "9500", DAY.plusDays(3), null);
    pay("p", "b", "9500", DAY.plusDays(9), null);
    assertThat(fired(RedFlagRule.STRUCTURING)).isEmpty();
  }

  @Test
  void paymentsInAnotherCurrencyOrWithoutAnAmountAreNotJudgedByAmount() {
    person("p", "John Smith", "country", "US");
    company("b", "Golden Bridge Trading", "country", "HK");
    for (int i = 0; i < 3; i++) {
      payments.add(
          new Payment("payment", "e" + i, "p", "b", new BigDecimal("9500"), "EUR", DAY, null));
      pay("p", "b", null, DAY, null);
    }
    assertThat(fired(RedFlagRule.STRUCTURING)).isEmpty();
  }

  // Mexican firm

  @Test
  void aMexicanFirmPayingMainlyChineseChemicalFirmsFires() {
    company("m", "Importadora del Pacifico SA de CV", "country", "MX");
    company("c1", "Hubei Huaxia Chemical Co., Ltd.", "country", "CN");
    company("c2", "广州医药有限公司", "country", "CN");
    company("o", "Maersk Line", "country", "DK");
    pay("m", "c1", "20000", DAY, "reagents");
    pay("m", "c2", "18000", DAY.plusDays(5), "reagents");
    pay("m", "o", "3000", DAY.plusDays(6), "freight");
    pay("m", "o", "3000", DAY.plusDays(7), "freight");
    assertThat(fired(RedFlagRule.MEXICAN_FIRM_CHINESE_CHEMICALS))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.explanation())
                    .contains("made 2 of its 4 payments (50%) to chemical firms in CN, HK"));
  }

  @Test
  void aMexicanFirmFlagCitesEveryPaymentItCountsSoRevokingOneReachesIt() {
    company("m", "Importadora del Pacifico SA de CV", "country", "MX");
    company("c1", "Hubei Huaxia Chemical Co., Ltd.", "country", "CN");
    company("o", "Maersk Line", "country", "DK");
    pay("m", "c1", "20000", DAY, "reagents");
    pay("m", "c1", "18000", DAY.plusDays(5), "reagents");
    pay("m", "o", "3000", DAY.plusDays(6), "freight");
    pay("m", "o", "3000", DAY.plusDays(7), "freight");
    assertThat(fired(RedFlagRule.MEXICAN_FIRM_CHINESE_CHEMICALS))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.explanation()).contains("2 of its 4 payments");
              assertThat(f.citations())
                  .extracting(RedFlagCitation::recordId)
                  .as("the two freight payments are counted, so they are cited")
                  .contains("pay-0", "pay-1", "pay-2", "pay-3", "m", "c1", "o");
            });
  }

  @Test
  void aMexicanFirmBelowTheShareWithTooFewPaymentsOrANonMexicanFirmDoesNotFire() {
    company("m", "Importadora del Pacifico SA de CV", "country", "MX");
    company("u", "Pacific Imports LLC", "country", "US");
    company("c1", "Hubei Huaxia Chemical Co., Ltd.", "country", "CN");
    company("o", "Maersk Line", "country", "DK");
    pay("m", "c1", "20000", DAY, null);
    pay("m", "o", "3000", DAY.plusDays(6), null);
    pay("m", "o", "3000", DAY.plusDays(7), null);
    pay("u", "c1", "20000", DAY, null);
    pay("u", "c1", "20000", DAY, null);
    pay("u", "c1", "20000", DAY, null);
    assertThat(fired(RedFlagRule.MEXICAN_FIRM_CHINESE_CHEMICALS)).isEmpty();
    payments.clear();
    pay("m", "c1", "20000", DAY, null);
    pay("m", "c1", "20000", DAY, null);
    assertThat(fired(RedFlagRule.MEXICAN_FIRM_CHINESE_CHEMICALS)).as("two payments").isEmpty();
  }

  // Settings

  @Test
  void badSettingsAreRefusedWithTheirPropertyName() {
    assertThatThrownBy(() -> new RedFlagSettings.SharedContact(1))
        .hasMessageContaining("presstrace.redflags.shared-contact.min-parties must be at least 2");
    assertThatThrownBy(() -> new RedFlagSettings.ManySenders(5, 0, Set.of("CN")))
        .hasMessageContaining("many-senders.window-days");
    assertThatThrownBy(() -> new RedFlagSettings.ManySenders(5, 30, Set.of("Atlantis")))
        .hasMessageContaining("'Atlantis' is not a country");
    assertThatThrownBy(() -> new RedFlagSettings.Structuring(BigDecimal.TEN, BigDecimal.ONE, 3, 7))
        .hasMessageContaining("structuring.margin");
    assertThatThrownBy(
            () -> new RedFlagSettings.SmallTransfers(BigDecimal.ZERO, 3, 90, Set.of("CN")))
        .hasMessageContaining("small-transfers.max-amount must be a positive amount");
    assertThatThrownBy(
            () -> new RedFlagSettings.MexicanFirm(3, new BigDecimal("1.5"), Set.of("CN")))
        .hasMessageContaining("mexican-firm.min-share");
    assertThatThrownBy(() -> new RedFlagSettings.ChemicalAddress(List.of(" "), null, 1))
        .hasMessageContaining("chemical-address.words needs at least one word");
    var defaults = RedFlagSettings.defaults();
    assertThatThrownBy(
            () ->
                new RedFlagSettings(
                    true,
                    "dollars",
                    defaults.sharedContact(),
                    defaults.chemicalAddress(),
                    defaults.prcPhone(),
                    defaults.manySenders(),
                    defaults.smallTransfers(),
                    defaults.structuring(),
                    defaults.mexicanFirm()))
        .hasMessageContaining("presstrace.redflags.currency");
  }

  RedFlagRules settings(
      java.util.function.Function<RedFlagSettings, RedFlagSettings.SharedContact> shared) {
    var d = RedFlagSettings.defaults();
    return new RedFlagRules(
        new RedFlagSettings(
            true,
            "USD",
            shared.apply(d),
            d.chemicalAddress(),
            d.prcPhone(),
            d.manySenders(),
            d.smallTransfers(),
            d.structuring(),
            d.mexicanFirm()));
  }
}
