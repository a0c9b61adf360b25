package org.presstrace.seizures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Aggregation;
import org.presstrace.access.Criteria;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.LagTolerant;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.shared.InvalidRequest;
import org.springframework.stereotype.Service;

/**
 * Series and roll-ups of seizures: weight, pills, doses (per method) and presses, by month or US
 * fiscal year, optionally broken down by region, port, substance or context. Every figure is an
 * aggregate through {@link GuardedReads#aggregate}, so it covers only the seizures the caller may
 * read.
 */
@Service
public class SeizureAnalytics {

  /** How a series groups time. */
  public enum Period {
    MONTH("r.occurred_month"),
    FISCAL_YEAR("r.fiscal_year"),
    ALL(null);

    private final String column;

    Period(String column) {
      this.column = column;
    }

    public static Period parse(String text) {
      String given = text == null ? "month" : text.strip().toLowerCase(Locale.ROOT);
      return switch (given) {
        case "month", "" -> MONTH;
        case "fy", "fiscal-year", "fiscal_year" -> FISCAL_YEAR;
        case "all" -> ALL;
        default ->
            throw new InvalidRequest("period", "period '" + text + "' is not month, fy or all");
      };
    }
  }

  /** What a series breaks each period down by. */
  public enum Breakdown {
    NONE(null),
    REGION("r.region"),
    PORT("r.port_of_entry"),
    SUBSTANCE("c.substance_group"),
    CONTEXT("r.context");

    private final String column;

    Breakdown(String column) {
      this.column = column;
    }

    public static Breakdown parse(String text) {
      String given = text == null ? "none" : text.strip().toLowerCase(Locale.ROOT);
      for (Breakdown breakdown : values()) {
        if (breakdown.name().toLowerCase(Locale.ROOT).equals(given) || given.isEmpty()) {
          return given.isEmpty() ? NONE : breakdown;
        }
      }
      throw new InvalidRequest(
          "by", "breakdown '" + text + "' is not none, region, port, substance or context");
    }
  }

  /** A roll-up of the last {@code months} calendar months, ending with the current one (UTC). */
  public record RollUp(int months, String fromMonth, String toMonth, SeriesRow totals) {}

  private static final Map<DoseMethod, String> COLUMNS =
      Map.of(
          DoseMethod.LAB_PURITY, "c.fentanyl_mg_lab",
          DoseMethod.PILL_CONTENT, "c.fentanyl_mg_pills",
          DoseMethod.ASSUMED_PURITY, "c.fentanyl_mg_assumed",
          DoseMethod.GROSS_UNADJUSTED, "c.fentanyl_mg_gross");

  private final GuardedReads reads;
  private final DoseSettings settings;
  private final Clock clock;

  SeizureAnalytics(GuardedReads reads, DoseSettings settings, Clock clock) {
    this.reads = reads;
    this.settings = settings;
    this.clock = clock;
  }

  public DoseSettings settings() {
    return settings;
  }

  /** The series of readable seizures matching {@code filter}; may be read from the replica. */
  @LagTolerant
  public List<SeriesRow> series(
      AccessContext context, Period period, Breakdown by, SeizureFilter filter) {
    Criteria criteria = filter.criteria();
    var groups = new ArrayList<String>();
    if (period.column != null) {
      groups.add(period.column);
    }
    if (by.column != null) {
      groups.add(by.column);
    }
    var itemMeasures = new LinkedHashMap<String, String>();
    itemMeasures.put("net_mg", "SUM(c.net_mg)");
    itemMeasures.put("pills", "SUM(c.pill_count)");
    itemMeasures.put("item_seizures", "COUNT(DISTINCT r.id)");
    itemMeasures.put("best_mg", "SUM(c.fentanyl_mg_best)");
    COLUMNS.forEach(
        (method, column) -> {
          itemMeasures.put(key(method) + "_mg", "SUM(" + column + ")");
          itemMeasures.put(key(method) + "_n", "COUNT(" + column + ")");
        });
    var items =
        reads.aggregate(
            context,
            Seizures.KIND,
            criteria,
            Aggregation.overChildren("seizure_item", "seizure_id", groups, itemMeasures));
    var bestGroups = new ArrayList<>(groups);
    bestGroups.add("c.best_method");
    var best =
        reads.aggregate(
            context,
            Seizures.KIND,
            criteria,
            Aggregation.overChildren(
                "seizure_item", "seizure_id", bestGroups, Map.of("n", "COUNT(c.best_method)")));
    Map<List<String>, Aggregation.Row> seizures = new LinkedHashMap<>();
    if (by != Breakdown.SUBSTANCE) {
      reads
          .aggregate(
              context,
              Seizures.KIND,
              criteria,
              Aggregation.of(groups, Map.of("seizures", "COUNT(*)", "presses", "SUM(r.presses)")))
          .forEach(row -> seizures.put(row.groups(), row));
    }
    return rows(period, by, items, best, seizures);
  }

