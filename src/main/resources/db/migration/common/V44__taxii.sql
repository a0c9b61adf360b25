-- STIX objects partners post to PressTrace's TAXII server, stored as intelligence the poster's
-- agency owns, under the marking PressTrace derived from the objects' own markings.
CREATE TABLE taxii_object (
  id             VARCHAR(36)    NOT NULL PRIMARY KEY,
  collection_id  VARCHAR(64)    NOT NULL,
  stix_id        VARCHAR(300)   NOT NULL,
  stix_type      VARCHAR(250)   NOT NULL,
  stix_version   VARCHAR(40)    NOT NULL,
  body           TEXT           NOT NULL,
  date_added     TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_by        VARCHAR(64)    NOT NULL,
  -- taxii-post for an envelope posted here, else the URL of the partner collection polled
  source         VARCHAR(500)   NOT NULL,
  status_id      VARCHAR(36)    NOT NULL,
  owner_agency   VARCHAR(32)    NOT NULL REFERENCES agency (code),
  tlp            VARCHAR(16)    NOT NULL,
  cui_category   VARCHAR(16),
  noforn         BOOLEAN        NOT NULL DEFAULT FALSE,
  rel_to         VARCHAR(200),
  compartment    VARCHAR(64)    REFERENCES compartment (code),
  CONSTRAINT taxii_object_tlp_valid CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  CONSTRAINT taxii_object_once UNIQUE (owner_agency, stix_id, stix_version)
);
CREATE INDEX taxii_object_by_added ON taxii_object (collection_id, date_added);

-- The status resource of each envelope posted, readable by the agency that posted it.
CREATE TABLE taxii_status (
  id            VARCHAR(36)    NOT NULL PRIMARY KEY,
  agency        VARCHAR(32)    NOT NULL REFERENCES agency (code),
  requested_by  VARCHAR(64)    NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  body          TEXT           NOT NULL
);
