package org.presstrace.registry;

/**
 * How a whole machine is driven: by hand (a crank, a lever, a hand-filled capsule board) or by a
 * motor.
 */
public enum EquipmentPower {
  MANUAL,
  POWERED
}
