-- Make-and-model trace (docs/registry.md): the model is matched case-insensitively. Comparing
-- LOWER(model) in SQL lower-cases in the database's rules, which for an embedded H2 are the JVM's
-- default locale (under a Turkish locale 'PIP-16' becomes 'pıp-16' and is never found). PressTrace
-- now lower-cases the model itself, in the root locale, and keeps it beside the model.
ALTER TABLE machine ADD COLUMN model_key VARCHAR(100);
UPDATE machine SET model_key = LOWER(model);
ALTER TABLE machine ALTER COLUMN model_key SET NOT NULL;
DROP INDEX IF EXISTS machine_by_make_lower_model;
DROP INDEX IF EXISTS machine_by_make_model;
CREATE INDEX machine_by_make_model_key ON machine (make_key, model_key);
