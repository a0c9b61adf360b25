package org.presstrace.resolution.internal;

import static org.presstrace.resolution.internal.Feature.level;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presstrace.resolution.Contribution;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.Schema;
import org.presstrace.resolution.internal.ValueCounts.Field;

/**
 * Compares two prepared entities feature by feature and adds the weights to a prior. The score is
 * the posterior probability that both describe the same entity; every weight is kept to explain it.
 */
final class Scorer {

  /** Before any evidence: one chance in a thousand that two candidates are the same entity. */
  static final double PRIOR = Math.log(1.0 / 1000) / Math.log(2);

  static final Feature NAME =
      Feature.of(
          "name",
          level("exact", 0.98, 0.85, 0.0005),
          level("close", 0.92, 0.09, 0.002),
          level("similar", 0.85, 0.03, 0.02),
          level("different", 0, 0.03, 0.9775));
  static final Feature FIRST_NAME =
      Feature.of(
          "firstName",
          level("exact", 0.98, 0.80, 0.01),
          level("close", 0.92, 0.10, 0.005),
          level("similar", 0.85, 0.04, 0.02),
          level("different", 0, 0.06, 0.965));
  static final Feature LAST_NAME =
      Feature.of(
          "lastName",
          level("exact", 0.98, 0.80, 0.005),
          level("close", 0.92, 0.10, 0.003),
          level("similar", 0.85, 0.04, 0.02),
          level("different", 0, 0.06, 0.972));
  static final Feature COMPANY_NAME =
      Feature.of(
          "name",
          level("exact", 0.97, 0.80, 0.0001),
          level("close", 0.92, 0.12, 0.001),
          level("similar", 0.85, 0.05, 0.01),
          level("different", 0, 0.03, 0.9889));

  /**
   * The parts of a Chinese company name ({@link ChineseCompanyName}). The trade name decides: an
   * exact one outweighs the other three parts together, a different one is not made up by them. A
   * different place or industry (the same trade name in another city, or a sister firm in another
   * trade) takes the pair out of the link band; a province on one side and one of its cities on the
   * other leaves it for review (湖北 and 武汉 may be one firm or two).
   */
  static final Feature TRADE_NAME =
      Feature.of(
          "tradeName",
          level("exact", 1, 0.90, 0.0003),
          level("close", 1, 0.06, 0.01),
          level("different", 0, 0.04, 0.9897));

  static final Feature PLACE =
      Feature.of(
          "place",
          level("same", 1, 0.88, 0.04),
          level("within", 1, 0.03, 0.20),
          level("different", 0, 0.02, 0.91));
  static final Feature INDUSTRY =
      Feature.of(
          "industry",
          level("same", 1, 0.85, 0.08),
          level("close", 1, 0.12, 0.12),
          level("different", 0, 0.02, 0.80));
  static final Feature CHINESE_FORM =
      Feature.of(
          "legalForm",
          level("same", 1, 0.85, 0.6),
          level("compatible", 1, 0.10, 0.25),
          level("different", 0, 0.05, 0.15));

  static final Feature LEGAL_FORM =
      Feature.of("legalForm", level("same", 1, 0.8, 0.3), level("different", 0, 0.2, 0.7));
  static final Feature BIRTH_DATE =
      Feature.of(
          "birthDate",
          level("exact", 1, 0.85, 0.0003),
          level("close", 1, 0.10, 0.003),
          level("partial", 1, 0.03, 0.015),
          level("different", 0, 0.02, 0.9817));
  static final Feature IDENTIFIER =
      Feature.of(
          "idNumber",
          level("exact", 1, 0.85, 0.00001),
          level("close", 1, 0.08, 0.0001),
          level("different", 0, 0.07, 0.99989));
  static final Feature REGISTRATION =
      Feature.of(
          "registrationNumber",
          level("exact", 1, 0.85, 0.00001),
          level("close", 1, 0.05, 0.0001),
          level("different", 0, 0.10, 0.99989));
  static final Feature PHONE =
      Feature.of("phone", level("exact", 1, 0.6, 0.0001), level("different", 0, 0.4, 0.9999));
  static final Feature EMAIL =
      Feature.of("email", level("exact", 1, 0.6, 0.00001), level("different", 0, 0.4, 0.99999));
  static final Feature STREET =
      Feature.of(
          "address",
          level("exact", 0.95, 0.70, 0.001),
          level("close", 0.85, 0.15, 0.01),
          level("different", 0, 0.15, 0.989));
  static final Feature POSTAL_CODE =
      Feature.of(
          "postalCode",
          level("exact", 1, 0.80, 0.01),
          level("close", 0.75, 0.10, 0.03),
          level("different", 0, 0.10, 0.96));
  static final Feature CITY =
      Feature.of(
          "city",
          level("exact", 1, 0.75, 0.01),
          level("close", 0.9, 0.13, 0.01),
          level("different", 0, 0.12, 0.98));
  static final Feature REGION =
      Feature.of("region", level("same", 1, 0.9, 0.3), level("different", 0, 0.1, 0.7));
  static final Feature COUNTRY =
      Feature.of("country", level("same", 1, 0.9, 0.1), level("different", 0, 0.1, 0.9));

