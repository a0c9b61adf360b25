-- Marking changes: loosening a protected record's marking is a release. The owning agency's
-- investigator or supervisor asks, a different supervisor of that agency approves or rejects, and
-- until then the old marking stays in force. Both markings are kept so the approver sees them.
-- open_record holds kind:record_id while the change is pending and NULL afterwards, so at most one
-- change per record is pending (a unique column admits many NULLs on H2 and PostgreSQL alike).

CREATE TABLE marking_change (
  id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
  kind               VARCHAR(64)   NOT NULL,
  record_id          VARCHAR(64)   NOT NULL,
  owner_agency       VARCHAR(32)   NOT NULL REFERENCES agency (code),
  from_tlp           VARCHAR(16)   NOT NULL,
  from_cui_category  VARCHAR(16),
  from_noforn        BOOLEAN       NOT NULL,
  from_rel_to        VARCHAR(200),
  from_compartment   VARCHAR(64),
  to_tlp             VARCHAR(16)   NOT NULL,
  to_cui_category    VARCHAR(16),
  to_noforn          BOOLEAN       NOT NULL,
  to_rel_to          VARCHAR(200),
  to_compartment     VARCHAR(64),
  justification      VARCHAR(1000) NOT NULL,
  status             VARCHAR(16)   NOT NULL,
  open_record        VARCHAR(130)  UNIQUE,
  requested_by       VARCHAR(64)   NOT NULL,
  requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by         VARCHAR(64),
  decided_at         TIMESTAMP WITH TIME ZONE,
  decision_reason    VARCHAR(1000),
  CONSTRAINT marking_change_status_valid CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  CONSTRAINT marking_change_open_pending CHECK ((status = 'PENDING') = (open_record IS NOT NULL))
);
CREATE INDEX marking_change_by_record ON marking_change (kind, record_id, status);
CREATE INDEX marking_change_by_owner ON marking_change (owner_agency, status);
