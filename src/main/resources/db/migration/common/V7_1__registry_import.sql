-- Each stored bulk import of inventories and transfers: who imported which file, and how much it
-- held. The machines and custody events it wrote carry the same recorded_by and times.
CREATE TABLE registry_import (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  file_name        VARCHAR(255) NOT NULL,
  sha256           VARCHAR(64)  NOT NULL,
  rows_total       INTEGER      NOT NULL,
  inventory_rows   INTEGER      NOT NULL,
  transfer_rows    INTEGER      NOT NULL,
  imported_by      VARCHAR(64)  NOT NULL,
  agency_code      VARCHAR(32)  REFERENCES agency (code),
  channel          VARCHAR(16)  NOT NULL,
  imported_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX registry_import_by_user ON registry_import (imported_by, imported_at);
