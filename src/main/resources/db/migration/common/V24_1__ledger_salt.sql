-- The salt of a leaf's commitments when the record it stands for keeps no salt of its own (audit
-- entries: the trail is written only by the access module). 16 random bytes, hex, written with the
-- leaf; never in the leaf, never served by the API, never exported. Keyed by leaf index.
CREATE TABLE ledger_salt (
  idx   BIGINT   NOT NULL PRIMARY KEY,
  salt  CHAR(32) NOT NULL
);
