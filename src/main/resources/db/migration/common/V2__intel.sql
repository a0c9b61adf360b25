-- Intelligence reports: the first protected record kind; every protected table carries the same
-- marking columns (owner_agency, tlp, cui_category, noforn, rel_to, compartment).

CREATE TABLE intel_report (
  id            VARCHAR(36)    NOT NULL PRIMARY KEY,
  title         VARCHAR(200)   NOT NULL,
  summary       VARCHAR(10000) NOT NULL,
  owner_agency  VARCHAR(32)    NOT NULL REFERENCES agency (code),
  tlp           VARCHAR(16)    NOT NULL,
  cui_category  VARCHAR(16),
  noforn        BOOLEAN        NOT NULL DEFAULT FALSE,
  rel_to        VARCHAR(200),
  compartment   VARCHAR(64)    REFERENCES compartment (code),
  created_by    VARCHAR(64)    NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  version       INTEGER        NOT NULL,
  CONSTRAINT intel_report_tlp_valid CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'))
);
CREATE INDEX intel_report_by_owner ON intel_report (owner_agency, tlp);
CREATE INDEX intel_report_by_created ON intel_report (created_at);

CREATE TABLE intel_report_revision (
  report_id     VARCHAR(36)    NOT NULL REFERENCES intel_report (id),
  version       INTEGER        NOT NULL,
  title         VARCHAR(200)   NOT NULL,
  summary       VARCHAR(10000) NOT NULL,
  tlp           VARCHAR(16)    NOT NULL,
  cui_category  VARCHAR(16),
  noforn        BOOLEAN        NOT NULL,
  rel_to        VARCHAR(200),
  compartment   VARCHAR(64),
  changed_by    VARCHAR(64)    NOT NULL,
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (report_id, version)
);
