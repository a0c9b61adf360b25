package org.presstrace.registry.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.presstrace.registry.BusinessCalendar;
import org.presstrace.registry.BusinessCalendar.FederalHoliday;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry's business days and filing zone, set through {@code presstrace.registry.calendar.*}
 * (docs/registry.md, "Calendar").
 *
 * @param federalHolidays which US federal holidays apply ({@link FederalHoliday} names, or {@code
 *     ALL}, or {@code NONE})
 * @param annual recurring holidays of another jurisdiction as {@code MM-DD}, observed like federal
 *     ones
 * @param dates one-off closures as {@code YYYY-MM-DD}
 * @param weekend the days of the week that are never business days
 * @param observedShift whether a holiday on a Saturday is observed on the Friday before and one on
 *     a Sunday on the Monday after
 * @param defaultZone the zone a registrant files in when its record names none
 */
@ConfigurationProperties("presstrace.registry.calendar")
public record CalendarProperties(
    @DefaultValue("ALL") List<String> federalHolidays,
    @DefaultValue({}) List<String> annual,
    @DefaultValue({}) List<String> dates,
    @DefaultValue({"SATURDAY", "SUNDAY"}) List<String> weekend,
    @DefaultValue("true") boolean observedShift,
    @DefaultValue("America/New_York") String defaultZone) {

  /** The calendar these settings describe; a setting that does not parse names itself. */
  BusinessCalendar calendar() {
    return new BusinessCalendar(
        federal(),
        parsed(annual, "annual", CalendarProperties::monthDay),
        Set.copyOf(parsed(dates, "dates", LocalDate::parse)),
        weekendDays(),
        observedShift);
  }

  ZoneId zone() {
    try {
      return ZoneId.of(defaultZone.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "presstrace.registry.calendar.default-zone '" + defaultZone + "' is not a time zone", e);
    }
  }

  private Set<FederalHoliday> federal() {
    var names = federalHolidays.stream().map(n -> n.strip().toUpperCase(Locale.ROOT)).toList();
    if (names.contains("ALL")) {
      return EnumSet.allOf(FederalHoliday.class);
    }
    return names.stream()
        .filter(n -> !n.isEmpty() && !n.equals("NONE"))
        .map(n -> parse(n, "federal-holidays", FederalHoliday::valueOf))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(FederalHoliday.class)));
  }

  private Set<DayOfWeek> weekendDays() {
    return weekend.stream()
        .map(d -> parse(d.strip().toUpperCase(Locale.ROOT), "weekend", DayOfWeek::valueOf))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
  }

  private static MonthDay monthDay(String text) {
    return MonthDay.parse("--" + text);
  }

  private static <T> List<T> parsed(
      List<String> values, String name, java.util.function.Function<String, T> parser) {
    return values.stream()
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .map(v -> parse(v, name, parser))
        .toList();
  }

  private static <T> T parse(
      String value, String name, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "presstrace.registry.calendar." + name + " value '" + value + "' does not parse", e);
    }
  }
}
