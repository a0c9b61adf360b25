-- A trace reads the chain of custody of each machine it finds (docs/registry.md, "A trace's pages").
-- The events of one machine were found through custody_event_seq_unique and then read from the
-- table: 3 to 4 table pages per machine at national size, and in service one page per event, since
-- a machine's events arrive years apart. custody_history carries every column a history shows
-- beside the key, so one index leaf holds a machine's whole history and, once vacuumed, the table is
-- not visited.
-- An index entry may hold at most 2,704 bytes, and details may hold 2,000 characters (up to 8,000
-- bytes): an event whose details are longer than 1,000 bytes is left out of custody_history (the
-- index is partial), so no note is ever refused for its length, and a history reads such events
-- from the table, found by custody_event_long_details. The other columns are ids, codes, names of
-- event types and at most 200 characters of releasability: well inside the rest of the entry.
CREATE INDEX custody_history ON custody_event (machine_id, seq)
  INCLUDE (type, occurred_on, reported_at, from_registrant, to_registrant, agency,
           buyer_registration, buyer_checked_at, transaction_id, details, recorded_by,
           discovered_on, owner_agency, tlp, cui_category, noforn, rel_to, compartment)
  WHERE details IS NULL OR OCTET_LENGTH(details) <= 1000;
CREATE INDEX custody_event_long_details ON custody_event (machine_id, seq)
  WHERE OCTET_LENGTH(details) > 1000;

-- A sale's record beside its event, read with the history, the same way.
ALTER TABLE transfer_record DROP CONSTRAINT transfer_record_pk;
ALTER TABLE transfer_record ADD CONSTRAINT transfer_record_pk PRIMARY KEY (machine_id, seq)
  INCLUDE (status, method_of_transfer, purchaser_id_type, purchaser_id_number, ordered_on,
           oral_notice_at);

-- An index-only scan skips the table only for pages the visibility map marks all-visible, which
-- vacuum sets. custody_event is only appended to; by default autovacuum visits such a table after
-- 20% of it is new (2,000,000 events at national size), so recent events, the ones traced most,
-- would still be read from the table. Vacuum it after 1%.
ALTER TABLE custody_event SET (autovacuum_vacuum_insert_scale_factor = 0.01);
