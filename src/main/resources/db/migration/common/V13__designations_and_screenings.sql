-- Designation imports and stored manifest screenings.
--
-- A designation is one applied announcement (jurisdiction, instrument, category, effective date,
-- source). list_version numbers applied designations 1, 2, 3 ... ; every control action a
-- designation creates names it, and a control a designation ends keeps its row with effective_to
-- set, so "what was controlled in J on D" still reads the full history. content_sha256 refuses the
-- same announcement twice.

CREATE TABLE designation (
  id              VARCHAR(36)    NOT NULL PRIMARY KEY,
  list_version    INTEGER        NOT NULL UNIQUE,
  jurisdiction    VARCHAR(3)     NOT NULL,
  instrument      VARCHAR(200)   NOT NULL,
  category        VARCHAR(200)   NOT NULL,
  effective_from  DATE           NOT NULL,
  source          VARCHAR(1000)  NOT NULL,
  content_sha256  VARCHAR(64)    NOT NULL UNIQUE,
  substances      INTEGER        NOT NULL,
  new_substances  INTEGER        NOT NULL,
  ended_actions   INTEGER        NOT NULL,
  applied_by      VARCHAR(64)    NOT NULL,
  applied_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE control_action ADD COLUMN designation_id VARCHAR(36) REFERENCES designation (id);
ALTER TABLE control_action ADD COLUMN ended_by_designation VARCHAR(36) REFERENCES designation (id);
CREATE INDEX control_action_by_designation ON control_action (designation_id);

-- A screened manifest: agency data (a shipper's manifest seen by customs or an investigator), a
-- protected record kind owned by the screening user's agency and read through GuardedReads.
CREATE TABLE manifest_screening (
  id            VARCHAR(36)    NOT NULL PRIMARY KEY,
  title         VARCHAR(200)   NOT NULL,
  lines         INTEGER        NOT NULL,
  flagged       INTEGER        NOT NULL,
  list_version  INTEGER        NOT NULL,
  screened_by   VARCHAR(64)    NOT NULL,
  screened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  owner_agency  VARCHAR(32)    NOT NULL REFERENCES agency (code),
  tlp           VARCHAR(16)    NOT NULL,
  cui_category  VARCHAR(16),
  noforn        BOOLEAN        NOT NULL DEFAULT FALSE,
  rel_to        VARCHAR(200),
  compartment   VARCHAR(64)    REFERENCES compartment (code),
  CONSTRAINT manifest_screening_tlp_valid CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'))
);
CREATE INDEX manifest_screening_by_owner ON manifest_screening (owner_agency, screened_at);
CREATE INDEX manifest_screening_by_user ON manifest_screening (screened_by, screened_at);

CREATE TABLE manifest_screening_line (
  screening_id  VARCHAR(36)    NOT NULL REFERENCES manifest_screening (id) ON DELETE CASCADE,
  line_no       INTEGER        NOT NULL,
  description   VARCHAR(1000)  NOT NULL,
  cas           VARCHAR(40),
  hs_code       VARCHAR(20),
  quantity      VARCHAR(100),
  shipper       VARCHAR(300),
  consignee     VARCHAR(300),
  flagged       BOOLEAN        NOT NULL,
  score         DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (screening_id, line_no)
);

CREATE TABLE manifest_screening_hit (
  screening_id  VARCHAR(36)    NOT NULL,
  line_no       INTEGER        NOT NULL,
  hit_no        INTEGER        NOT NULL,
  substance_id  VARCHAR(64),
  name          VARCHAR(200),
  reason        VARCHAR(500)   NOT NULL,
  matched       VARCHAR(1000),
  score         DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (screening_id, line_no, hit_no),
  FOREIGN KEY (screening_id, line_no) REFERENCES manifest_screening_line (screening_id, line_no) ON DELETE CASCADE
);

-- A line of a stored manifest that matches a substance a later designation controls. Carries the
-- screening's marking: an alert shows manifest content and is read through GuardedReads too.
CREATE TABLE screening_alert (
  id              VARCHAR(36)    NOT NULL PRIMARY KEY,
  screening_id    VARCHAR(36)    NOT NULL REFERENCES manifest_screening (id) ON DELETE CASCADE,
  line_no         INTEGER        NOT NULL,
  description     VARCHAR(1000)  NOT NULL,
  substance_id    VARCHAR(64)    NOT NULL,
  substance_name  VARCHAR(200)   NOT NULL,
  reason          VARCHAR(500)   NOT NULL,
  score           DOUBLE PRECISION NOT NULL,
  designation_id  VARCHAR(36)    NOT NULL REFERENCES designation (id),
  jurisdiction    VARCHAR(3)     NOT NULL,
  instrument      VARCHAR(200)   NOT NULL,
  category        VARCHAR(200)   NOT NULL,
  effective_from  DATE           NOT NULL,
  raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  owner_agency    VARCHAR(32)    NOT NULL REFERENCES agency (code),
  tlp             VARCHAR(16)    NOT NULL,
  cui_category    VARCHAR(16),
  noforn          BOOLEAN        NOT NULL DEFAULT FALSE,
  rel_to          VARCHAR(200),
  compartment     VARCHAR(64)    REFERENCES compartment (code),
  CONSTRAINT screening_alert_once UNIQUE (screening_id, line_no, substance_id, designation_id)
);
CREATE INDEX screening_alert_by_owner ON screening_alert (owner_agency, raised_at);
