-- The records a registry clerk expects (docs/registry.md).
--
-- A registrant files in its own time zone (an IANA zone id such as America/Los_Angeles): a report's
-- filing day is the day on its clock, not in UTC. NULL: the configured default zone
-- (presstrace.registry.calendar.default-zone). Stored rows keep NULL and so file on the default.
ALTER TABLE registrant ADD COLUMN time_zone VARCHAR(64);

-- A loss or theft is often found long after it happened, and its report is due the next business
-- day after its discovery: the day it was discovered is kept beside the day it happened. NULL:
-- discovered the day it happened (every stored row, whose duty ran from that day).
ALTER TABLE custody_event ADD COLUMN discovered_on DATE;
