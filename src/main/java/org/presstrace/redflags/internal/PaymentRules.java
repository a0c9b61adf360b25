package org.presstrace.redflags.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.presstrace.redflags.RedFlagCitation;
import org.presstrace.redflags.RedFlagRule;
import org.presstrace.redflags.internal.RedFlagFacts.Party;
import org.presstrace.redflags.internal.RedFlagFacts.Payment;
import org.presstrace.resolution.Schema;

/**
 * The red-flag rules over payments. Only payments whose payer and beneficiary the agency may read
 * are considered; a window of {@code W} days holds payments whose days are less than {@code W} days
 * apart (7 days: Monday to the next Sunday).
 */
final class PaymentRules {

  private final RedFlagSettings settings;
  private final Map<String, Party> parties;
  private final List<Payment> payments;
  private final Clusters clusters;
  private final RedFlagRules partyRules;

  PaymentRules(RedFlagSettings settings, RedFlagFacts facts, Clusters clusters) {
    this.settings = settings;
    this.parties = facts.byId();
    this.payments =
        facts.payments().stream()
            .filter(p -> parties.containsKey(p.payerId()) && parties.containsKey(p.beneficiaryId()))
            .sorted(
                Comparator.comparing(Payment::date, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Payment::id))
            .toList();
    this.clusters = clusters;
    this.partyRules = new RedFlagRules(settings);
  }

  List<RedFlagFinding> evaluate() {
    var findings = new ArrayList<RedFlagFinding>();
    findings.addAll(manySenders());
    findings.addAll(smallTransfers());
    findings.addAll(structuring());
    findings.addAll(mexicanFirms());
    return findings;
  }

  /** FIN-2019-A006: many distinct (unrelated) payers paying one beneficiary in China or HK. */
  List<RedFlagFinding> manySenders() {
    var rule = settings.manySenders();
    var findings = new ArrayList<RedFlagFinding>();
    grouped(Payment::beneficiaryId, p -> p.date() != null)
        .forEach(
            (beneficiaryId, received) -> {
              Party beneficiary = parties.get(beneficiaryId);
              if (!beneficiary.in(rule.beneficiaryCountries())) {
                return;
              }
              densest(received, rule.windowDays(), window -> clusters.distinct(payers(window)))
                  .filter(window -> clusters.distinct(payers(window)) >= rule.minPayers())
                  .ifPresent(
                      window ->
                          findings.add(
                              finding(
                                  RedFlagRule.MANY_SENDERS_ONE_BENEFICIARY,
                                  "beneficiary:" + beneficiaryId,
                                  clusters.distinct(payers(window))
                                      + " unrelated payers paid "
                                      + RedFlagRules.describe(beneficiary)
                                      + " in "
                                      + String.join(", ", beneficiary.countries())
                                      + " "
                                      + window.size()
                                      + " times "
                                      + span(window)
                                      + ": "
                                      + RedFlagRules.named(partiesOf(payers(window)))
                                      + ". Threshold: "
                                      + rule.minPayers()
                                      + " payers within "
                                      + rule.windowDays()
                                      + " days.",
                                  beneficiary,
                                  window)));
            });
    return findings;
  }

  /** FIN-2019-A006: small transfers without a purpose to one individual in China. */
  List<RedFlagFinding> smallTransfers() {
    var rule = settings.smallTransfers();
    var findings = new ArrayList<RedFlagFinding>();
    grouped(
            Payment::beneficiaryId,
            p ->
                p.date() != null
                    && p.inCurrency(settings.currency())
                    && p.amount().compareTo(rule.maxAmount()) <= 0
                    && !p.hasPurpose())
        .forEach(
            (beneficiaryId, received) -> {
              Party beneficiary = parties.get(beneficiaryId);
              if (beneficiary.schema() != Schema.PERSON || !beneficiary.in(rule.countries())) {
                return;
              }
              densest(received, rule.windowDays(), List::size)
                  .filter(window -> window.size() >= rule.minTransfers())
                  .ifPresent(
                      window ->
                          findings.add(
                              finding(
                                  RedFlagRule.SMALL_TRANSFERS_NO_PURPOSE,
                                  "beneficiary:" + beneficiaryId,
                                  window.size()
                                      + " transfers of at most "
                                      + money(rule.maxAmount())
                                      + " without a stated purpose to "
                                      + RedFlagRules.describe(beneficiary)
                                      + " in "
                                      + String.join(", ", beneficiary.countries())
                                      + " "
                                      + span(window)
                                      + ", "
                                      + money(total(window))
                                      + " in all: "
                                      + amounts(window)
                                      + ". Threshold: "
                                      + rule.minTransfers()
                                      + " transfers within "
                                      + rule.windowDays()
                                      + " days.",
                                  beneficiary,
                                  window)));
            });
    return findings;
  }

  /** FIN-2019-A006: several payments from one payer just below a reporting threshold. */
  List<RedFlagFinding> structuring() {
    var rule = settings.structuring();
    BigDecimal floor = rule.floor();
    var findings = new ArrayList<RedFlagFinding>();
    grouped(
            Payment::payerId,
            p ->
                p.date() != null
                    && p.inCurrency(settings.currency())
                    && p.amount().compareTo(floor) >= 0
                    && p.amount().compareTo(rule.threshold()) < 0)
        .forEach(
            (payerId, paid) -> {
              Party payer = parties.get(payerId);
              densest(paid, rule.windowDays(), List::size)
                  .filter(window -> window.size() >= rule.minPayments())
                  .ifPresent(
                      window ->
                          findings.add(
                              finding(
                                  RedFlagRule.STRUCTURING,
                                  "payer:" + payerId,
                                  RedFlagRules.describe(payer)
                                      + " made "
                                      + window.size()
                                      + " payments between "
                                      + money(floor)
                                      + " and the "
                                      + money(rule.threshold())
                                      + " threshold "
                                      + span(window)
                                      + ": "
                                      + amounts(window)
                                      + ". Threshold: "
                                      + rule.minPayments()
                                      + " payments within "
                                      + rule.windowDays()
                                      + " days.",
                                  payer,
                                  window)));
            });
    return findings;
  }