  /**
   * The markings of the readable seizures a series over {@code filter} sums, each once: what an
   * exported series is marked with. A line sums seizures of several markings, so each line and the
   * file carry the join of all of them, which is at least as high as any line's own.
   */
  public List<Marking> seriesMarkings(AccessContext context, SeizureFilter filter) {
    var markings = new ArrayList<Marking>();
    for (Aggregation.Row row :
        reads.aggregate(
            context,
            Seizures.KIND,
            filter.criteria(),
            Aggregation.of(
                List.of(
                    "r.owner_agency",
                    "r.tlp",
                    "r.cui_category",
                    "r.noforn",
                    "r.rel_to",
                    "r.compartment"),
                Map.of("n", "COUNT(*)")))) {
      var g = row.groups();
      String noforn = g.get(3) == null ? "" : g.get(3).strip().toLowerCase(Locale.ROOT);
      markings.add(
          new Marking(
              g.get(0),
              Tlp.parse(g.get(1)),
              g.get(2),
              noforn.equals("true") || noforn.equals("t") || noforn.equals("1"),
              Marking.relToFromColumn(g.get(4)),
              g.get(5)));
    }
    return markings;
  }

  /**
   * Totals of the last {@code months} calendar months, the current month included (UTC); may be
   * read from the replica.
   */
  @LagTolerant
  public RollUp lastMonths(AccessContext context, int months, SeizureFilter filter) {
    if (months < 1 || months > 120) {
      throw new InvalidRequest("months", "months must be 1 to 120, not " + months);
    }
    YearMonth to = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    YearMonth from = to.minusMonths(months - 1L);
    var rows =
        series(context, Period.ALL, Breakdown.NONE, filter.months(from.toString(), to.toString()));
    SeriesRow totals = rows.isEmpty() ? empty("all", "all") : rows.get(0);
    return new RollUp(months, from.toString(), to.toString(), totals);
  }

  private List<SeriesRow> rows(
      Period period,
      Breakdown by,
      List<Aggregation.Row> items,
      List<Aggregation.Row> best,
      Map<List<String>, Aggregation.Row> seizures) {
    var bestCounts = new LinkedHashMap<List<String>, Map<DoseMethod, Long>>();
    for (var row : best) {
      var keys = row.groups().subList(0, row.groups().size() - 1);
      String method = row.groups().get(row.groups().size() - 1);
      if (method != null) {
        bestCounts
            .computeIfAbsent(keys, k -> new EnumMap<>(DoseMethod.class))
            .put(DoseMethod.valueOf(method), row.value("n").longValue());
      }
    }
    var keys = new java.util.TreeSet<List<String>>(SeizureAnalytics::compareKeys);
    items.forEach(row -> keys.add(row.groups()));
    keys.addAll(seizures.keySet());
    Map<List<String>, Aggregation.Row> byKey = new LinkedHashMap<>();
    items.forEach(row -> byKey.put(row.groups(), row));
    var result = new ArrayList<SeriesRow>();
    for (List<String> key : keys) {
      String periodLabel = label(period, key);
      String group = by == Breakdown.NONE ? "all" : nullToNone(key.get(key.size() - 1));
      Aggregation.Row item = byKey.get(key);
      Aggregation.Row seizure = seizures.get(key);
      if (item == null) {
        result.add(withSeizures(empty(periodLabel, group), seizure, by));
        continue;
      }
      var methods = new EnumMap<DoseMethod, SeriesRow.MethodTotal>(DoseMethod.class);
      for (DoseMethod method : DoseMethod.values()) {
        BigDecimal mg = zero(item.value(key(method) + "_mg"));
        methods.put(
            method,
            new SeriesRow.MethodTotal(
                method.description(),
                mg,
                DoseEstimate.doses(mg, settings),
                zero(item.value(key(method) + "_n")).longValue(),
                assumptions(method)));
      }
      var counts = bestCounts.getOrDefault(key, Map.of());
      var row =
          new SeriesRow(
              periodLabel,
              group,
              zero(item.value("item_seizures")).longValue(),
              null,
              kilograms(zero(item.value("net_mg"))),
              zero(item.value("pills")).longValue(),
              methods,
              new SeriesRow.BestAvailable(
                  DoseEstimate.doses(zero(item.value("best_mg")), settings),
                  counts,
                  bestAssumptions()),
              basis());
      result.add(withSeizures(row, seizure, by));
    }
    return result;
  }

