-- Trace indexes for PostgreSQL (docs/registry.md, "Benchmark").
-- A pattern trace (A1?3-55* becomes serial_normalised LIKE 'A1_355%') can only use a btree index
-- for its fixed prefix when the index compares bytes: machine_by_serial follows the database's
-- collation, under which PostgreSQL 15 scans the whole machine table instead.
CREATE INDEX machine_by_serial_pattern ON machine (serial_normalised varchar_pattern_ops);
-- A make-and-model trace matches LOWER(model): machine_by_make_model narrows to the make only and
-- every machine of that make was read and filtered.
CREATE INDEX machine_by_make_lower_model ON machine (make_key, LOWER(model));