  /** Asset identifiers: one shared is near proof, a different one near disproof. */
  static final java.util.Map<String, Feature> ASSET_IDS =
      java.util.Map.of(
          "vin", assetId("vin", 0.000001),
          "plate", assetId("plate", 0.0001),
          "imo", assetId("imoNumber", 0.000001),
          "mmsi", assetId("mmsi", 0.00001),
          "iban", assetId("iban", 0.000001),
          "account", assetId("accountNumber", 0.00001),
          "wallet", assetId("publicKey", 0.000001));

  static final Feature ASSET_NAME =
      Feature.of(
          "name",
          level("exact", 0.97, 0.70, 0.001),
          level("close", 0.90, 0.15, 0.005),
          level("different", 0, 0.15, 0.994));

  private static Feature assetId(String name, double u) {
    return Feature.of(name, level("exact", 1, 0.95, u), level("different", 0, 0.05, 1 - u));
  }

  /**
   * The most a rare value may add to an exact agreement, per counted property (bits): together far
   * less than a disagreement on the date of birth takes away, so rare names and a rare city cannot
   * outweigh it. E-mail addresses are weighed down when shared by many, never up.
   */
  static final Map<Field, Double> CEILINGS =
      Map.of(
          Field.GIVEN, 0.5, Field.FAMILY, 0.5, Field.NAME, 0.5, Field.CITY, 0.5, Field.EMAIL, 0.0);

  private final MatchOptions options;
  private final TermWeights terms;

  Scorer(MatchOptions options, TermWeights terms) {
    this.options = options;
    this.terms = terms;
  }

  /**
   * What one worker remembers between the pairs it scores: the similarities of name lists (given,
   * family and whole names, as {@link Similarity#names} compares them) and of cities. Each answer
   * is the computation's own ({@link RememberedSimilarities}), so scores and explanations do not
   * change; a worker keeps its own, never shared between threads.
   */
  static final class Memory {

    /**
     * Remembers nothing: every similarity is computed. Holds no state, so any thread may use it.
     */
    static final Memory NONE = new Memory(0, 0);

    /**
     * Pairs of name lists a worker remembers: 2^18, 4 MiB. At 200,000 synthetic people a table of
     * 2^16 answered 62 % of the look-ups, of 2^20 73 %; the rest are pairs seen once (misspelt
     * names).
     */
    static final int NAMES = 1 << 18;

    /** Pairs of cities a worker remembers: far fewer distinct cities than names. */
    static final int CITIES = 1 << 12;

    final RememberedSimilarities<List<String>> names;
    final RememberedSimilarities<String> cities;

    /** A worker's memory, of the sizes above. */
    Memory() {
      this(NAMES, CITIES);
    }

    Memory(int names, int cities) {
      this.names = new RememberedSimilarities<>(names, Similarity::names);
      this.cities = new RememberedSimilarities<>(cities, Similarity::jaroWinkler);
    }
  }

  Match compare(Prepared a, Prepared b) {
    return compare(a, b, Memory.NONE);
  }

