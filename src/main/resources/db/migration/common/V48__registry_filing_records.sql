-- The records a registry clerk expects (docs/registry.md).
--
-- A registrant files in its own time zone (an IANA zone id such as America/Los_Angeles): a report's
-- filing day is the day on its clock, not in UTC. NULL: the configured default zone
-- (presstrace.registry.calendar.default-zone). Stored rows keep NULL and so file on the default.
ALTER TABLE registrant ADD COLUMN time_zone VARCHAR(64);
