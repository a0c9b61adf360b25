-- H2 2.4.240 ties a CHECK (column IN (...)) to the session that created it: once Flyway's own
-- connection closes, every insert into the table fails with "Check constraint invalid ... The
-- database has been closed" until the database is reopened (h2database/h2database#4308). A fresh
-- embedded install could not create a single agency. The same rules as CASE expressions, which H2
-- evaluates in the inserting session. PostgreSQL keeps the IN lists of V1 and V2.

ALTER TABLE agency DROP CONSTRAINT agency_kind_valid;
ALTER TABLE agency ADD CONSTRAINT agency_kind_valid CHECK (
  CASE kind WHEN 'FEDERAL' THEN TRUE WHEN 'STATE' THEN TRUE WHEN 'LOCAL' THEN TRUE
            WHEN 'FOREIGN_PARTNER' THEN TRUE WHEN 'REGISTRANT' THEN TRUE ELSE FALSE END);

ALTER TABLE record_release DROP CONSTRAINT release_status_valid;
ALTER TABLE record_release ADD CONSTRAINT release_status_valid CHECK (
  CASE status WHEN 'PENDING' THEN TRUE WHEN 'APPROVED' THEN TRUE WHEN 'REJECTED' THEN TRUE
              WHEN 'REVOKED' THEN TRUE ELSE FALSE END);

ALTER TABLE intel_report DROP CONSTRAINT intel_report_tlp_valid;
ALTER TABLE intel_report ADD CONSTRAINT intel_report_tlp_valid CHECK (
  CASE tlp WHEN 'CLEAR' THEN TRUE WHEN 'GREEN' THEN TRUE WHEN 'AMBER' THEN TRUE
           WHEN 'AMBER+STRICT' THEN TRUE WHEN 'RED' THEN TRUE ELSE FALSE END);