  private static SeriesRow withSeizures(SeriesRow row, Aggregation.Row seizure, Breakdown by) {
    if (by == Breakdown.SUBSTANCE) {
      return row;
    }
    long count = seizure == null ? row.seizures() : zero(seizure.value("seizures")).longValue();
    long presses = seizure == null ? 0 : zero(seizure.value("presses")).longValue();
    return new SeriesRow(
        row.period(),
        row.group(),
        count,
        presses,
        row.netKg(),
        row.pills(),
        row.byMethod(),
        row.best(),
        row.basis());
  }

  private SeriesRow empty(String period, String group) {
    var methods = new EnumMap<DoseMethod, SeriesRow.MethodTotal>(DoseMethod.class);
    for (DoseMethod method : DoseMethod.values()) {
      methods.put(
          method,
          new SeriesRow.MethodTotal(
              method.description(), BigDecimal.ZERO, 0, 0, assumptions(method)));
    }
    return new SeriesRow(
        period,
        group,
        0,
        0L,
        BigDecimal.ZERO,
        0,
        methods,
        new SeriesRow.BestAvailable(0, Map.of(), bestAssumptions()),
        basis());
  }

  private SeriesRow.Basis basis() {
    return new SeriesRow.Basis(
        settings.lethalDoseMg(), settings.powderPurityPct(), settings.pillMg());
  }

  private String threshold() {
    return "at "
        + DoseCalculator.plain(settings.lethalDoseMg())
        + " mg per potentially lethal dose; the mass of a fentanyl-related substance counted as"
        + " fentanyl (not potency-adjusted)";
  }

  /** What a series total of {@code method} assumes, in words, threshold included. */
  public String assumptions(DoseMethod method) {
    String basis =
        switch (method) {
          case LAB_PURITY -> "per item net weight x the purity its lab measured";
          case PILL_CONTENT -> "per item pills x the mg per pill its lab measured";
          case ASSUMED_PURITY ->
              "items without a lab result: net weight x "
                  + DoseCalculator.plain(settings.powderPurityPct())
                  + "% assumed powder purity, or pills x "
                  + DoseCalculator.plain(settings.pillMg())
                  + " mg per pill assumed (configured; an item keeps the value applied when it was"
                  + " recorded)";
          case GROSS_UNADJUSTED ->
              "gross weight (net when no gross weight is recorded) taken as 100% fentanyl, whole"
                  + " pills (binder and filler included) for pills: an upper bound, not an"
                  + " estimate";
        };
    return basis + "; " + threshold();
  }

  /** What the best-available total assumes, in words, threshold included. */
  public String bestAssumptions() {
    return "per item the first method that applies: LAB_PURITY, PILL_CONTENT, ASSUMED_PURITY ("
        + DoseCalculator.plain(settings.powderPurityPct())
        + "% powder, "
        + DoseCalculator.plain(settings.pillMg())
        + " mg per pill), GROSS_UNADJUSTED; never GROSS_UNADJUSTED for an item with a pill count; "
        + threshold();
  }

  private static String label(Period period, List<String> key) {
    return switch (period) {
      case MONTH -> key.get(0);
      case FISCAL_YEAR -> "FY" + key.get(0);
      case ALL -> "all";
    };
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int order = nullToNone(a.get(i)).compareTo(nullToNone(b.get(i)));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static String nullToNone(String value) {
    return value == null ? "(none)" : value;
  }

  private static BigDecimal kilograms(BigDecimal mg) {
    return mg.divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP);
  }

  private static BigDecimal zero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  private static String key(DoseMethod method) {
    return method.name().toLowerCase(Locale.ROOT);
  }
}
