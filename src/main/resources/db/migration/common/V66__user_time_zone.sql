-- The IANA time zone a user reads times in on the pages; null means the instance's configured zone.
ALTER TABLE app_user ADD COLUMN time_zone VARCHAR(64);