  /** {@link #compare(Prepared, Prepared)}, with the similarities this worker remembers. */
  Match compare(Prepared a, Prepared b, Memory memory) {
    var contributions = new ArrayList<Contribution>();
    contributions.add(new Contribution("prior", "1/1000", PRIOR));
    if (a.schema() == Schema.PERSON) {
      names(a.person(), b.person(), contributions, memory);
      add(contributions, BIRTH_DATE.byLevel(dates(a.birth(), b.birth())));
      add(contributions, IDENTIFIER.byLevel(identifiers(a.identifiers(), b.identifiers())));
    } else if (a.schema() == Schema.COMPANY) {
      company(a.company(), b.company(), contributions);
      add(contributions, REGISTRATION.byLevel(identifiers(a.identifiers(), b.identifiers())));
    } else {
      assets(a, b, contributions);
    }
    add(contributions, PHONE.byLevel(shared(a.phones(), b.phones())));
    add(
        contributions,
        common(
            EMAIL.byLevel(shared(a.emails(), b.emails())),
            Field.EMAIL,
            EMAIL,
            sharedValues(a.emails(), b.emails())));
    add(contributions, COUNTRY.byLevel(same(a.countries(), b.countries())));
    add(contributions, STREET.bySimilarity(listSimilarity(a.street(), b.street())));
    add(contributions, POSTAL_CODE.bySimilarity(postal(a.postalCodes(), b.postalCodes())));
    add(
        contributions,
        common(
            CITY.bySimilarity(city(a.city(), b.city(), memory)),
            Field.CITY,
            CITY,
            List.of(a.city(), b.city())));
    add(
        contributions,
        REGION.bySimilarity(
            a.region().isEmpty() || b.region().isEmpty()
                ? -1
                : a.region().equals(b.region()) ? 1 : 0));
    double weight = contributions.stream().mapToDouble(Contribution::weight).sum();
    double score = 1 / (1 + Math.pow(2, -weight));
    return new Match(a.id(), b.id(), score, weight, options.band(score), contributions);
  }

  /**
   * A bound of {@code compare(a, b).weight()} from above, worked out without building the
   * explanation and cheapest feature first: once the features still to compare cannot lift the pair
   * to {@code least} bits, the bound so far is returned (below {@code least}). A batch scores in
   * full only the pairs whose bound reaches the review threshold, so it keeps exactly the pairs
   * {@link #compare} keeps. Term-frequency adjustments are bounded by their ceilings; assets are
   * not bounded (their features are few and cheap).
   */
  double bound(Prepared a, Prepared b, double least) {
    return bound(a, b, least, Memory.NONE);
  }

  /** {@link #bound(Prepared, Prepared, double)}, with the similarities this worker remembers. */
  double bound(Prepared a, Prepared b, double least, Memory memory) {
    if (a.schema() != Schema.PERSON && a.schema() != Schema.COMPANY) {
      return Double.POSITIVE_INFINITY;
    }
    double sure = PRIOR;
    boolean person = a.schema() == Schema.PERSON;
    if (person) {
      sure += BIRTH_DATE.weightOf(dates(a.birth(), b.birth()));
      sure += IDENTIFIER.weightOf(identifiers(a.identifiers(), b.identifiers()));
    } else {
      sure += REGISTRATION.weightOf(identifiers(a.identifiers(), b.identifiers()));
    }
    sure += PHONE.weightOf(shared(a.phones(), b.phones()));
    // an exact e-mail is only ever weighed down (its ceiling is 0)
    sure += EMAIL.weightOf(shared(a.emails(), b.emails()));
    sure += COUNTRY.weightOf(same(a.countries(), b.countries()));
    if (!a.region().isEmpty() && !b.region().isEmpty()) {
      sure += REGION.weightOf(a.region().equals(b.region()) ? 1 : 0);
    }
    boolean cities = !a.city().isEmpty() && !b.city().isEmpty();
    boolean streets = !a.street().isEmpty() && !b.street().isEmpty();
    boolean postals = !a.postalCodes().isEmpty() && !b.postalCodes().isEmpty();
    double names = person ? personNamesHighest(a.person(), b.person()) : companyHighest(a, b);
    double open =
        names
            + (cities ? CITY_HIGHEST : 0)
            + (streets ? STREET_HIGHEST : 0)
            + (postals ? POSTAL_CODE_HIGHEST : 0);
    if (sure + open < least) {
      return sure + open;
    }
    if (postals) {
      sure += POSTAL_CODE.weightOf(postalLevel(a.postalCodes(), b.postalCodes()));
      open -= POSTAL_CODE_HIGHEST;
    }
    if (cities) {
      double city = city(a.city(), b.city(), memory);
      sure += CITY.weightOf(city) + (city >= CITY_EXACT ? CITY_CEILING : 0);
      open -= CITY_HIGHEST;
      if (sure + open < least) {
        return sure + open;
      }
    }
    double named = person ? personNames(a.person(), b.person(), memory) : companyNames(a, b);
    open -= names;
    sure += named;
    if (sure + open < least) {
      return sure + open;
    }
    if (streets) {
      sure += STREET.weightOf(listSimilarity(a.street(), b.street()));
    }
    return sure;
  }

