-- Link analysis: the identifying values of each case subject (phone in E.164, canonical e-mail,
-- identity or registration number, folded address), normalised once, so that the subjects sharing
-- a value are found with one indexed query. A row is read only together with its subject's
-- marking (GuardedReads.related); the value itself is the subject's content.

CREATE TABLE resolution_value (
  entity_id       VARCHAR(36)   NOT NULL REFERENCES resolution_entity (id),
  value_key       VARCHAR(600)  NOT NULL,
  value_kind      VARCHAR(16)   NOT NULL,
  value_text      VARCHAR(500)  NOT NULL,
  PRIMARY KEY (entity_id, value_key),
  CONSTRAINT resolution_value_kind_valid
    CHECK (value_kind IN ('phone', 'email', 'identifier', 'address'))
);
CREATE INDEX resolution_value_by_key ON resolution_value (value_key, entity_id);
