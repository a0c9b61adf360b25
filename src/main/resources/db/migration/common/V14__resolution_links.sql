-- Links between case subjects, and from a subject to a registrant, a machine or a seizure, as
-- FollowTheMoney interval schemas (Payment, Ownership, Directorship, Associate, Family,
-- UnknownLink). A link is a protected record with its own marking and its provenance; it is shown
-- only to a caller who may read the link and both of its ends.

CREATE TABLE resolution_link (
  id              VARCHAR(36)    NOT NULL PRIMARY KEY,
  schema_name     VARCHAR(16)    NOT NULL,
  subject_id      VARCHAR(36)    NOT NULL REFERENCES resolution_entity (id),
  object_kind     VARCHAR(16)    NOT NULL,
  object_id       VARCHAR(36)    NOT NULL,
  amount          DECIMAL(19, 4),
  currency        VARCHAR(3),
  link_date       DATE,
  purpose         VARCHAR(500),
  relationship    VARCHAR(200),
  link_role       VARCHAR(200),
  source_record   VARCHAR(200)   NOT NULL,
  stated_on       DATE           NOT NULL,
  owner_agency    VARCHAR(32)    NOT NULL REFERENCES agency (code),
  tlp             VARCHAR(16)    NOT NULL,
  cui_category    VARCHAR(16),
  noforn          BOOLEAN        NOT NULL DEFAULT FALSE,
  rel_to          VARCHAR(200),
  compartment     VARCHAR(64)    REFERENCES compartment (code),
  created_by      VARCHAR(64)    NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT resolution_link_tlp_valid
    CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  CONSTRAINT resolution_link_schema_valid
    CHECK (schema_name IN ('Payment', 'Ownership', 'Directorship', 'Associate', 'Family',
                           'UnknownLink')),
  CONSTRAINT resolution_link_object_kind_valid
    CHECK (object_kind IN ('subject', 'registrant', 'machine', 'seizure')),
  CONSTRAINT resolution_link_amount_positive CHECK (amount IS NULL OR amount > 0)
);
CREATE INDEX resolution_link_by_subject ON resolution_link (subject_id);
CREATE INDEX resolution_link_by_object ON resolution_link (object_id, object_kind);
CREATE INDEX resolution_link_by_owner ON resolution_link (owner_agency, tlp);
