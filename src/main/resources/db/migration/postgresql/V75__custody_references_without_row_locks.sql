-- The custody path checks the agencies and registrants it names by reading them, not by locking
-- them (docs/registry.md, "Custody references without row locks").
--
-- A foreign key checks each reference by taking a KEY SHARE lock on the row it names. A sale names
-- the seller's agency and the machine's owner agency (a handful of rows that nearly every sale
-- names) and the seller and buyer. Sales that overlap in time share those locks through a
-- MultiXact: about one per sale under load, each written to pg_multixact, logged, and read back by
-- the next sale that locks the row. Agencies and registrants are never deleted and their keys never
-- change (the triggers below refuse both, for every role), so a row that exists when a sale reads it
-- exists when the sale commits, and the lock protects nothing.
--
-- The foreign keys of the other tables that name agencies and registrants stay: they are written
-- far less often. On H2 the custody tables keep their foreign keys.

CREATE OR REPLACE FUNCTION reference_key_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never deleted and their keys never change: % refused',
    TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER agency_never_deleted
  BEFORE DELETE ON agency
  FOR EACH ROW EXECUTE FUNCTION reference_key_refuse_change();
CREATE TRIGGER agency_code_never_changes
  BEFORE UPDATE OF code ON agency
  FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code)
  EXECUTE FUNCTION reference_key_refuse_change();
CREATE TRIGGER agency_never_truncated
  BEFORE TRUNCATE ON agency
  FOR EACH STATEMENT EXECUTE FUNCTION reference_key_refuse_change();

CREATE TRIGGER registrant_never_deleted
  BEFORE DELETE ON registrant
  FOR EACH ROW EXECUTE FUNCTION reference_key_refuse_change();
CREATE TRIGGER registrant_id_never_changes
  BEFORE UPDATE OF id ON registrant
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION reference_key_refuse_change();
CREATE TRIGGER registrant_never_truncated
  BEFORE TRUNCATE ON registrant
  FOR EACH STATEMENT EXECUTE FUNCTION reference_key_refuse_change();

-- Refuses a reference to a row that does not exist, with the SQLSTATE, constraint name and words
-- of the foreign key it stands for.
CREATE OR REPLACE FUNCTION reference_refuse_unknown(
  tab TEXT, col TEXT, parent TEXT, val TEXT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"',
    tab, tab || '_' || col || '_fkey'
    USING ERRCODE = 'foreign_key_violation',
      CONSTRAINT = tab || '_' || col || '_fkey',
      TABLE = tab,
      COLUMN = col,
      DETAIL = format('Key (%s)=(%s) is not present in table "%s".', col, val, parent);
END;
$$;

CREATE OR REPLACE FUNCTION custody_event_references_exist() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.from_registrant IS NOT NULL
      AND (TG_OP = 'INSERT' OR NEW.from_registrant IS DISTINCT FROM OLD.from_registrant)
      AND NOT EXISTS (SELECT 1 FROM registrant WHERE id = NEW.from_registrant) THEN
    PERFORM reference_refuse_unknown(
      'custody_event', 'from_registrant', 'registrant', NEW.from_registrant);
  END IF;
  IF NEW.to_registrant IS NOT NULL
      AND (TG_OP = 'INSERT' OR NEW.to_registrant IS DISTINCT FROM OLD.to_registrant)
      AND NOT EXISTS (SELECT 1 FROM registrant WHERE id = NEW.to_registrant) THEN
    PERFORM reference_refuse_unknown(
      'custody_event', 'to_registrant', 'registrant', NEW.to_registrant);
  END IF;
  IF NEW.agency IS NOT NULL
      AND (TG_OP = 'INSERT' OR NEW.agency IS DISTINCT FROM OLD.agency)
      AND NOT EXISTS (SELECT 1 FROM agency WHERE code = NEW.agency) THEN
    PERFORM reference_refuse_unknown('custody_event', 'agency', 'agency', NEW.agency);
  END IF;
  IF NEW.owner_agency IS NOT NULL
      AND (TG_OP = 'INSERT' OR NEW.owner_agency IS DISTINCT FROM OLD.owner_agency)
      AND NOT EXISTS (SELECT 1 FROM agency WHERE code = NEW.owner_agency) THEN
    PERFORM reference_refuse_unknown(
      'custody_event', 'owner_agency', 'agency', NEW.owner_agency);
  END IF;
  RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION machine_references_exist() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.current_holder IS NOT NULL
      AND (TG_OP = 'INSERT' OR NEW.current_holder IS DISTINCT FROM OLD.current_holder)
      AND NOT EXISTS (SELECT 1 FROM registrant WHERE id = NEW.current_holder) THEN
    PERFORM reference_refuse_unknown(
      'machine', 'current_holder', 'registrant', NEW.current_holder);
  END IF;
  IF NEW.owner_agency IS NOT NULL
      AND (TG_OP = 'INSERT' OR NEW.owner_agency IS DISTINCT FROM OLD.owner_agency)
      AND NOT EXISTS (SELECT 1 FROM agency WHERE code = NEW.owner_agency) THEN
    PERFORM reference_refuse_unknown('machine', 'owner_agency', 'agency', NEW.owner_agency);
  END IF;
  RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION transfer_record_references_exist() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seller IS NOT NULL
      AND (TG_OP = 'INSERT' OR NEW.seller IS DISTINCT FROM OLD.seller)
      AND NOT EXISTS (SELECT 1 FROM registrant WHERE id = NEW.seller) THEN
    PERFORM reference_refuse_unknown('transfer_record', 'seller', 'registrant', NEW.seller);
  END IF;
  IF NEW.buyer IS NOT NULL
      AND (TG_OP = 'INSERT' OR NEW.buyer IS DISTINCT FROM OLD.buyer)
      AND NOT EXISTS (SELECT 1 FROM registrant WHERE id = NEW.buyer) THEN
    PERFORM reference_refuse_unknown('transfer_record', 'buyer', 'registrant', NEW.buyer);
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER custody_event_references
  BEFORE INSERT OR UPDATE OF from_registrant, to_registrant, agency, owner_agency
  ON custody_event
  FOR EACH ROW EXECUTE FUNCTION custody_event_references_exist();
CREATE TRIGGER machine_references
  BEFORE INSERT OR UPDATE OF current_holder, owner_agency ON machine
  FOR EACH ROW EXECUTE FUNCTION machine_references_exist();
CREATE TRIGGER transfer_record_references
  BEFORE INSERT OR UPDATE OF seller, buyer ON transfer_record
  FOR EACH ROW EXECUTE FUNCTION transfer_record_references_exist();

ALTER TABLE custody_event DROP CONSTRAINT custody_event_from_registrant_fkey;
ALTER TABLE custody_event DROP CONSTRAINT custody_event_to_registrant_fkey;
ALTER TABLE custody_event DROP CONSTRAINT custody_event_agency_fkey;
ALTER TABLE custody_event DROP CONSTRAINT custody_event_owner_agency_fkey;
ALTER TABLE machine DROP CONSTRAINT machine_current_holder_fkey;
ALTER TABLE machine DROP CONSTRAINT machine_owner_agency_fkey;
ALTER TABLE transfer_record DROP CONSTRAINT transfer_record_seller_fkey;
ALTER TABLE transfer_record DROP CONSTRAINT transfer_record_buyer_fkey;
