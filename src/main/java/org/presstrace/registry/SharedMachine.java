package org.presstrace.registry;

import java.time.Instant;
import org.presstrace.access.Marking;

/**
 * A registered item as a reader who may see it sees it, with the marking it carries and when it was
 * registered and last changed (a transfer, a loss, a seizure): what is needed to share it onward
 * under its own marking.
 */
public record SharedMachine(
    MachineView machine, Marking marking, Instant createdAt, Instant updatedAt) {}
