-- A control as the law lists it: the citation (Federal Register volume and page, CFR section,
-- Public Law or announcement), whether it is a temporary scheduling order or a permanent listing,
-- and the DEA Controlled Substances Code Number (ACSCN) the listing carries. Null for controls
-- recorded before, and for designation imports that do not give them.
ALTER TABLE control_action ADD COLUMN citation VARCHAR(300);
ALTER TABLE control_action ADD COLUMN order_kind VARCHAR(16);
ALTER TABLE control_action ADD COLUMN drug_code VARCHAR(8);
ALTER TABLE control_action ADD CONSTRAINT control_action_order_valid
  CHECK (order_kind IS NULL OR order_kind IN ('temporary', 'permanent'));
