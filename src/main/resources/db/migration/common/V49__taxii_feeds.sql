-- Partner TAXII collections PressTrace polls on a schedule, each imported as one of its users.
-- The credential is never stored: only the name of the environment variable that holds it.
CREATE TABLE taxii_feed (
  id                    VARCHAR(36)    NOT NULL PRIMARY KEY,
  name                  VARCHAR(100)   NOT NULL,
  collection_url        VARCHAR(500)   NOT NULL,
  import_as             VARCHAR(64)    NOT NULL REFERENCES app_user (username),
  agency                VARCHAR(32)    NOT NULL REFERENCES agency (code),
  -- NONE, HEADER (the variable holds an Authorization value) or BEARER (it holds a token)
  auth_kind             VARCHAR(16)    NOT NULL,
  auth_env              VARCHAR(100),
  interval_seconds      INTEGER        NOT NULL,
  enabled               BOOLEAN        NOT NULL,
  created_by            VARCHAR(64)    NOT NULL,
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  -- the partner's X-TAXII-Date-Added-Last of the last import: the next poll's added_after
  added_after           TIMESTAMP WITH TIME ZONE,
  next_poll_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  last_poll_at          TIMESTAMP WITH TIME ZONE,
  -- IMPORTED, NOTHING_NEW, REFUSED or UNREACHABLE
  last_outcome          VARCHAR(16),
  last_detail           VARCHAR(1000),
  total_received        BIGINT         NOT NULL DEFAULT 0,
  consecutive_failures  INTEGER        NOT NULL DEFAULT 0,
  CONSTRAINT taxii_feed_name_once UNIQUE (name),
  CONSTRAINT taxii_feed_auth_valid CHECK (auth_kind IN ('NONE', 'HEADER', 'BEARER')),
  CONSTRAINT taxii_feed_interval_valid CHECK (interval_seconds BETWEEN 60 AND 86400)
);
CREATE INDEX taxii_feed_due ON taxii_feed (enabled, next_poll_at);
