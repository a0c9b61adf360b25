-- Every overlap answer event deconfliction gives, kept for the agency whose operation it was
-- about: its supervisors see who asked, and repeated probing of one operation is counted here.
CREATE TABLE deconfliction_answer (
  id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
  answered_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  asking_agency       VARCHAR(32)   NOT NULL REFERENCES agency (code),
  asking_user         VARCHAR(64)   NOT NULL,
  asking_operation    VARCHAR(36)   NOT NULL,
  owning_agency       VARCHAR(32)   NOT NULL REFERENCES agency (code),
  owning_operation    VARCHAR(36)   NOT NULL,
  coarse              BOOLEAN       NOT NULL
);
CREATE INDEX deconfliction_answer_by_owning ON deconfliction_answer (owning_operation, answered_at);

-- The planning rates count an agency's and a user's recent operations.
CREATE INDEX planned_operation_by_creator ON planned_operation (created_by, created_at);
CREATE INDEX planned_operation_by_owner_created ON planned_operation (owner_agency, created_at);

-- A probing alert tells an agency's supervisors that one of its operations is being probed.
ALTER TABLE pointer_alert DROP CONSTRAINT pointer_alert_kind_valid;
ALTER TABLE pointer_alert ADD CONSTRAINT pointer_alert_kind_valid
  CHECK (alert_kind IN ('SUBJECT', 'OPERATION', 'PROBING'));
