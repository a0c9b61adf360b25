-- How many leaves of one machine's chain of custody the log holds, kept by the integrator in the
-- transaction that writes them. A writer numbering a machine's next custody leaf read this count
-- from ledger_leaf on every transfer, a count that grew with the machine's history; now it reads
-- one row here and the few rows of the machine still in the queue.
CREATE TABLE ledger_tally (
  kind    VARCHAR(32) NOT NULL,
  ref     VARCHAR(64) NOT NULL,
  leaves  BIGINT      NOT NULL,
  PRIMARY KEY (kind, ref)
);
INSERT INTO ledger_tally (kind, ref, leaves)
  SELECT kind, ref, COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event' GROUP BY kind, ref;
