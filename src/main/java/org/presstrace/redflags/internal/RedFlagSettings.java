package org.presstrace.redflags.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.presstrace.resolution.ContactValues;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The parameters of the red-flag rules, set through {@code presstrace.redflags.*}. Amounts are in
 * {@code currency}; payments in another currency are not judged by the amount rules (PressTrace
 * holds no exchange rates). Countries are ISO alpha-2 codes. docs/red-flags.md explains each
 * default.
 *
 * @param reevaluateOnRecord whether recording a subject or a link marks the agencies that may read
 *     it for re-evaluation before their flags are next shown
 */
@ConfigurationProperties("presstrace.redflags")
public record RedFlagSettings(
    @DefaultValue("true") boolean reevaluateOnRecord,
    @DefaultValue("USD") String currency,
    @DefaultValue SharedContact sharedContact,
    @DefaultValue ChemicalAddress chemicalAddress,
    @DefaultValue PrcPhone prcPhone,
    @DefaultValue ManySenders manySenders,
    @DefaultValue SmallTransfers smallTransfers,
    @DefaultValue Structuring structuring,
    @DefaultValue MexicanFirm mexicanFirm) {

  public RedFlagSettings {
    if (currency == null || !currency.strip().matches("[A-Za-z]{3}")) {
      throw new IllegalArgumentException(
          "presstrace.redflags.currency must be an ISO 4217 code such as USD, not " + currency);
    }
    currency = currency.strip().toUpperCase(Locale.ROOT);
  }

  /** Every parameter at its default. */
  public static RedFlagSettings defaults() {
    return new RedFlagSettings(
        true,
        "USD",
        new SharedContact(2),
        new ChemicalAddress(null, null, 1),
        new PrcPhone(Set.of("CN", "HK", "MO")),
        new ManySenders(5, 30, Set.of("CN", "HK")),
        new SmallTransfers(new BigDecimal("3000"), 3, 90, Set.of("CN")),
        new Structuring(new BigDecimal("10000"), new BigDecimal("0.10"), 3, 7),
        new MexicanFirm(3, new BigDecimal("0.5"), Set.of("CN", "HK")));
  }

  /** Unrelated parties sharing one phone number or e-mail address. */
  public record SharedContact(@DefaultValue("2") int minParties) {
    public SharedContact {
      atLeast("shared-contact.min-parties", minParties, 2);
    }
  }

  /**
   * A chemical firm (a name word from {@code words}) at an address shared with at least {@code
   * minOtherFirms} unrelated firms, or whose address carries a word from {@code residentialWords}.
   */
  public record ChemicalAddress(
      List<String> words, List<String> residentialWords, @DefaultValue("1") int minOtherFirms) {

    /** Name words of chemical and pharmaceutical firms, English and Chinese. */
    static final List<String> CHEMICAL_WORDS =
        List.of(
            "chemical",
            "chemicals",
            "chem",
            "pharma",
            "pharmaceutical",
            "pharmaceuticals",
            "biotech",
            "biotechnology",
            "化工",
            "化学",
            "医药",
            "制药",
            "生物");

    /** Address words that mark a home rather than business premises. */
    static final List<String> RESIDENTIAL_WORDS =
        List.of("residential", "residence", "apartment", "apt", "flat", "住宅", "小区", "公寓", "宿舍");

    public ChemicalAddress {
      words = nonEmpty("chemical-address.words", words == null ? CHEMICAL_WORDS : words);
      residentialWords =
          nonEmpty(
              "chemical-address.residential-words",
              residentialWords == null ? RESIDENTIAL_WORDS : residentialWords);
      atLeast("chemical-address.min-other-firms", minOtherFirms, 1);
    }
  }

  /** A party whose stated countries are all outside {@code countries} using a +86 number. */
  public record PrcPhone(@DefaultValue({"CN", "HK", "MO"}) Set<String> countries) {
    public PrcPhone {
      countries = countryCodes("prc-phone.countries", countries);
    }
  }

  /**
   * At least {@code minPayers} distinct payers paying one beneficiary within {@code windowDays}.
   */
  public record ManySenders(
      @DefaultValue("5") int minPayers,
      @DefaultValue("30") int windowDays,
      @DefaultValue({"CN", "HK"}) Set<String> beneficiaryCountries) {
    public ManySenders {
      atLeast("many-senders.min-payers", minPayers, 2);
      atLeast("many-senders.window-days", windowDays, 1);
      beneficiaryCountries =
          countryCodes("many-senders.beneficiary-countries", beneficiaryCountries);
    }
  }

  /**
   * At least {@code minTransfers} payments of at most {@code maxAmount} without a purpose to one
   * individual in {@code countries} within {@code windowDays}.
   */
  public record SmallTransfers(
      @DefaultValue("3000") BigDecimal maxAmount,
      @DefaultValue("3") int minTransfers,
      @DefaultValue("90") int windowDays,
      @DefaultValue("CN") Set<String> countries) {
    public SmallTransfers {
      positive("small-transfers.max-amount", maxAmount);
      atLeast("small-transfers.min-transfers", minTransfers, 1);
      atLeast("small-transfers.window-days", windowDays, 1);
      countries = countryCodes("small-transfers.countries", countries);
    }
  }

  /**
   * At least {@code minPayments} payments from one payer within {@code windowDays}, each below
   * {@code threshold} by at most {@code margin} of it (10% of 10,000: 9,000 up to 9,999.99).
   */
  public record Structuring(
      @DefaultValue("10000") BigDecimal threshold,
      @DefaultValue("0.10") BigDecimal margin,
      @DefaultValue("3") int minPayments,
      @DefaultValue("7") int windowDays) {
    public Structuring {
      positive("structuring.threshold", threshold);
      if (margin == null || margin.signum() <= 0 || margin.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException(
            "presstrace.redflags.structuring.margin must be above 0 and below 1, not " + margin);
      }
      atLeast("structuring.min-payments", minPayments, 2);
      atLeast("structuring.window-days", windowDays, 1);
    }

    /** The lowest amount that counts as just below the threshold. */
    public BigDecimal floor() {
      return threshold.subtract(threshold.multiply(margin));
    }
  }

  /**
   * A Mexican firm with at least {@code minPayments} payments of which at least {@code minShare} go
   * to chemical firms in {@code supplierCountries}.
   */
  public record MexicanFirm(
      @DefaultValue("3") int minPayments,
      @DefaultValue("0.5") BigDecimal minShare,
      @DefaultValue({"CN", "HK"}) Set<String> supplierCountries) {
    public MexicanFirm {
      atLeast("mexican-firm.min-payments", minPayments, 1);
      if (minShare == null || minShare.signum() <= 0 || minShare.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException(
            "presstrace.redflags.mexican-firm.min-share must be above 0 and at most 1, not "
                + minShare);
      }
      supplierCountries = countryCodes("mexican-firm.supplier-countries", supplierCountries);
    }
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(
          "presstrace.redflags." + name + " must be at least " + min + ", not " + value);
    }
  }

  private static void positive(String name, BigDecimal value) {
    if (value == null || value.signum() <= 0) {
      throw new IllegalArgumentException(
          "presstrace.redflags." + name + " must be a positive amount, not " + value);
    }
  }

  private static List<String> nonEmpty(String name, List<String> words) {
    List<String> kept =
        words == null
            ? List.of()
            : words.stream().filter(w -> w != null && !w.isBlank()).map(String::strip).toList();
    if (kept.isEmpty()) {
      throw new IllegalArgumentException(
          "presstrace.redflags." + name + " needs at least one word");
    }
    return kept;
  }

  private static Set<String> countryCodes(String name, Set<String> codes) {
    if (codes == null || codes.isEmpty()) {
      throw new IllegalArgumentException("presstrace.redflags." + name + " needs a country");
    }
    var normalised = new java.util.TreeSet<String>();
    for (String code : codes) {
      String alpha2 = ContactValues.countryCode(code);
      if (alpha2.isEmpty()) {
        throw new IllegalArgumentException(
            "presstrace.redflags." + name + ": '" + code + "' is not a country");
      }
      normalised.add(alpha2);
    }
    return Set.copyOf(normalised);
  }
}
