-- Incidents received from partner instances (a seizure released to this instance's country).
-- One row per (partner, message id): a resent message stores nothing twice. The marking columns
-- are the marking as sent, except the owner: the local foreign-partner agency standing for the
-- sending partner, so the access policy reads the row as that partner's record.
CREATE TABLE exchange_incident (
  id                VARCHAR(36)   PRIMARY KEY,
  partner_id        VARCHAR(64)   NOT NULL REFERENCES exchange_partner (id),
  message_id        VARCHAR(36)   NOT NULL,
  origin_country    VARCHAR(3)    NOT NULL,
  sender_agency     VARCHAR(32)   NOT NULL,
  source_kind       VARCHAR(32)   NOT NULL,
  source_id         VARCHAR(64)   NOT NULL,
  reference         VARCHAR(100),
  stix_id           VARCHAR(80)   NOT NULL,
  occurred_at       VARCHAR(40)   NOT NULL,
  zone              VARCHAR(64)   NOT NULL,
  context           VARCHAR(32)   NOT NULL,
  port_of_entry     VARCHAR(200),
  region            VARCHAR(200),
  place             VARCHAR(300),
  items             VARCHAR(200000) NOT NULL,
  sent_by           VARCHAR(200)  NOT NULL,
  sent_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  owner_agency      VARCHAR(32)   NOT NULL,
  tlp               VARCHAR(16)   NOT NULL,
  cui_category      VARCHAR(16),
  noforn            BOOLEAN       NOT NULL,
  rel_to            VARCHAR(1000),
  compartment       VARCHAR(64),
  CONSTRAINT exchange_incident_once UNIQUE (partner_id, message_id)
);
CREATE INDEX exchange_incident_by_received ON exchange_incident (received_at);
