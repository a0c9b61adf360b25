-- Where each imported case subject and link came from: the importing agency, the source it named,
-- the entity's id in that source (a FollowTheMoney id), the file and line, who imported it and
-- when. One row per version: a re-import of an unchanged entity adds nothing, a changed one adds
-- the next version pointing at the record that now stands for it. Rows are never changed.

CREATE TABLE casework_import_origin (
  agency        VARCHAR(32)   NOT NULL REFERENCES agency (code),
  source_name   VARCHAR(100)  NOT NULL,
  source_id     VARCHAR(100)  NOT NULL,
  version       INTEGER       NOT NULL,
  record_kind   VARCHAR(16)   NOT NULL,
  record_id     VARCHAR(36)   NOT NULL,
  fingerprint   VARCHAR(64)   NOT NULL,
  file_name     VARCHAR(255)  NOT NULL,
  line_number   INTEGER       NOT NULL,
  imported_by   VARCHAR(64)   NOT NULL,
  imported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (agency, source_name, source_id, version),
  CONSTRAINT casework_import_origin_kind_valid CHECK (record_kind IN ('subject', 'link'))
);
CREATE INDEX casework_import_origin_by_record ON casework_import_origin (record_id);
