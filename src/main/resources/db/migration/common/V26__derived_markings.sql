-- Records written from protected records carry the join of their sources' markings.
-- A custody event written by an agency (a seizure, a forfeiture, an agency's destruction or
-- tampering report) carries its own marking; an event reported by a registrant has none and is
-- read with its machine. derived_from names the source records ("seizure:<id> machine:<id>").
ALTER TABLE custody_event ADD COLUMN owner_agency VARCHAR(32) REFERENCES agency (code);
ALTER TABLE custody_event ADD COLUMN tlp VARCHAR(16);
ALTER TABLE custody_event ADD COLUMN cui_category VARCHAR(16);
ALTER TABLE custody_event ADD COLUMN noforn BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE custody_event ADD COLUMN rel_to VARCHAR(200);
ALTER TABLE custody_event ADD COLUMN compartment VARCHAR(64) REFERENCES compartment (code);
ALTER TABLE custody_event ADD COLUMN derived_from VARCHAR(400);

-- Events agencies wrote before this change are their own statements: law-enforcement sensitive,
-- owned by the agency of the user who recorded them (a recovery or a tampering report an agency
-- made has no agency column of its own).
UPDATE custody_event
  SET owner_agency = (SELECT u.agency_code FROM app_user u WHERE u.username = custody_event.recorded_by),
      tlp = 'AMBER', cui_category = 'LEI'
  WHERE type IN ('MachineSeized', 'MachineForfeited', 'MachineDestroyed', 'MachineRecovered',
                 'SerialTamperingReported')
    AND recorded_by IN (SELECT u.username FROM app_user u
                        JOIN agency a ON a.code = u.agency_code
                        WHERE a.kind IN ('FEDERAL', 'STATE', 'LOCAL'));

-- A seizure event written from a seizure report takes that report's marking where it is stricter:
-- its TLP and compartment (the report's owner seized it).
UPDATE custody_event
  SET tlp = (SELECT MAX(s.tlp) FROM seizure s JOIN seizure_equipment se ON se.seizure_id = s.id
             WHERE se.machine_id = custody_event.machine_id AND s.tlp IN ('AMBER+STRICT', 'RED')),
      derived_from = 'seizure'
  WHERE type = 'MachineSeized' AND owner_agency IS NOT NULL
    AND EXISTS (SELECT 1 FROM seizure s JOIN seizure_equipment se ON se.seizure_id = s.id
                WHERE se.machine_id = custody_event.machine_id
                  AND s.tlp IN ('AMBER+STRICT', 'RED'));
UPDATE custody_event
  SET compartment = (SELECT MIN(s.compartment) FROM seizure s
                     JOIN seizure_equipment se ON se.seizure_id = s.id
                     WHERE se.machine_id = custody_event.machine_id
                       AND s.compartment IS NOT NULL)
  WHERE type = 'MachineSeized' AND owner_agency IS NOT NULL
    AND EXISTS (SELECT 1 FROM seizure s JOIN seizure_equipment se ON se.seizure_id = s.id
                WHERE se.machine_id = custody_event.machine_id AND s.compartment IS NOT NULL);

-- An alert is addressed to a recipient agency; its marking is the join of what it was raised
-- from, so the recipient reads its content only when it may read every source.
ALTER TABLE alert ADD COLUMN recipient_agency VARCHAR(32) REFERENCES agency (code);
ALTER TABLE alert ADD COLUMN derived_from VARCHAR(400);
UPDATE alert SET recipient_agency = owner_agency;
CREATE INDEX alert_by_recipient ON alert (recipient_agency, status, raised_at);
-- A recipient that may not read an alert's sources still learns the fact: a second row, marked
-- for the recipient alone, holds the fact without the content and points at the alert it stands
-- for. A reader who may read that alert sees it instead of the fact.
ALTER TABLE alert ADD COLUMN fact_of VARCHAR(36);
