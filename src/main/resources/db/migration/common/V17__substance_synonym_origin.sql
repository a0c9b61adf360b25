-- Where each name of a substance came from, so that loading a new version of the built-in list
-- updates its own names and leaves the names designation imports added alone.
--
-- Names stored before this column existed cannot be told apart for a built-in substance a
-- designation has touched: they are kept as imported ('designation'), so that no imported name is
-- lost; the loader claims back every name the new built-in list still carries.
ALTER TABLE substance_synonym ADD COLUMN origin VARCHAR(40) DEFAULT 'built-in' NOT NULL;

UPDATE substance_synonym SET origin = 'designation'
WHERE substance_id IN (SELECT id FROM substance WHERE origin <> 'built-in')
   OR substance_id IN (SELECT substance_id FROM control_action
                       WHERE designation_id IS NOT NULL AND substance_id IS NOT NULL);

ALTER TABLE substance_synonym ALTER COLUMN origin DROP DEFAULT;

-- A built-in control is identified across list versions by what it controls and under which
-- instrument and category; the loader updates it in place, keeping an end a designation set.
CREATE INDEX control_action_by_origin ON control_action (origin);
