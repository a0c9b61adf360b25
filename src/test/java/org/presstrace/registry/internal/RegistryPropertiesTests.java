package org.presstrace.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.registry.BusinessCalendar;
import org.presstrace.registry.RegistrationTerms;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The calendar, deadlines and registration terms bind from {@code presstrace.registry.*} as
 * docs/registry.md documents them, with the documented defaults, and a bad setting names itself.
 */
class RegistryPropertiesTests {

  private static <T> T bind(String prefix, Class<T> type, Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate(prefix, type);
  }

  @Test
  void defaultsAreTheUsFederalCalendarAYearsTermAndANinetyDayWindow() {
    var calendar = bind("presstrace.registry.calendar", CalendarProperties.class, Map.of());
    var registration =
        bind("presstrace.registry.registration", RegistrationProperties.class, Map.of());
    var deadlines = bind("presstrace.registry.deadlines", DeadlinesProperties.class, Map.of());

    assertThat(calendar.calendar()).isEqualTo(BusinessCalendar.usFederal());
    assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(registration.terms()).isEqualTo(RegistrationTerms.defaults());
    assertThat(deadlines.rollToBusinessDay()).isTrue();
    assertThat(deadlines.transferDays()).isEqualTo(15);
  }

  @Test
  void anotherJurisdictionsCalendarIsConfiguration() {
    var calendar =
        bind(
                "presstrace.registry.calendar",
                CalendarProperties.class,
                Map.of(
                    "presstrace.registry.calendar.federal-holidays", "NEW_YEARS_DAY,CHRISTMAS_DAY",
                    "presstrace.registry.calendar.annual", "07-01,12-26",
                    "presstrace.registry.calendar.dates", "2026-09-30",
                    "presstrace.registry.calendar.default-zone", "America/Vancouver"))
            .calendar();

    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 7, 1))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 9, 30))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 26))).isTrue();
  }

  @Test
  void aNegativeTransferDeadlineAndALongerTermBind() {
    var deadlines =
        bind(
            "presstrace.registry.deadlines",
            DeadlinesProperties.class,
            Map.of("presstrace.registry.deadlines.transfer-days", "-15"));
    var registration =
        bind(
            "presstrace.registry.registration",
            RegistrationProperties.class,
            Map.of(
                "presstrace.registry.registration.term", "P2Y",
                "presstrace.registry.registration.renewal-window-days", "60"));

    assertThat(deadlines.transferDays()).isEqualTo(-15);
    assertThat(registration.terms()).isEqualTo(new RegistrationTerms(Period.ofYears(2), 60));
  }

  @Test
  void aBadSettingNamesItself() {
    var holiday =
        bind(
            "presstrace.registry.calendar",
            CalendarProperties.class,
            Map.of("presstrace.registry.calendar.federal-holidays", "BOXING_DAY"));
    assertThatThrownBy(holiday::calendar)
        .hasMessageContaining("presstrace.registry.calendar.federal-holidays value 'BOXING_DAY'");
    var date =
        bind(
            "presstrace.registry.calendar",
            CalendarProperties.class,
            Map.of("presstrace.registry.calendar.annual", "13-40"));
    assertThatThrownBy(date::calendar).hasMessageContaining("annual value '13-40'");
    var zone =
        bind(
            "presstrace.registry.calendar",
            CalendarProperties.class,
            Map.of("presstrace.registry.calendar.default-zone", "Pacific Time"));
    assertThatThrownBy(zone::zone).hasMessageContaining("'Pacific Time' is not a time zone");
    assertThatThrownBy(() -> new RegistrationTerms(Period.ZERO, 90))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void counterfeitImprintsDefaultToMThirtyAndAreExtendedByConfiguration() {
    var defaults = bind("presstrace.registry.compliance", ComplianceProperties.class, Map.of());
    var extended =
        bind(
            "presstrace.registry.compliance",
            ComplianceProperties.class,
            Map.of("presstrace.registry.compliance.counterfeit-imprints", "M 30,A 215"));

    assertThat(defaults.counterfeitImprints()).containsExactly("M 30");
    assertThat(defaults.receiptDays()).isEqualTo(10);
    assertThat(extended.counterfeitImprints()).containsExactly("M 30", "A 215");
    assertThat(ComplianceProperties.imprintKey(" m|30 ")).isEqualTo("M30");
    assertThat(ComplianceProperties.imprintKey("M-3O"))
        .as("no look-alike folding")
        .isEqualTo("M3O");
  }
}
