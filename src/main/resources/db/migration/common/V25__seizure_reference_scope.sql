-- A seizure reference is unique within its reporting agency and compartment (docs/seizures.md), so
-- that whether a reference is free never depends on a seizure the reporter may not read: every
-- member of a compartment reads the compartment's seizures, and every reporter of an agency reads
-- the agency's seizures outside any compartment. reference_scope is the compartment code, or the
-- empty code for none (a NULL would not take part in the unique constraint).
ALTER TABLE seizure ADD COLUMN reference_scope VARCHAR(64) DEFAULT '' NOT NULL;
UPDATE seizure SET reference_scope = compartment WHERE compartment IS NOT NULL;
ALTER TABLE seizure DROP CONSTRAINT seizure_reference_unique;
ALTER TABLE seizure ADD CONSTRAINT seizure_reference_unique
  UNIQUE (owner_agency, reference_scope, reference);
