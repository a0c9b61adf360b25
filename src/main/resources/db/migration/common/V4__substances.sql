-- Controlled substances and precursors: reference data, not protected records (no markings).
-- Every control carries its jurisdiction, instrument, dates and source; a class-wide control
-- names its structure rule instead of a substance. origin says where a row came from
-- ('built-in' for the list shipped with the build).

CREATE TABLE substance (
  id            VARCHAR(64)    NOT NULL PRIMARY KEY,
  name          VARCHAR(200)   NOT NULL,
  cas           VARCHAR(12),
  family        VARCHAR(40)    NOT NULL,
  smiles        VARCHAR(2000),
  formula       VARCHAR(100),
  inchi_key     VARCHAR(27),
  sources       VARCHAR(4000)  NOT NULL,
  origin        VARCHAR(40)    NOT NULL
);
CREATE INDEX substance_by_cas ON substance (cas);

CREATE TABLE substance_synonym (
  substance_id  VARCHAR(64)    NOT NULL REFERENCES substance (id) ON DELETE CASCADE,
  synonym       VARCHAR(300)   NOT NULL,
  kind          VARCHAR(16)    NOT NULL,
  PRIMARY KEY (substance_id, synonym),
  CONSTRAINT substance_synonym_kind_valid CHECK (kind IN ('NAME', 'SYNONYM', 'CHINESE'))
);

CREATE TABLE control_action (
  id                 VARCHAR(36)    NOT NULL PRIMARY KEY,
  substance_id       VARCHAR(64)    REFERENCES substance (id) ON DELETE CASCADE,
  class_rule         VARCHAR(64),
  jurisdiction       VARCHAR(3)     NOT NULL,
  instrument         VARCHAR(200)   NOT NULL,
  category           VARCHAR(200)   NOT NULL,
  effective_from     DATE,
  effective_as_cited VARCHAR(40)    NOT NULL,
  in_force_by        DATE,
  effective_to       DATE,
  source             VARCHAR(1000)  NOT NULL,
  origin             VARCHAR(40)    NOT NULL,
  CONSTRAINT control_action_names_what CHECK (substance_id IS NOT NULL OR class_rule IS NOT NULL)
);
CREATE INDEX control_action_by_jurisdiction ON control_action (jurisdiction, in_force_by);
CREATE INDEX control_action_by_substance ON control_action (substance_id);

-- Which version of the built-in list is loaded; the loader replaces built-in rows when it changes.
CREATE TABLE reference_list_load (
  version       VARCHAR(40)    NOT NULL PRIMARY KEY,
  loaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  substances    INTEGER        NOT NULL
);
