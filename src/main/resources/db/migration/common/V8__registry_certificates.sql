-- Registration certificates. Each activation or renewal issues one; the registrant's details are
-- kept as printed on it, so the PDF can be rendered again unchanged. The verification code is
-- random (never derived from the id), stored without its separators; a certificate ends when a
-- newer one supersedes it or the registration is suspended, revoked or lapses.

CREATE TABLE registration_certificate (
  id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
  registrant_id        VARCHAR(36)  NOT NULL REFERENCES registrant (id),
  code                 VARCHAR(32)  NOT NULL UNIQUE,
  registration_number  VARCHAR(16)  NOT NULL,
  legal_name           VARCHAR(200) NOT NULL,
  trade_name           VARCHAR(200),
  category             VARCHAR(16)  NOT NULL,
  dea_number           VARCHAR(9),
  status_at_issue      VARCHAR(16)  NOT NULL,
  valid_from           DATE         NOT NULL,
  valid_until          DATE         NOT NULL,
  issued_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  issued_by            VARCHAR(64)  NOT NULL,
  ended_as             VARCHAR(16),
  ended_at             TIMESTAMP WITH TIME ZONE,
  ended_reason         VARCHAR(1000),
  CONSTRAINT certificate_ended_valid CHECK (ended_as IS NULL OR ended_as IN ('SUPERSEDED', 'SUSPENDED', 'REVOKED', 'EXPIRED'))
);
CREATE INDEX certificate_by_registrant ON registration_certificate (registrant_id, issued_at);
