package org.presstrace.seizures;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.presstrace.registry.SerialNumber;
import org.presstrace.shared.Decimals;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.substances.CasNumber;

/**
 * The rules a seizure report must pass, all checked at once so that a page or an import can show
 * every broken rule beside its field. Nothing is stored unless every rule holds.
 */
public final class SeizureRules {

  /** US states, DC and the territories, by USPS code. */
  public static final Set<String> REGIONS =
      Set.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
          "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
          "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
          "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP");

  static final int MAX_ITEMS = 100;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MAX_MG_PER_PILL = BigDecimal.valueOf(1000);
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  private final List<FieldProblem> problems = new ArrayList<>();
  private final int row;
  private final SeizureLimits limits;

  private SeizureRules(int row, SeizureLimits limits) {
    this.row = row;
    this.limits = limits;
  }

  /** Checks {@code draft}; on any broken rule throws the first as an {@link InvalidRequest}. */
  static CheckedSeizure checkOrThrow(SeizureDraft draft, Instant now) {
    return checkOrThrow(draft, now, SeizureLimits.DEFAULT);
  }

  /** As {@link #checkOrThrow(SeizureDraft, Instant)}, within {@code limits}. */
  static CheckedSeizure checkOrThrow(SeizureDraft draft, Instant now, SeizureLimits limits) {
    var rules = new SeizureRules(0, limits);
    CheckedSeizure checked = rules.check(draft, now);
    if (checked == null) {
      FieldProblem first = rules.problems.get(0);
      throw new InvalidRequest(first.field(), first.message());
    }
    return checked;
  }

  /** Checks {@code draft} as CSV data row {@code row}; problems are added to {@code into}. */
  static CheckedSeizure check(
      SeizureDraft draft, Instant now, int row, List<FieldProblem> into, SeizureLimits limits) {
    var rules = new SeizureRules(row, limits);
    CheckedSeizure checked = rules.check(draft, now);
    into.addAll(rules.problems);
    return checked;
  }

  /** Every problem of {@code draft}, for a page that shows them all. */
  public static List<FieldProblem> problems(SeizureDraft draft, Instant now) {
    return problems(draft, now, SeizureLimits.DEFAULT);
  }

  /** Every problem of {@code draft} within {@code limits}, for a page that shows them all. */
  public static List<FieldProblem> problems(SeizureDraft draft, Instant now, SeizureLimits limits) {
    var rules = new SeizureRules(0, limits);
    rules.check(draft, now);
    return List.copyOf(rules.problems);
  }

  private CheckedSeizure check(SeizureDraft draft, Instant now) {
    ZonedDateTime occurred = occurred(draft.occurredAt(), draft.zone(), now);
    SeizureContext context =
        guard("context", () -> SeizureContext.parse(draft.context(), "context"));
    String port = text(draft.portOfEntry(), "portOfEntry", 80);
    if (context == SeizureContext.PORT_OF_ENTRY && port == null) {
      problem("portOfEntry", "a seizure at a port of entry names the port, e.g. Nogales");
    }
    String region = region(draft.region());
    BigDecimal latitude = coordinate(draft.latitude(), "latitude", 90);
    BigDecimal longitude = coordinate(draft.longitude(), "longitude", 180);
    if ((latitude == null) != (longitude == null) && problems.isEmpty()) {
      problem(
          latitude == null ? "latitude" : "longitude", "give both latitude and longitude, or none");
    }
    var items = new ArrayList<SeizureItem>();
    if (draft.items().isEmpty() && draft.equipment().isEmpty()) {
      problem("items", "a seizure report lists at least one item or one piece of equipment");
    }
    if (draft.items().size() > MAX_ITEMS) {
      problem("items", "at most " + MAX_ITEMS + " items per report");
    }
    for (int i = 0; i < draft.items().size() && i < MAX_ITEMS; i++) {
      items.add(item(draft.items().get(i), "items[" + i + "]."));
    }
    var equipment = new ArrayList<CheckedSeizure.Equipment>();
    for (int i = 0; i < draft.equipment().size() && i < MAX_ITEMS; i++) {
      equipment.add(equipment(draft.equipment().get(i), "equipment[" + i + "]."));
    }
    var parties = new ArrayList<CheckedSeizure.Party>();
    for (int i = 0; i < draft.parties().size() && i < MAX_ITEMS; i++) {
      parties.add(party(draft.parties().get(i), "parties[" + i + "]."));
    }
    String narrative = text(draft.narrative(), "narrative", 4000);
    String reference = text(draft.reference(), "reference", 40);
    if (draft.marking() == null) {
      problem("marking", "a seizure report needs a marking");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new CheckedSeizure(
        reference,
        occurred,
        context,
        port,
        region,
        text(draft.place(), "place", 200),
        latitude,
        longitude,
        narrative,
        draft.marking(),
        items,
        equipment,
        parties);
  }

  private ZonedDateTime occurred(String when, String zoneText, Instant now) {
    if (when == null || when.isBlank()) {
      problem("occurredAt", "the date and time of the seizure are required");
      return null;
    }
    ZoneId zone = null;
    if (zoneText != null && !zoneText.isBlank()) {
      try {
        zone = ZoneId.of(zoneText.strip());
      } catch (DateTimeException e) {
        problem("zone", "time zone '" + zoneText + "' is not an IANA zone such as America/Phoenix");
        return null;
      }
    }
    ZonedDateTime occurred;
    try {
      OffsetDateTime withOffset = OffsetDateTime.parse(when.strip());
      occurred = withOffset.atZoneSameInstant(zone != null ? zone : withOffset.getOffset());
    } catch (DateTimeParseException notOffset) {
      if (zone == null) {
        problem("zone", "give the time zone of the place, e.g. America/Phoenix");
        return null;
      }
      try {
        occurred = LocalDateTime.parse(when.strip()).atZone(zone);
      } catch (DateTimeParseException e) {
        problem(
            "occurredAt",
            "'" + when + "' is not a date and time such as 2025-03-14T09:30 (ISO 8601)");
        return null;
      }
    }
    if (occurred.toInstant().isAfter(now)) {
      problem("occurredAt", "the seizure is dated " + occurred + ", in the future");
      return null;
    }
    if (occurred.toInstant().isBefore(EARLIEST)) {
      problem("occurredAt", "the seizure is dated " + occurred + ", before 1990");
      return null;
    }
    return occurred;
  }

  private String region(String given) {
    String code = given == null ? "" : given.strip().toUpperCase(Locale.ROOT);
    if (code.isEmpty()) {
      problem("region", "the US state or territory is required (USPS code, e.g. AZ)");
      return null;
    }
    if (!REGIONS.contains(code)) {
      problem("region", "region '" + given + "' is not a US state or territory code such as AZ");
      return null;
    }
    return code;
  }

  private BigDecimal coordinate(String given, String field, int limit) {
    BigDecimal value = guard(field, () -> Decimals.parseSigned(given, field, 3, 12));
    if (value != null && value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
      problem(field, field + " " + given.strip() + " is outside -" + limit + " to " + limit);
      return null;
    }
    return value == null ? null : value.setScale(6, java.math.RoundingMode.HALF_UP);
  }

  private SeizureItem item(SeizureDraft.SeizureItemDraft item, String at) {
    String substance = text(item.substance(), at + "substance", 200);
    if (substance == null) {
      problem(at + "substance", "name the substance, e.g. fentanyl");
    }
    String cas = null;
    if (item.cas() != null && !item.cas().isBlank()) {
      cas = guard(at + "cas", () -> CasNumber.of(item.cas()).value());
    }
    ItemForm form = guard(at + "form", () -> ItemForm.parse(item.form(), at + "form"));
    Quantity net = quantity(item.netWeight(), item.netUnit(), at + "netWeight", at + "netUnit");
    Quantity gross =
        quantity(item.grossWeight(), item.grossUnit(), at + "grossWeight", at + "grossUnit");
    if (net != null && gross != null && net.milligrams().compareTo(gross.milligrams()) > 0) {
      problem(at + "netWeight", "net weight " + net + " is more than gross weight " + gross);
    }
    Long pills = pillCount(item.pillCount(), at + "pillCount");
    boolean pillForm = form == ItemForm.PILLS;
    if (form != null && !pillForm) {
      String formName = form.name().toLowerCase(Locale.ROOT);
      onlyForPills(pills != null, at + "pillCount", "a pill count", formName);
      onlyForPills(present(item.mgPerPill()), at + "mgPerPill", "mg per pill", formName);
      onlyForPills(
          present(item.shareAtLeast2mgPct()),
          at + "shareAtLeast2mgPct",
          "a share of pills at or above 2 mg",
          formName);
      onlyForPills(present(item.imprint()), at + "imprint", "an imprint", formName);
    }
    if (net == null && gross == null && pills == null && form != null) {
      problem(at + "netWeight", "give a net or gross weight, or a pill count");
    }
    BigDecimal purity = percentage(item.purityPct(), at + "purityPct", "purity");
    BigDecimal share = percentage(item.shareAtLeast2mgPct(), at + "shareAtLeast2mgPct", "share");
    BigDecimal mgPerPill =
        guard(
            at + "mgPerPill",
            () -> Decimals.parse(item.mgPerPill(), at + "mgPerPill", 4, Quantity.MAX_DECIMALS));
    if (mgPerPill != null
        && (mgPerPill.signum() <= 0 || mgPerPill.compareTo(MAX_MG_PER_PILL) > 0)) {
      problem(at + "mgPerPill", "mg per pill must be above 0 and at most " + MAX_MG_PER_PILL);
    }
    return new SeizureItem(
        substance,
        cas,
        form,
        net,
        gross,
        pills,
        text(item.imprint(), at + "imprint", 80),
        text(item.colour(), at + "colour", 40),
        purity,
        mgPerPill,
        share,
        null);
  }

  private void onlyForPills(boolean given, String field, String what, String form) {
    if (given) {
      problem(field, what + " is for pills, not for " + form);
    }
  }

  private Quantity quantity(String amount, String unit, String amountField, String unitField) {
    try {
      return Quantity.parse(amount, unit, amountField, unitField);
    } catch (InvalidRequest e) {
      problem(e.field(), e.getMessage());
      return null;
    }
  }

  private Long pillCount(String given, String field) {
    Long count = guard(field, () -> Decimals.wholeNumber(given, field, 0, limits.maxPillCount()));
    if (count != null && count <= 0) {
      problem(field, "pill count " + given.strip() + " must be positive");
      return null;
    }
    return count;
  }

  private BigDecimal percentage(String given, String field, String what) {
    BigDecimal value = guard(field, () -> Decimals.parse(given, field, 3, 6));
    if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
      problem(field, what + " " + given.strip() + "% is not between 0 and 100%");
      return null;
    }
    return value;
  }

  private CheckedSeizure.Equipment equipment(SeizureDraft.EquipmentDraft given, String at) {
    String serial = text(given.serial(), at + "serial", 80);
    if (serial == null) {
      problem(at + "serial", "seized equipment is listed by its serial");
    } else {
      guard(at + "serial", () -> new SerialNumber(serial));
    }
    String kind = given.kind() == null ? "" : given.kind().strip().toUpperCase(Locale.ROOT);
    if (kind.isEmpty()) {
      kind = "PRESS";
    }
    if (!Set.of("PRESS", "PART", "MOULD").contains(kind)) {
      problem(
          at + "kind", "equipment kind '" + given.kind() + "' is not one of press, part, mould");
    }
    return new CheckedSeizure.Equipment(
        serial, kind, text(given.description(), at + "description", 200));
  }

  private CheckedSeizure.Party party(SeizureDraft.PartyDraft given, String at) {
    String kind = given.kind() == null ? "" : given.kind().strip().toUpperCase(Locale.ROOT);
    if (!Set.of("PERSON", "COMPANY", "VEHICLE").contains(kind)) {
      problem(
          at + "kind", "party kind '" + given.kind() + "' is not one of person, company, vehicle");
    }
    String name = text(given.name(), at + "name", 200);
    if (name == null) {
      problem(at + "name", "name the person, company or vehicle");
    }
    return new CheckedSeizure.Party(
        kind,
        name,
        text(given.identifier(), at + "identifier", 120),
        text(given.role(), at + "role", 80),
        text(given.details(), at + "details", 1000));
  }

  private String text(String given, String field, int limit) {
    if (!present(given)) {
      return null;
    }
    String text = given.strip();
    if (text.length() > limit) {
      problem(field, field + " is " + text.length() + " characters, more than " + limit);
      return null;
    }
    return text;
  }

  private <T> T guard(String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidRequest e) {
      problem(field, e.getMessage());
      return null;
    }
  }

  private void problem(String field, String message) {
    problems.add(new FieldProblem(row, field, message));
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
