-- An agency names a duty contact: the one point of contact deconfliction gives another agency
-- whose work conflicts with a record of this agency that may not leave it (in a compartment,
-- TLP:RED or TLP:AMBER+STRICT).
ALTER TABLE agency ADD COLUMN duty_contact VARCHAR(200);

-- A pointer alert carries the marking of the recipient's own record it was raised about, so that
-- members of the recipient agency outside that record's compartment neither list nor open it.
ALTER TABLE pointer_alert ADD COLUMN owner_agency VARCHAR(32) REFERENCES agency (code);
ALTER TABLE pointer_alert ADD COLUMN tlp VARCHAR(16);
ALTER TABLE pointer_alert ADD COLUMN cui_category VARCHAR(16);
ALTER TABLE pointer_alert ADD COLUMN noforn BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE pointer_alert ADD COLUMN rel_to VARCHAR(200);
ALTER TABLE pointer_alert ADD COLUMN compartment VARCHAR(64) REFERENCES compartment (code);
ALTER TABLE pointer_alert ADD COLUMN derived_from VARCHAR(400);
-- When the other agency's record may not leave it, the alert names only that agency; its duty
-- contact is read from the agency when the alert is shown.
ALTER TABLE pointer_alert ADD COLUMN duty_contact_only BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE pointer_alert ALTER COLUMN other_case_reference DROP NOT NULL;
ALTER TABLE pointer_alert ALTER COLUMN other_contact DROP NOT NULL;

UPDATE pointer_alert SET
    owner_agency = (SELECT e.owner_agency FROM resolution_entity e WHERE e.id = own_record_id),
    tlp = (SELECT e.tlp FROM resolution_entity e WHERE e.id = own_record_id),
    cui_category = (SELECT e.cui_category FROM resolution_entity e WHERE e.id = own_record_id),
    noforn = (SELECT e.noforn FROM resolution_entity e WHERE e.id = own_record_id),
    rel_to = (SELECT e.rel_to FROM resolution_entity e WHERE e.id = own_record_id),
    compartment = (SELECT e.compartment FROM resolution_entity e WHERE e.id = own_record_id),
    derived_from = 'subject:' || own_record_id
  WHERE alert_kind = 'SUBJECT'
    AND EXISTS (SELECT 1 FROM resolution_entity e WHERE e.id = own_record_id);
UPDATE pointer_alert SET
    owner_agency = (SELECT o.owner_agency FROM planned_operation o WHERE o.id = own_record_id),
    tlp = (SELECT o.tlp FROM planned_operation o WHERE o.id = own_record_id),
    cui_category = (SELECT o.cui_category FROM planned_operation o WHERE o.id = own_record_id),
    noforn = (SELECT o.noforn FROM planned_operation o WHERE o.id = own_record_id),
    rel_to = (SELECT o.rel_to FROM planned_operation o WHERE o.id = own_record_id),
    compartment = (SELECT o.compartment FROM planned_operation o WHERE o.id = own_record_id),
    derived_from = 'planned-operation:' || own_record_id
  WHERE alert_kind = 'OPERATION'
    AND EXISTS (SELECT 1 FROM planned_operation o WHERE o.id = own_record_id);
-- An alert whose own record is gone stays with its recipient, as that agency's own statement.
UPDATE pointer_alert SET owner_agency = recipient_agency, tlp = 'AMBER' WHERE owner_agency IS NULL;
ALTER TABLE pointer_alert ALTER COLUMN owner_agency SET NOT NULL;
ALTER TABLE pointer_alert ALTER COLUMN tlp SET NOT NULL;

-- Alerts raised before this change named the case and contact of records that may not leave
-- their agency: withhold them wherever the other agency holds such a record under that case.
UPDATE pointer_alert SET other_case_reference = NULL, other_contact = NULL,
                         duty_contact_only = TRUE
  WHERE (alert_kind = 'SUBJECT'
         AND EXISTS (SELECT 1 FROM resolution_entity e
                     WHERE e.owner_agency = pointer_alert.other_agency
                       AND e.case_reference = pointer_alert.other_case_reference
                       AND (e.compartment IS NOT NULL OR e.tlp IN ('RED', 'AMBER+STRICT'))))
     OR (alert_kind = 'OPERATION'
         AND EXISTS (SELECT 1 FROM planned_operation o
                     WHERE o.owner_agency = pointer_alert.other_agency
                       AND o.case_reference = pointer_alert.other_case_reference
                       AND (o.compartment IS NOT NULL OR o.tlp IN ('RED', 'AMBER+STRICT'))));
