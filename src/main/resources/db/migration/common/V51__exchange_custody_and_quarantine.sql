-- The custodian of a foreign-partner agency: the domestic agency whose members read what that
-- partner sends (under its marking), chosen by an administrator.
ALTER TABLE agency ADD COLUMN custodian_agency VARCHAR(32) REFERENCES agency (code);
CREATE INDEX agency_by_custodian ON agency (custodian_agency);

-- A received message whose handler failed unexpectedly is quarantined rather than retried for
-- ever: its signed request headers and the error are kept, and an administrator replays it.
ALTER TABLE exchange_inbox ADD COLUMN headers VARCHAR(8000);
ALTER TABLE exchange_inbox ADD COLUMN quarantined_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE exchange_inbox ADD COLUMN quarantine_error VARCHAR(2000);
ALTER TABLE exchange_inbox ADD COLUMN replayed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX exchange_inbox_quarantined ON exchange_inbox (quarantined_at);
