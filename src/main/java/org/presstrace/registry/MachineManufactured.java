package org.presstrace.registry;

import java.time.LocalDate;

/** A registered manufacturer made the item and holds it. */
public record MachineManufactured(String machineId, String manufacturer, LocalDate occurredOn)
    implements CustodyEvent {

  @Override
  public String toRegistrant() {
    return manufacturer;
  }
}
