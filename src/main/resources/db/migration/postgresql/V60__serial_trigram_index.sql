-- Trace by pattern at national size (docs/registry.md, "Trace at national size"). A pattern such as
-- KE?644* (serial_normalised LIKE 'KE_644%') narrowed only to its readable prefix: the btree range of
-- serials beginning KE held 164,000 of 1,000,000 machines, every one read and filtered, and the
-- count of matches read them all again. A trigram index finds the serials holding every readable
-- run of the pattern (KE at the start, 644) and leaves a handful to check.
-- pg_trgm is a trusted extension, which the database owner (the schema owner that migrates) may
-- create; it goes into public, which every schema's search path can reach, once per database.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE INDEX machine_by_serial_trigram ON machine USING gin (serial_normalised public.gin_trgm_ops);