  /** The most a city agreement can add: the exact weight and its ceiling. */
  private static final double CITY_HIGHEST = CITY.highest() + CEILINGS.get(Field.CITY);

  // asked for every candidate pair: worked out once, not looked up in the levels and the ceilings
  private static final double CITY_EXACT = CITY.level("exact").min();
  private static final double CITY_CEILING = CEILINGS.get(Field.CITY);
  private static final double STREET_HIGHEST = STREET.highest();
  private static final double POSTAL_CODE_HIGHEST = POSTAL_CODE.highest();
  private static final double PARTS_CEILINGS =
      CEILINGS.get(Field.GIVEN) + CEILINGS.get(Field.FAMILY);
  private static final double WHOLE_NAME_HIGHEST = NAME.highest() + CEILINGS.get(Field.NAME);
  private static final double PARTS_HIGHEST =
      FIRST_NAME.highest()
          + CEILINGS.get(Field.GIVEN)
          + LAST_NAME.highest()
          + CEILINGS.get(Field.FAMILY);

  /** The most the names of two people can add, adjustments included. */
  private static double personNamesHighest(PersonName a, PersonName b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    return !a.parts() || !b.parts() ? WHOLE_NAME_HIGHEST : PARTS_HIGHEST;
  }

  /** The names of two people as {@link #names} weighs them, each exact level at its ceiling. */
  private static double personNames(PersonName a, PersonName b, Memory memory) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    ChineseName.Agreement agreement = chinese(a, b);
    double plain = plainPersonNames(a, b, memory);
    if (agreement == null || !agreement.both()) {
      return plain;
    }
    // the caps of a disagreement only lower the plain weights, so the plain bound still holds
    double crossed = 0;
    for (Contribution contribution : crossed(a, b, agreement)) {
      crossed += contribution.weight();
    }
    crossed += a.parts() && b.parts() ? PARTS_CEILINGS : CEILINGS.get(Field.NAME);
    return Math.max(plain, crossed);
  }

  private static double plainPersonNames(PersonName a, PersonName b, Memory memory) {
    if (!a.parts() || !b.parts()) {
      double similarity = memory.names.of(a.tokens(), b.tokens());
      return NAME.weightOf(similarity) + exactCeiling(NAME, similarity, Field.NAME);
    }
    double first = listSimilarity(a.given(), b.given(), memory);
    double last = listSimilarity(a.family(), b.family(), memory);
    if (swapped(a, b, first, last, memory)) {
      first = listSimilarity(a.given(), b.family(), memory);
      last = listSimilarity(a.family(), b.given(), memory);
    }
    return FIRST_NAME.weightOf(first)
        + exactCeiling(FIRST_NAME, first, Field.GIVEN)
        + LAST_NAME.weightOf(last)
        + exactCeiling(LAST_NAME, last, Field.FAMILY);
  }

  private static double exactCeiling(Feature feature, double similarity, Field field) {
    return similarity >= feature.levels().get(0).min() ? CEILINGS.get(field) : 0;
  }

  private static double companyHighest(Prepared a, Prepared b) {
    if (readAsChinese(a.company(), b.company())) {
      return PLACE.highest() + TRADE_NAME.highest() + INDUSTRY.highest() + CHINESE_FORM.highest();
    }
    double highest = 0;
    if (!a.company().isEmpty() && !b.company().isEmpty()) {
      highest += COMPANY_NAME.highest();
    }
    if (!a.company().legalForm().isEmpty() && !b.company().legalForm().isEmpty()) {
      highest += LEGAL_FORM.highest();
    }
    return highest;
  }

  /** The weight {@link #company} gives the two names: the same contributions, summed. */
  private static double companyNames(Prepared a, Prepared b) {
    var contributions = new ArrayList<Contribution>(4);
    company(a.company(), b.company(), contributions);
    double weight = 0;
    for (Contribution contribution : contributions) {
      weight += contribution.weight();
    }
    return weight;
  }

  /** Whether two company names are compared part by part as Chinese firms' names. */
  private static boolean readAsChinese(CompanyName a, CompanyName b) {
    ChineseCompanyName x = a.chinese();
    ChineseCompanyName y = b.chinese();
    return (x.chinese() || y.chinese()) && x.hasTradeName() && y.hasTradeName();
  }

  private void names(PersonName a, PersonName b, List<Contribution> out, Memory memory) {
    if (a.isEmpty() || b.isEmpty()) {
      return;
    }
    ChineseName.Agreement agreement = chinese(a, b);
    if (agreement == null) {
      plainNames(a, b, out, memory);
      return;
    }
    var plain = new ArrayList<Contribution>(3);
    plainNames(a, b, plain, memory);
    if (agreement.both()) {
      var crossed = new ArrayList<Contribution>(3);
      for (Contribution contribution : crossed(a, b, agreement)) {
        crossed.add(
            switch (contribution.feature()) {
              case "firstName" ->
                  common(contribution, Field.GIVEN, FIRST_NAME, keys(a.given(), b.given()));
              case "lastName" ->
                  common(contribution, Field.FAMILY, LAST_NAME, keys(a.family(), b.family()));
              case "name" -> common(contribution, Field.NAME, NAME, wholeNames(a, b));
              default -> contribution;
            });
      }
      out.addAll(total(crossed) > total(plain) ? crossed : plain);
      return;
    }
    for (Contribution contribution : plain) {
      out.add(capped(contribution, agreement));
    }
  }

  /**
   * Both names read as Chinese names and agree in some romanisation: the family and given names
   * (when both sides know them apart) or the whole name, each at the level the readings reach, and
   * which romanisations agreed. A family name that may be more than one (Wong: 黃 or 王) agrees only
   * closely, so that the name alone never links.
   */
  private static List<Contribution> crossed(
      PersonName a, PersonName b, ChineseName.Agreement agreement) {
    var romanisation = new Contribution("romanisation", agreement.explanation(), 0);
    if (a.parts() && b.parts()) {
      return List.of(
          FIRST_NAME.byLevel("exact"),
          LAST_NAME.byLevel(agreement.family() == ChineseName.Agreement.EXACT ? "exact" : "close"),
          romanisation);
    }
    return List.of(NAME.byLevel("exact"), romanisation);
  }

  /**
   * Both names read as Chinese names and no reading of one agrees with a reading of the other in
   * the family or the given name: the part that differs is at most similar, however close its
   * letters (Weiming and Weimin, or 张伟明 and 章伟明, are different names).
   */
  private static Contribution capped(Contribution contribution, ChineseName.Agreement agreement) {
    Feature feature =
        switch (contribution.feature()) {
          case "firstName" -> agreement.given() == ChineseName.Agreement.NONE ? FIRST_NAME : null;
          case "lastName" -> agreement.family() == ChineseName.Agreement.NONE ? LAST_NAME : null;
          case "name" -> NAME;
          default -> null;
        };
    if (feature == null || contribution.weight() <= feature.weightOf("similar")) {
      return contribution;
    }
    return feature.byLevel("similar");
  }

  /** How two names agree read as Chinese names; {@code null} when either does not read as one. */
  private static ChineseName.Agreement chinese(PersonName a, PersonName b) {
    if (a.chinese().isEmpty() || b.chinese().isEmpty()) {
      return null;
    }
    return ChineseName.compare(a.chinese(), b.chinese());
  }

  private static double total(List<Contribution> contributions) {
    double total = 0;
    for (Contribution contribution : contributions) {
      total += contribution.weight();
    }
    return total;
  }

  private void plainNames(PersonName a, PersonName b, List<Contribution> out, Memory memory) {
    if (!a.parts() || !b.parts()) {
      Contribution name = NAME.bySimilarity(memory.names.of(a.tokens(), b.tokens()));
      add(out, common(name, Field.NAME, NAME, wholeNames(a, b)));
      return;
    }
    double first = listSimilarity(a.given(), b.given(), memory);
    double last = listSimilarity(a.family(), b.family(), memory);
    if (swapped(a, b, first, last, memory)) {
      double swappedFirst = listSimilarity(a.given(), b.family(), memory);
      double swappedLast = listSimilarity(a.family(), b.given(), memory);
      parts(swappedFirst, a.given(), b.family(), swappedLast, a.family(), b.given(), out);
      out.add(new Contribution("nameOrder", "swapped", 0));
      return;
    }
    parts(first, a.given(), b.given(), last, a.family(), b.family(), out);
  }

  /**
   * Whether two complete names agree better with one of them read in the other order (given name as
   * family name and family as given), by more than a tenth. The swapped similarities are at most 1
   * each, so when the names as written already agree within a tenth of 2, or the first swapped part
   * cannot make up the difference, the second is not computed. Before either is computed, what it
   * can reach at most ({@link Similarity#namesAtMost}, for one word a side) is tried: most
   * candidates agree as written far better than a given name agrees with a family name.
   */
  static boolean swapped(PersonName a, PersonName b, double first, double last) {
    return swapped(a, b, first, last, Memory.NONE);
  }

  /** {@link #swapped(PersonName, PersonName, double, double)}, with remembered similarities. */
  static boolean swapped(PersonName a, PersonName b, double first, double last, Memory memory) {
    if (!a.complete() || !b.complete()) {
      return false;
    }
    double needed = first + last + 0.1;
    if (2 <= needed) {
      return false;
    }
    double firstAtMost = atMost(a.given(), b.family());
    if (firstAtMost + 1 <= needed || firstAtMost + atMost(a.family(), b.given()) <= needed) {
      return false;
    }
    double swappedFirst = listSimilarity(a.given(), b.family(), memory);
    if (swappedFirst + 1 <= needed) {
      return false;
    }
    return swappedFirst + listSimilarity(a.family(), b.given(), memory) > needed;
  }

  /** The most {@link #listSimilarity} of two non-empty lists can be: 1 unless one word a side. */
  private static double atMost(List<String> a, List<String> b) {
    return a.size() == 1 && b.size() == 1 ? Similarity.namesAtMost(a.get(0), b.get(0)) : 1;
  }

  /** The given and family names compared, each agreement weighed by how common the name is. */
  private void parts(
      double first,
      List<String> leftGiven,
      List<String> rightGiven,
      double last,
      List<String> leftFamily,
      List<String> rightFamily,
      List<Contribution> out) {
    Contribution given = FIRST_NAME.bySimilarity(first);
    add(out, common(given, Field.GIVEN, FIRST_NAME, keys(leftGiven, rightGiven)));
    Contribution family = LAST_NAME.bySimilarity(last);
    add(out, common(family, Field.FAMILY, LAST_NAME, keys(leftFamily, rightFamily)));
  }

  /**
   * An exact agreement with its weight adjusted by how common the agreed values are among the
   * counted records ({@link TermWeights}); any other level as it is.
   */
  private Contribution common(
      Contribution contribution, Field field, Feature feature, List<String> values) {
    if (contribution == null || !contribution.level().equals("exact")) {
      return contribution;
    }
    double u = feature.level("exact").u();
    double weight = contribution.weight();
    double adjustment = terms.adjustment(field, u, weight, CEILINGS.get(field), values);
    return adjustment == 0
        ? contribution
        : new Contribution(contribution.feature(), contribution.level(), weight + adjustment);
  }

  private static List<String> keys(List<String> left, List<String> right) {
    return List.of(ValueCounts.key(left), ValueCounts.key(right));
  }

  private static List<String> wholeNames(PersonName a, PersonName b) {
    return keys(ValueCounts.wholeName(a), ValueCounts.wholeName(b));
  }

  private static List<String> sharedValues(Set<String> a, Set<String> b) {
    return a.stream().filter(b::contains).toList();
  }

  /** Each kind of asset identifier both sides state, then the name when both have one. */
  private static void assets(Prepared a, Prepared b, List<Contribution> out) {
    for (var kind : new java.util.TreeSet<>(ASSET_IDS.keySet())) {
      Set<String> left = ofKind(a.assetIds(), kind);
      Set<String> right = ofKind(b.assetIds(), kind);
      add(out, ASSET_IDS.get(kind).byLevel(shared(left, right)));
    }
    if (!a.assetName().isEmpty() && !b.assetName().isEmpty()) {
      add(out, ASSET_NAME.bySimilarity(Similarity.names(a.assetName(), b.assetName())));
    }
  }

  private static Set<String> ofKind(Set<String> ids, String kind) {
    var matching = new java.util.LinkedHashSet<String>();
    for (String id : ids) {
      if (id.startsWith(kind + ":")) {
        matching.add(id);
      }
    }
    return matching;
  }

  private static void company(CompanyName a, CompanyName b, List<Contribution> out) {
    ChineseCompanyName x = a.chinese();
    ChineseCompanyName y = b.chinese();
    if (readAsChinese(a, b)) {
      add(out, PLACE.byLevel(ChineseCompanyName.places(x.place(), y.place())));
      add(out, TRADE_NAME.byLevel(ChineseCompanyName.tradeNames(x, y)));
      add(out, INDUSTRY.byLevel(ChineseCompanyName.industries(x.industry(), y.industry())));
      add(out, CHINESE_FORM.byLevel(ChineseCompanyName.forms(x.legalForm(), y.legalForm())));
      return;
    }
    if (!a.isEmpty() && !b.isEmpty()) {
      add(out, COMPANY_NAME.bySimilarity(Similarity.names(a.tokens(), b.tokens())));
    }
    if (!a.legalForm().isEmpty() && !b.legalForm().isEmpty()) {
      add(out, LEGAL_FORM.bySimilarity(a.legalForm().equals(b.legalForm()) ? 1 : 0));
    }
  }

  private static String dates(PartialDate a, PartialDate b) {
    return switch (a.compare(b)) {
      case EXACT -> "exact";
      case CLOSE -> "close";
      case PARTIAL -> "partial";
      case DIFFERENT -> "different";
      case MISSING -> null;
    };
  }

  private static String identifiers(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return null;
    }
    if (shared(a, b).equals("exact")) {
      return "exact";
    }
    // no value is shared: two of one length are close when one character differs (an edit
    // distance of at most one, 1 - d / length >= 1 - 1 / length)
    for (String x : a) {
      for (String y : b) {
        if (x.length() == y.length() && Similarity.oneEditApart(x, y)) {
          return "close";
        }
      }
    }
    return "different";
  }

  private static String shared(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return null;
    }
    for (String value : a) {
      if (b.contains(value)) {
        return "exact";
      }
    }
    return "different";
  }

  private static String same(Set<String> a, Set<String> b) {
    return shared(a, b) == null ? null : shared(a, b).equals("exact") ? "same" : "different";
  }

  /**
   * A similarity of two sets of postal codes at the same level of {@link #POSTAL_CODE} as {@link
   * #postal}: for one code a side, the same code is exact, codes of at most seven characters more
   * than one edit apart are below the close level (1 - 2/7 &lt; 0.75) and need no edit distance.
   */
  private static double postalLevel(Set<String> a, Set<String> b) {
    if (a.size() == 1 && b.size() == 1) {
      String x = a.iterator().next();
      String y = b.iterator().next();
      if (x.equals(y)) {
        return 1;
      }
      if (Math.max(x.length(), y.length()) <= 7 && !Similarity.oneEditApart(x, y)) {
        return 0;
      }
    }
    return postal(a, b);
  }

  private static double postal(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return -1;
    }
    double best = 0;
    for (String x : a) {
      for (String y : b) {
        best = Math.max(best, Similarity.levenshtein(x, y));
      }
    }
    return best;
  }

  private static double listSimilarity(List<String> a, List<String> b) {
    return listSimilarity(a, b, Memory.NONE);
  }

  private static double listSimilarity(List<String> a, List<String> b, Memory memory) {
    return a.isEmpty() || b.isEmpty() ? -1 : memory.names.of(a, b);
  }

  private static double city(String a, String b, Memory memory) {
    return a.isEmpty() || b.isEmpty() ? -1 : memory.cities.of(a, b);
  }

  private static void add(List<Contribution> out, Contribution contribution) {
    if (contribution != null) {
      out.add(contribution);
    }
  }
}
