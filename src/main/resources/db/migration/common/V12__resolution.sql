-- Entity resolution and deconfliction: case subjects as statements with provenance (protected,
-- marked like every protected record), judgements on pairs, planned operations (protected) and the
-- pointer alerts each agency receives.

CREATE TABLE resolution_entity (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  schema_name     VARCHAR(16)   NOT NULL,
  label           VARCHAR(500)  NOT NULL,
  case_reference  VARCHAR(100)  NOT NULL,
  contact         VARCHAR(200)  NOT NULL,
  owner_agency    VARCHAR(32)   NOT NULL REFERENCES agency (code),
  tlp             VARCHAR(16)   NOT NULL,
  cui_category    VARCHAR(16),
  noforn          BOOLEAN       NOT NULL DEFAULT FALSE,
  rel_to          VARCHAR(200),
  compartment     VARCHAR(64)   REFERENCES compartment (code),
  created_by      VARCHAR(64)   NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT resolution_entity_tlp_valid
    CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'))
);
CREATE INDEX resolution_entity_by_owner ON resolution_entity (owner_agency, tlp);

CREATE TABLE resolution_statement (
  entity_id       VARCHAR(36)   NOT NULL REFERENCES resolution_entity (id),
  ordinal         INTEGER       NOT NULL,
  property        VARCHAR(32)   NOT NULL,
  statement_value VARCHAR(500)  NOT NULL,
  source_record   VARCHAR(200)  NOT NULL,
  agency          VARCHAR(32)   NOT NULL REFERENCES agency (code),
  stated_on       DATE          NOT NULL,
  PRIMARY KEY (entity_id, ordinal)
);

CREATE TABLE resolution_match (
  left_id         VARCHAR(36)   NOT NULL REFERENCES resolution_entity (id),
  right_id        VARCHAR(36)   NOT NULL REFERENCES resolution_entity (id),
  score           DOUBLE PRECISION NOT NULL,
  band            VARCHAR(16)   NOT NULL,
  explanation     VARCHAR(2000) NOT NULL,
  found_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (left_id, right_id)
);
CREATE INDEX resolution_match_by_right ON resolution_match (right_id);

CREATE TABLE resolution_judgement (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  left_id         VARCHAR(36)   NOT NULL REFERENCES resolution_entity (id),
  right_id        VARCHAR(36)   NOT NULL REFERENCES resolution_entity (id),
  judgement       VARCHAR(16)   NOT NULL,
  note            VARCHAR(1000),
  judged_by       VARCHAR(64)   NOT NULL,
  judged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT resolution_judgement_valid CHECK (judgement IN ('SAME', 'NOT_SAME', 'UNSURE'))
);
CREATE INDEX resolution_judgement_by_pair ON resolution_judgement (left_id, right_id, judged_at);

CREATE TABLE planned_operation (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  case_reference  VARCHAR(100)  NOT NULL,
  contact         VARCHAR(200)  NOT NULL,
  starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  latitude        DOUBLE PRECISION NOT NULL,
  longitude       DOUBLE PRECISION NOT NULL,
  radius_metres   DOUBLE PRECISION NOT NULL,
  owner_agency    VARCHAR(32)   NOT NULL REFERENCES agency (code),
  tlp             VARCHAR(16)   NOT NULL,
  cui_category    VARCHAR(16),
  noforn          BOOLEAN       NOT NULL DEFAULT FALSE,
  rel_to          VARCHAR(200),
  compartment     VARCHAR(64)   REFERENCES compartment (code),
  created_by      VARCHAR(64)   NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT planned_operation_tlp_valid
    CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'))
);
CREATE INDEX planned_operation_by_owner ON planned_operation (owner_agency, starts_at);

CREATE TABLE pointer_alert (
  id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
  recipient_agency      VARCHAR(32)   NOT NULL REFERENCES agency (code),
  alert_kind            VARCHAR(16)   NOT NULL,
  own_record_id         VARCHAR(36)   NOT NULL,
  own_reference         VARCHAR(100)  NOT NULL,
  other_agency          VARCHAR(32)   NOT NULL REFERENCES agency (code),
  other_case_reference  VARCHAR(100)  NOT NULL,
  other_contact         VARCHAR(200)  NOT NULL,
  raised_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  acknowledged_by       VARCHAR(64),
  acknowledged_at       TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pointer_alert_kind_valid CHECK (alert_kind IN ('SUBJECT', 'OPERATION'))
);
CREATE INDEX pointer_alert_by_recipient ON pointer_alert (recipient_agency, raised_at);
