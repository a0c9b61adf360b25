-- The node whose integrator took each leaf into the log (its cluster node name), so that which
-- node led, and when leadership passed from one node to another, can be read afterwards. Null for
-- leaves integrated before this column.
ALTER TABLE ledger_leaf ADD COLUMN integrated_by VARCHAR(200);
