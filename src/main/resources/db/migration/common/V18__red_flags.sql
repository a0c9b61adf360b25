-- Red flags (FinCEN advisory rules) raised for one agency over what that agency may read. A flag is
-- a protected record owned by its agency and marked TLP:RED, so nobody else reads it; one flag per
-- agency, rule and focus (a party, a phone number ...), found again on every evaluation.

CREATE TABLE red_flag (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  rule_code       VARCHAR(40)   NOT NULL,
  focus           VARCHAR(300)  NOT NULL,
  explanation     VARCHAR(4000) NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  evaluated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by      VARCHAR(64),
  decided_at      TIMESTAMP WITH TIME ZONE,
  note            VARCHAR(1000),
  owner_agency    VARCHAR(32)   NOT NULL REFERENCES agency (code),
  tlp             VARCHAR(16)   NOT NULL,
  cui_category    VARCHAR(16),
  noforn          BOOLEAN       NOT NULL DEFAULT FALSE,
  rel_to          VARCHAR(200),
  compartment     VARCHAR(64)   REFERENCES compartment (code),
  CONSTRAINT red_flag_status_valid CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'DISMISSED', 'CLEARED')),
  CONSTRAINT red_flag_tlp_valid CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  CONSTRAINT red_flag_one_per_focus UNIQUE (owner_agency, rule_code, focus)
);
CREATE INDEX red_flag_by_owner ON red_flag (owner_agency, status, evaluated_at);

-- The records a flag cites, as its agency read them when the rule last fired.
CREATE TABLE red_flag_citation (
  red_flag_id     VARCHAR(36)   NOT NULL REFERENCES red_flag (id),
  ordinal         INTEGER       NOT NULL,
  record_kind     VARCHAR(40)   NOT NULL,
  record_id       VARCHAR(64)   NOT NULL,
  label           VARCHAR(500)  NOT NULL,
  PRIMARY KEY (red_flag_id, ordinal)
);

-- Every evaluation: which agency, why (a run by a user, or a recorded subject or link), what it read
-- and found. Agencies with a run on record are re-evaluated when a record they may read is entered.
CREATE TABLE red_flag_run (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  agency          VARCHAR(32)   NOT NULL REFERENCES agency (code),
  triggered_by    VARCHAR(200)  NOT NULL,
  run_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  parties         INTEGER       NOT NULL,
  payments        INTEGER       NOT NULL,
  fired           INTEGER       NOT NULL,
  raised          INTEGER       NOT NULL,
  cleared         INTEGER       NOT NULL,
  millis          BIGINT        NOT NULL
);
CREATE INDEX red_flag_run_by_agency ON red_flag_run (agency, run_at);
