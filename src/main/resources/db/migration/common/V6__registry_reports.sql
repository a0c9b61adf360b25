-- Form 452-style import and export transaction reports, and the registry's compliance queue.
-- A transaction report is a protected record with the standard marking columns: owner_agency is
-- the filing registrant's agency, so a registrant reads its own reports and domestic government
-- readers read all. Its id is the registry-issued transaction id, e.g. PT-2026-000123.

-- One row per year; the filing transaction takes the row lock, so ids are sequential per year.
CREATE TABLE transaction_report_sequence (
  report_year  INTEGER NOT NULL PRIMARY KEY,
  last_number  INTEGER NOT NULL
);

CREATE TABLE transaction_report (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  registrant_id  VARCHAR(36)  NOT NULL REFERENCES registrant (id),
  direction      VARCHAR(8)   NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  version        INTEGER      NOT NULL,
  proposed_on    DATE         NOT NULL,
  filed_on       DATE         NOT NULL,
  timing         VARCHAR(16)  NOT NULL,
  owner_agency   VARCHAR(32)  NOT NULL REFERENCES agency (code),
  tlp            VARCHAR(16)  NOT NULL,
  cui_category   VARCHAR(16),
  noforn         BOOLEAN      NOT NULL DEFAULT FALSE,
  rel_to         VARCHAR(200),
  compartment    VARCHAR(64)  REFERENCES compartment (code),
  filed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT transaction_report_direction_valid CHECK (direction IN ('IMPORT', 'EXPORT')),
  CONSTRAINT transaction_report_status_valid CHECK (status IN ('FILED', 'AMENDED', 'WITHDRAWN')),
  CONSTRAINT transaction_report_timing_valid CHECK (timing IN ('ON_TIME', 'LATE')),
  CONSTRAINT transaction_report_tlp_valid CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'))
);
CREATE INDEX transaction_report_by_registrant ON transaction_report (registrant_id, proposed_on);
CREATE INDEX transaction_report_by_owner ON transaction_report (owner_agency, tlp);

-- Every version is kept: the original, each amendment with its reason, and the withdrawal.
CREATE TABLE transaction_report_version (
  report_id          VARCHAR(36)   NOT NULL REFERENCES transaction_report (id),
  version            INTEGER       NOT NULL,
  submission         VARCHAR(16)   NOT NULL,
  purpose            VARCHAR(500)  NOT NULL,
  proposed_on        DATE          NOT NULL,
  port               VARCHAR(100)  NOT NULL,
  importer_name      VARCHAR(200)  NOT NULL,
  importer_country   VARCHAR(3)    NOT NULL,
  exporter_name      VARCHAR(200)  NOT NULL,
  exporter_country   VARCHAR(3)    NOT NULL,
  consignee_name     VARCHAR(200),
  consignee_country  VARCHAR(3),
  broker             VARCHAR(200),
  reason             VARCHAR(1000),
  filed_by           VARCHAR(64)   NOT NULL,
  filed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (report_id, version),
  CONSTRAINT transaction_report_submission_valid CHECK (submission IN ('ORIGINAL', 'AMENDED', 'WITHDRAWN'))
);

-- The equipment each version covers: registered items by id (exports), or described by make,
-- model and serial (imports, not yet registered).
CREATE TABLE transaction_report_item (
  report_id          VARCHAR(36)   NOT NULL,
  version            INTEGER       NOT NULL,
  position           INTEGER       NOT NULL,
  machine_id         VARCHAR(36)   REFERENCES machine (id),
  make               VARCHAR(100)  NOT NULL,
  make_key           VARCHAR(100)  NOT NULL,
  model              VARCHAR(100)  NOT NULL,
  serial_as_entered  VARCHAR(64)   NOT NULL,
  serial_normalised  VARCHAR(64)   NOT NULL,
  PRIMARY KEY (report_id, version, position),
  CONSTRAINT transaction_report_item_version FOREIGN KEY (report_id, version)
    REFERENCES transaction_report_version (report_id, version)
);
CREATE INDEX transaction_report_item_by_machine ON transaction_report_item (machine_id);
CREATE INDEX transaction_report_item_by_serial ON transaction_report_item (make_key, serial_normalised);

-- The compliance queue. subject names what an item is about (a custody event, a report, a
-- registrant's expiry day); (kind, subject) is unique, so the sweep creates each item once.
CREATE TABLE compliance_item (
  id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  kind           VARCHAR(32)   NOT NULL,
  subject        VARCHAR(120)  NOT NULL,
  registrant_id  VARCHAR(36)   REFERENCES registrant (id),
  machine_id     VARCHAR(36)   REFERENCES machine (id),
  report_id      VARCHAR(36)   REFERENCES transaction_report (id),
  summary        VARCHAR(1000) NOT NULL,
  due_on         DATE,
  status         VARCHAR(16)   NOT NULL,
  assigned_to    VARCHAR(64),
  assigned_at    TIMESTAMP WITH TIME ZONE,
  resolved_by    VARCHAR(64),
  resolved_at    TIMESTAMP WITH TIME ZONE,
  resolution     VARCHAR(2000),
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT compliance_item_subject_unique UNIQUE (kind, subject),
  CONSTRAINT compliance_item_kind_valid CHECK (kind IN ('LATE_REPORT', 'MISSING_REPORT', 'EXPIRING_REGISTRATION', 'UNUSUAL_ACQUISITIONS')),
  CONSTRAINT compliance_item_status_valid CHECK (status IN ('OPEN', 'RESOLVED'))
);
CREATE INDEX compliance_item_by_status ON compliance_item (status, created_at);
CREATE INDEX compliance_item_by_registrant ON compliance_item (registrant_id, kind, status);
