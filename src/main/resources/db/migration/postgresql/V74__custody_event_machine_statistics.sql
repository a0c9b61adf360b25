-- How many custody events the planner expects a machine to have comes from the number of distinct
-- machine ids ANALYZE finds in its sample. A machine's events are written together (an import
-- writes a whole history; a declaration and its first sale come close together), so the pages the
-- default sample reads hold the same few machines over and over. At national size (9,999,819
-- events of 1,000,000 machines) it estimated 84,687 machines, 118 events each against 10, and a
-- pattern trace reading the histories of its 5 matches hashed the whole registrant table (18 ms)
-- instead of looking up the filers of its 45 events (0.4 ms). A sample ten times larger estimated
-- 677,344 machines there, which keeps the plan on the indexes (docs/registry.md, "Histories of
-- several machines: the planner's estimate").
ALTER TABLE custody_event ALTER COLUMN machine_id SET STATISTICS 1000;
ANALYZE custody_event;
