-- Exchange with partners (docs/exchange.md): the partner directory, the durable outbox with a
-- sequence per partner, the idempotent inbox, and the nonces of signed requests seen recently.

CREATE TABLE exchange_partner (
  id              VARCHAR(64)   PRIMARY KEY,
  country         VARCHAR(3)    NOT NULL,
  authority       VARCHAR(200)  NOT NULL,
  base_url        VARCHAR(500)  NOT NULL,
  public_key      VARCHAR(200)  NOT NULL,
  agency          VARCHAR(32)   NOT NULL,
  message_types   VARCHAR(1000) NOT NULL,
  enabled         BOOLEAN       NOT NULL,
  next_sequence   BIGINT        NOT NULL,
  applied_through BIGINT        NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT exchange_partner_key UNIQUE (public_key)
);

CREATE TABLE exchange_outbox (
  partner_id      VARCHAR(64)   NOT NULL REFERENCES exchange_partner (id),
  sequence        BIGINT        NOT NULL,
  message_id      VARCHAR(36)   NOT NULL,
  message_type    VARCHAR(64)   NOT NULL,
  body            VARCHAR(1000000) NOT NULL,
  owner_agency    VARCHAR(32)   NOT NULL,
  tlp             VARCHAR(16)   NOT NULL,
  cui_category    VARCHAR(16),
  noforn          BOOLEAN       NOT NULL,
  rel_to          VARCHAR(1000),
  compartment     VARCHAR(64),
  record_kind     VARCHAR(64),
  record_id       VARCHAR(64),
  queued_by       VARCHAR(64)   NOT NULL,
  queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  attempts        INTEGER       NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_error      VARCHAR(1000),
  delivered_at    TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (partner_id, sequence),
  CONSTRAINT exchange_outbox_message UNIQUE (message_id)
);
CREATE INDEX exchange_outbox_pending ON exchange_outbox (status, partner_id, sequence);

CREATE TABLE exchange_inbox (
  partner_id      VARCHAR(64)   NOT NULL REFERENCES exchange_partner (id),
  message_id      VARCHAR(36)   NOT NULL,
  sequence        BIGINT        NOT NULL,
  message_type    VARCHAR(64)   NOT NULL,
  body            VARCHAR(1000000) NOT NULL,
  origin_country  VARCHAR(3)    NOT NULL,
  owner_agency    VARCHAR(32)   NOT NULL,
  tlp             VARCHAR(16)   NOT NULL,
  cui_category    VARCHAR(16),
  noforn          BOOLEAN       NOT NULL,
  rel_to          VARCHAR(1000),
  compartment     VARCHAR(64),
  sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  applied_at      TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (partner_id, message_id),
  CONSTRAINT exchange_inbox_sequence UNIQUE (partner_id, sequence)
);

CREATE TABLE exchange_nonce (
  partner_id      VARCHAR(64)   NOT NULL,
  nonce           VARCHAR(128)  NOT NULL,
  expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (partner_id, nonce)
);
CREATE INDEX exchange_nonce_expiry ON exchange_nonce (expires_at);
