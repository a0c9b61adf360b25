-- Every version of every object PressTrace has served from its own records over TAXII, so that an
-- earlier version stays retrievable after its record changed, and its modified timestamp is the
-- same on every request. A version is recorded when it is first served; the fingerprint is the
-- SHA-256 of the object without its modified timestamp. Each version keeps the marking its record
-- carried then, and is shown only to a caller who may read the record now and under that marking.
CREATE TABLE taxii_served_version (
  collection_id  VARCHAR(64)    NOT NULL,
  stix_id        VARCHAR(300)   NOT NULL,
  stix_version   VARCHAR(40)    NOT NULL,
  date_added     TIMESTAMP WITH TIME ZONE NOT NULL,
  fingerprint    VARCHAR(64)    NOT NULL,
  body           TEXT           NOT NULL,
  owner_agency   VARCHAR(32)    NOT NULL,
  tlp            VARCHAR(16)    NOT NULL,
  cui_category   VARCHAR(16),
  noforn         BOOLEAN        NOT NULL DEFAULT FALSE,
  rel_to         VARCHAR(200),
  compartment    VARCHAR(64),
  PRIMARY KEY (collection_id, stix_id, stix_version),
  CONSTRAINT taxii_served_version_tlp_valid CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'))
);
CREATE INDEX taxii_served_version_by_added ON taxii_served_version (collection_id, date_added);
