package org.presstrace.registry;

import java.time.LocalDate;

/** Rows of a registry import file for tests: the header, inventory rows and transfer rows. */
record ImportRows(RegistrantView seller, String make, LocalDate day) {

  static final String HEADER =
      "record,registrant,serial,make,model,kind,power,rated_output_per_hour,imprint,location,"
          + "occurred_on,buyer_registration,buyer_checked_at\n";

  String inventory(String serial, String kind, String power, String output, String location) {
    return String.join(
            ",",
            "INVENTORY",
            seller.registrationNumber(),
            serial,
            make,
            "RT-9",
            kind,
            power,
            output,
            "",
            location,
            day.toString(),
            "",
            "")
        + "\n";
  }

  String transfer(String serial, String to) {
    return String.join(
            ",",
            "TRANSFER",
            seller.registrationNumber(),
            serial,
            make,
            "",
            "",
            "",
            "",
            "",
            "",
            day.plusDays(1).toString(),
            to,
            day.plusDays(1) + "T10:15")
        + "\n";
  }
}
