-- The tamper-evident ledger: leaves in append order, the hashes of perfect subtrees (written once),
-- the signed tree heads issued, and one row holding the size, locked by every append.

CREATE TABLE ledger_leaf (
  idx          BIGINT        NOT NULL PRIMARY KEY,
  kind         VARCHAR(32)   NOT NULL,
  ref          VARCHAR(64)   NOT NULL,
  data         VARCHAR(8000) NOT NULL,
  leaf_hash    CHAR(64)      NOT NULL,
  appended_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ledger_leaf_by_ref ON ledger_leaf (kind, ref);

CREATE TABLE ledger_node (
  level  INTEGER  NOT NULL,
  idx    BIGINT   NOT NULL,
  hash   CHAR(64) NOT NULL,
  PRIMARY KEY (level, idx)
);

CREATE TABLE ledger_head (
  tree_size  BIGINT       NOT NULL PRIMARY KEY,
  root_hash  CHAR(64)     NOT NULL,
  issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  key_id     VARCHAR(64)  NOT NULL,
  signature  VARCHAR(200) NOT NULL
);

CREATE TABLE ledger_state (
  id    INTEGER NOT NULL PRIMARY KEY,
  size  BIGINT  NOT NULL
);
INSERT INTO ledger_state (id, size) VALUES (1, 0);
