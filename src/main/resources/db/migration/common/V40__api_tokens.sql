-- API tokens issued by PressTrace (docs/access-control.md, "API tokens"). Only the SHA-256 of the
-- secret is kept: the secret is shown once, when the token is made. A token carries a subset of
-- its holder's roles (comma-separated role names) and always expires.

CREATE TABLE api_token (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  username      VARCHAR(64)   NOT NULL REFERENCES app_user (username),
  kind          VARCHAR(16)   NOT NULL,
  name          VARCHAR(100)  NOT NULL,
  secret_hash   VARCHAR(64)   NOT NULL,
  roles         VARCHAR(200)  NOT NULL,
  created_by    VARCHAR(64)   NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_by    VARCHAR(64),
  revoked_at    TIMESTAMP WITH TIME ZONE,
  last_used_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT api_token_kind_valid CHECK (kind IN ('PERSONAL', 'SERVICE')),
  CONSTRAINT api_token_secret_hash_unique UNIQUE (secret_hash)
);
CREATE INDEX api_token_by_username ON api_token (username);
