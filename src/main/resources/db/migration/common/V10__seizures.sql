-- Seizures: reports of drugs, precursors and equipment seized, with lab results and the screening
-- verdict of each item; the people, companies and vehicles involved; alerts raised to agencies.
-- Seizures, their parties and alerts are protected kinds and carry the standard marking columns.

CREATE TABLE seizure (
  id              VARCHAR(36)    NOT NULL PRIMARY KEY,
  reference       VARCHAR(40)    NOT NULL,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  occurred_zone   VARCHAR(64)    NOT NULL,
  occurred_local  VARCHAR(32)    NOT NULL,
  occurred_month  VARCHAR(7)     NOT NULL,
  fiscal_year     INTEGER        NOT NULL,
  context         VARCHAR(24)    NOT NULL,
  port_of_entry   VARCHAR(80),
  region          VARCHAR(2)     NOT NULL,
  place           VARCHAR(200),
  latitude        DECIMAL(9, 6),
  longitude       DECIMAL(9, 6),
  narrative       VARCHAR(4000),
  item_count      INTEGER        NOT NULL,
  presses         INTEGER        NOT NULL,
  equipment_count INTEGER        NOT NULL,
  unregistered    INTEGER        NOT NULL,
  reported_by     VARCHAR(64)    NOT NULL,
  reported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  owner_agency    VARCHAR(32)    NOT NULL REFERENCES agency (code),
  tlp             VARCHAR(16)    NOT NULL,
  cui_category    VARCHAR(16),
  noforn          BOOLEAN        NOT NULL DEFAULT FALSE,
  rel_to          VARCHAR(200),
  compartment     VARCHAR(64)    REFERENCES compartment (code),
  CONSTRAINT seizure_reference_unique UNIQUE (owner_agency, reference),
  CONSTRAINT seizure_tlp_valid CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  CONSTRAINT seizure_context_valid
    CHECK (context IN ('PORT_OF_ENTRY', 'BETWEEN_PORTS', 'INTERIOR', 'MAIL_EXPRESS')),
  CONSTRAINT seizure_latitude_range CHECK (latitude BETWEEN -90 AND 90),
  CONSTRAINT seizure_longitude_range CHECK (longitude BETWEEN -180 AND 180)
);
CREATE INDEX seizure_by_owner ON seizure (owner_agency, tlp);
CREATE INDEX seizure_by_month ON seizure (occurred_month);
CREATE INDEX seizure_by_occurred ON seizure (occurred_at);

-- Masses are kept in milligrams (exact decimals); fentanyl_mg_* hold the fentanyl mass each dose
-- method finds for the item (NULL where the method does not apply); doses are derived on read.
CREATE TABLE seizure_item (
  seizure_id          VARCHAR(36)    NOT NULL REFERENCES seizure (id),
  seq                 INTEGER        NOT NULL,
  substance_text      VARCHAR(200)   NOT NULL,
  cas                 VARCHAR(16),
  screen_status       VARCHAR(16)    NOT NULL,
  substance_id        VARCHAR(64),
  substance_name      VARCHAR(200),
  substance_family    VARCHAR(40),
  screen_reason       VARCHAR(400),
  substance_group     VARCHAR(200)   NOT NULL,
  form                VARCHAR(16)    NOT NULL,
  net_amount          DECIMAL(24, 6),
  net_unit            VARCHAR(4),
  net_mg              DECIMAL(30, 9),
  gross_amount        DECIMAL(24, 6),
  gross_unit          VARCHAR(4),
  gross_mg            DECIMAL(30, 9),
  pill_count          BIGINT,
  imprint             VARCHAR(80),
  colour              VARCHAR(40),
  purity_pct          DECIMAL(9, 4),
  mg_per_pill         DECIMAL(12, 4),
  share_2mg_pct       DECIMAL(9, 4),
  fentanyl_mg_lab     DECIMAL(30, 9),
  fentanyl_mg_pills   DECIMAL(30, 9),
  fentanyl_mg_assumed DECIMAL(30, 9),
  assumed_basis       VARCHAR(200),
  fentanyl_mg_gross   DECIMAL(30, 9),
  gross_basis         VARCHAR(8),
  best_method         VARCHAR(24),
  fentanyl_mg_best    DECIMAL(30, 9),
  PRIMARY KEY (seizure_id, seq),
  CONSTRAINT seizure_item_form_valid CHECK (form IN ('POWDER', 'PILLS', 'LIQUID', 'PRECURSOR')),
  CONSTRAINT seizure_item_purity_range CHECK (purity_pct BETWEEN 0 AND 100),
  CONSTRAINT seizure_item_share_range CHECK (share_2mg_pct BETWEEN 0 AND 100),
  CONSTRAINT seizure_item_net_positive CHECK (net_mg > 0),
  CONSTRAINT seizure_item_gross_positive CHECK (gross_mg > 0),
  CONSTRAINT seizure_item_pills_positive CHECK (pill_count > 0)
);
CREATE INDEX seizure_item_by_group ON seizure_item (substance_group);

