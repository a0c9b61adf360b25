package org.presstrace.registry;

import java.util.List;

/**
 * What a trace finds for one item.
 *
 * @param match how the serial matched: EXACT, NORMALISED, PATTERN or MAKE_MODEL
 * @param custody the chain of custody, oldest first
 * @param lastLawfulHolder the registrant that holds, or last lawfully held, the item
 * @param openLossOrTheft the loss or theft report not yet followed by a recovery, if any
 * @param installedParts registered parts installed in the item
 */
public record TracedMachine(
    MachineView machine,
    String match,
    List<CustodyEntry> custody,
    RegistrantView lastLawfulHolder,
    List<CustodyEntry> openLossOrTheft,
    List<MachineView> installedParts) {}
