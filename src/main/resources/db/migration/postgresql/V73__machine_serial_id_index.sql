-- One serial index whose leaves also hold the machine's id (docs/registry.md, "A pattern's range
-- read in the index"). A pattern trace checks its LIKE against every serial of its prefix range in
-- the index alone and reads the table for the matches only, where it read the table row of every
-- serial in the range; an exact trace finds its rows in the order it returns them (serial, then id).
-- It takes the place of both serial indexes: the pattern index (V11) served only LIKE prefixes,
-- which every pattern trace now bounds with BETWEEN, so a custody event that moves a machine writes
-- one index entry fewer.
CREATE INDEX machine_by_serial_id ON machine (serial_normalised, id);
DROP INDEX machine_by_serial;
DROP INDEX machine_by_serial_pattern;
