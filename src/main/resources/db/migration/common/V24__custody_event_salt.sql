-- The salt of a custody event's ledger commitments: 16 random bytes, hex, written with the row and
-- never put in the ledger. Events recorded before this column have none: their leaves hold the
-- content itself (leaf format 1) and are checked as before.
ALTER TABLE custody_event ADD COLUMN salt CHAR(32);
