package org.presstrace.seizures;

import java.time.LocalDate;
import java.time.YearMonth;

/** US federal fiscal years: FY2024 runs from 1 October 2023 to 30 September 2024. */
public final class FiscalYear {

  private FiscalYear() {}

  public static int of(LocalDate day) {
    return day.getMonthValue() >= 10 ? day.getYear() + 1 : day.getYear();
  }

  public static int of(YearMonth month) {
    return of(month.atDay(1));
  }

  public static LocalDate firstDay(int fiscalYear) {
    return LocalDate.of(fiscalYear - 1, 10, 1);
  }
}
