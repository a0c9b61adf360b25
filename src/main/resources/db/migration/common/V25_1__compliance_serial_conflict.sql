-- A registrant registering a serial that equipment it does not hold already carries is told only
-- that it conflicts with an existing registration; this compliance item makes the registry contact
-- it (docs/registry.md, "Serial conflicts").
ALTER TABLE compliance_item DROP CONSTRAINT compliance_item_kind_valid;
ALTER TABLE compliance_item ADD CONSTRAINT compliance_item_kind_valid
  CHECK (kind IN ('LATE_REPORT', 'MISSING_REPORT', 'EXPIRING_REGISTRATION', 'UNUSUAL_ACQUISITIONS',
                  'SERIAL_CONFLICT'));