CREATE TABLE seizure_equipment (
  seizure_id        VARCHAR(36)   NOT NULL REFERENCES seizure (id),
  seq               INTEGER       NOT NULL,
  serial            VARCHAR(80)   NOT NULL,
  kind              VARCHAR(16)   NOT NULL,
  description       VARCHAR(200),
  machine_id        VARCHAR(36),
  prior_state       VARCHAR(16),
  holder            VARCHAR(200),
  outcome           VARCHAR(24)   NOT NULL,
  alert_id          VARCHAR(36),
  PRIMARY KEY (seizure_id, seq),
  CONSTRAINT seizure_equipment_kind_valid CHECK (kind IN ('PRESS', 'PART', 'MOULD')),
  CONSTRAINT seizure_equipment_outcome_valid
    CHECK (outcome IN ('SEIZED', 'SEIZED_STOLEN', 'SEIZED_LOST', 'SEIZED_FROM_REGISTRANT', 'NOT_SEIZABLE',
                       'UNREGISTERED'))
);

-- People, companies and vehicles named in a seizure, kept for entity resolution; each row carries
-- the seizure's marking and is read only through the guarded reads of kind seizure-party.
CREATE TABLE seizure_party (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  seizure_id    VARCHAR(36)   NOT NULL REFERENCES seizure (id),
  seq           INTEGER       NOT NULL,
  kind          VARCHAR(16)   NOT NULL,
  name          VARCHAR(200)  NOT NULL,
  identifier    VARCHAR(120),
  role          VARCHAR(80),
  details       VARCHAR(1000),
  owner_agency  VARCHAR(32)   NOT NULL REFERENCES agency (code),
  tlp           VARCHAR(16)   NOT NULL,
  cui_category  VARCHAR(16),
  noforn        BOOLEAN       NOT NULL DEFAULT FALSE,
  rel_to        VARCHAR(200),
  compartment   VARCHAR(64)   REFERENCES compartment (code),
  CONSTRAINT seizure_party_kind_valid CHECK (kind IN ('PERSON', 'COMPANY', 'VEHICLE'))
);
CREATE INDEX seizure_party_by_seizure ON seizure_party (seizure_id);

-- Alerts raised to an agency (the recipient owns the row, TLP:AMBER+STRICT); general enough for
-- any module: a kind, the subject it concerns and a message.
CREATE TABLE alert (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  kind             VARCHAR(40)   NOT NULL,
  subject_kind     VARCHAR(40)   NOT NULL,
  subject_id       VARCHAR(64)   NOT NULL,
  title            VARCHAR(200)  NOT NULL,
  message          VARCHAR(2000) NOT NULL,
  raised_by_agency VARCHAR(32)   NOT NULL,
  raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  acknowledged_by  VARCHAR(64),
  acknowledged_at  TIMESTAMP WITH TIME ZONE,
  owner_agency     VARCHAR(32)   NOT NULL REFERENCES agency (code),
  tlp              VARCHAR(16)   NOT NULL,
  cui_category     VARCHAR(16),
  noforn           BOOLEAN       NOT NULL DEFAULT FALSE,
  rel_to           VARCHAR(200),
  compartment      VARCHAR(64)   REFERENCES compartment (code),
  CONSTRAINT alert_status_valid CHECK (status IN ('OPEN', 'ACKNOWLEDGED'))
);
CREATE INDEX alert_by_owner ON alert (owner_agency, status, raised_at);
