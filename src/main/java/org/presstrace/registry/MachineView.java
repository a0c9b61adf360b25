package org.presstrace.registry;

/**
 * A registered item as a reader who may see it sees it.
 *
 * @param serial the serial as entered
 * @param holder the id of the holding (or last lawful) registrant
 * @param manufacturer the id of the registered manufacturer, when it made the item
 * @param installedIn for a part, the machine it is installed in
 * @param power for a whole machine, manual or powered; null when not stated
 * @param ratedOutputPerHour for a whole machine, the rated output per hour; null when not stated
 */
public record MachineView(
    String id,
    String serial,
    String serialNormalised,
    String make,
    String model,
    EquipmentKind kind,
    String imprint,
    String manufacturer,
    String holder,
    CustodyState state,
    String location,
    boolean legacy,
    boolean tamperingReported,
    String installedIn,
    EquipmentPower power,
    Integer ratedOutputPerHour) {}