  /**
   * FIN-2024-A002: a Mexican firm whose payments go mainly to Chinese chemical firms. Every payment
   * counted (all of the firm's, not only those to chemical firms) is cited, so that losing one
   * reaches the flag.
   */
  List<RedFlagFinding> mexicanFirms() {
    var rule = settings.mexicanFirm();
    var findings = new ArrayList<RedFlagFinding>();
    grouped(Payment::payerId, p -> true)
        .forEach(
            (payerId, paid) -> {
              Party firm = parties.get(payerId);
              if (firm.schema() != Schema.COMPANY
                  || !firm.countries().contains("MX")
                  || paid.size() < rule.minPayments()) {
                return;
              }
              List<Payment> chemical = paid.stream().filter(this::toChineseChemicalFirm).toList();
              BigDecimal share =
                  BigDecimal.valueOf(chemical.size())
                      .divide(BigDecimal.valueOf(paid.size()), 4, RoundingMode.HALF_UP);
              if (chemical.isEmpty() || share.compareTo(rule.minShare()) < 0) {
                return;
              }
              findings.add(
                  finding(
                      RedFlagRule.MEXICAN_FIRM_CHINESE_CHEMICALS,
                      "firm:" + payerId,
                      RedFlagRules.describe(firm)
                          + " in MX made "
                          + chemical.size()
                          + " of its "
                          + paid.size()
                          + " payments ("
                          + share.movePointRight(2).stripTrailingZeros().toPlainString()
                          + "%) to chemical firms in "
                          + String.join(", ", new java.util.TreeSet<>(rule.supplierCountries()))
                          + ": "
                          + RedFlagRules.named(
                              partiesOf(chemical.stream().map(Payment::beneficiaryId).toList()))
                          + ". Threshold: "
                          + rule.minPayments()
                          + " payments, a share of "
                          + rule.minShare().movePointRight(2).stripTrailingZeros().toPlainString()
                          + "%.",
                      firm,
                      paid));
            });
    return findings;
  }

  private boolean toChineseChemicalFirm(Payment payment) {
    Party beneficiary = parties.get(payment.beneficiaryId());
    return beneficiary.in(settings.mexicanFirm().supplierCountries())
        && partyRules.chemicalWord(beneficiary).isPresent();
  }

  /** The payments passing {@code filter}, grouped by {@code key} in the order of the payments. */
  private Map<String, List<Payment>> grouped(
      Function<Payment, String> key, Predicate<Payment> filter) {
    return payments.stream()
        .filter(filter)
        .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
  }

  /**
   * The window of {@code days} holding the most by {@code measure} (the earliest of equals), over
   * payments sorted by day.
   */
  static Optional<List<Payment>> densest(
      List<Payment> sorted, int days, Function<List<Payment>, ? extends Number> measure) {
    List<Payment> best = null;
    long bestValue = -1;
    for (int start = 0; start < sorted.size(); start++) {
      var window = new ArrayList<Payment>();
      for (int i = start; i < sorted.size(); i++) {
        if (ChronoUnit.DAYS.between(sorted.get(start).date(), sorted.get(i).date()) >= days) {
          break;
        }
        window.add(sorted.get(i));
      }
      long value = measure.apply(window).longValue();
      if (value > bestValue) {
        best = window;
        bestValue = value;
      }
    }
    return Optional.ofNullable(best);
  }

  private RedFlagFinding finding(
      RedFlagRule rule, String focus, String explanation, Party about, List<Payment> window) {
    var cited = new LinkedHashSet<Party>();
    cited.add(about);
    window.forEach(
        payment -> {
          cited.add(parties.get(payment.payerId()));
          cited.add(parties.get(payment.beneficiaryId()));
        });
    var citations = new ArrayList<>(RedFlagRules.cite(cited));
    window.forEach(
        payment ->
            citations.add(
                new RedFlagCitation(
                    payment.kind(),
                    payment.id(),
                    payment.date()
                        + " "
                        + (payment.amount() == null
                            ? ""
                            : money(payment.amount(), payment.currency())))));
    return new RedFlagFinding(rule, focus, explanation, citations);
  }

  private static List<String> payers(List<Payment> window) {
    return window.stream().map(Payment::payerId).distinct().toList();
  }

  private List<Party> partiesOf(Collection<String> ids) {
    return ids.stream().distinct().map(parties::get).toList();
  }

  private static String span(List<Payment> window) {
    return "between " + window.get(0).date() + " and " + window.get(window.size() - 1).date();
  }

  private static BigDecimal total(List<Payment> window) {
    return window.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private String amounts(List<Payment> window) {
    return window.stream()
            .limit(RedFlagRules.NAMED)
            .map(p -> p.date() + " " + money(p.amount()))
            .collect(Collectors.joining(", "))
        + (window.size() > RedFlagRules.NAMED
            ? " and " + (window.size() - RedFlagRules.NAMED) + " more"
            : "");
  }

  private String money(BigDecimal amount) {
    return money(amount, settings.currency());
  }

  private static String money(BigDecimal amount, String currency) {
    return amount.stripTrailingZeros().toPlainString() + " " + currency;
  }
}
