-- The records a registry clerk expects (docs/registry.md).
--
-- A registrant files in its own time zone (an IANA zone id such as America/Los_Angeles): a report's
-- filing day is the day on its clock, not in UTC. NULL: the configured default zone
-- (presstrace.registry.calendar.default-zone). Stored rows keep NULL and so file on the default.
ALTER TABLE registrant ADD COLUMN time_zone VARCHAR(64);

-- A loss or theft is often found long after it happened, and its report is due the next business
-- day after its discovery: the day it was discovered is kept beside the day it happened. NULL:
-- discovered the day it happened (every stored row, whose duty ran from that day).
ALTER TABLE custody_event ADD COLUMN discovered_on DATE;

-- The record of a domestic sale beside its custody event (docs/registry.md, "Records of a sale" and
-- "Receipt of a transfer"): what 21 CFR 1310.06(a) records want beyond the parties (method of
-- transfer, the purchaser's identification), the day the order was placed and when DEA was told
-- orally (21 CFR 1310.05), and the buyer's receipt: the buyer confirms it (reading the serial off
-- the plate) or disputes it. One row per transfer custody event, opened PENDING when the sale is
-- recorded; transfers stored before this migration have none and are not judged.
CREATE TABLE transfer_record (
  machine_id    VARCHAR(36)   NOT NULL REFERENCES machine (id),
  seq           INTEGER       NOT NULL,
  seller        VARCHAR(36)   NOT NULL REFERENCES registrant (id),
  buyer         VARCHAR(36)   NOT NULL REFERENCES registrant (id),
  status        VARCHAR(16)   NOT NULL,
  opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_at   TIMESTAMP WITH TIME ZONE,
  answered_by   VARCHAR(64),
  serial_read   VARCHAR(64),
  note          VARCHAR(2000),
  method_of_transfer  VARCHAR(32),
  purchaser_id_type   VARCHAR(32),
  purchaser_id_number VARCHAR(40),
  ordered_on          DATE,
  oral_notice_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT transfer_record_pk PRIMARY KEY (machine_id, seq),
  CONSTRAINT transfer_record_status_valid
    CHECK (status IN ('PENDING', 'CONFIRMED', 'DISPUTED', 'MISMATCHED'))
);
CREATE INDEX transfer_record_by_status ON transfer_record (status, opened_at);

ALTER TABLE compliance_item DROP CONSTRAINT compliance_item_kind_valid;
ALTER TABLE compliance_item ADD CONSTRAINT compliance_item_kind_valid
  CHECK (kind IN ('LATE_REPORT', 'MISSING_REPORT', 'EXPIRING_REGISTRATION', 'UNUSUAL_ACQUISITIONS',
                  'SERIAL_CONFLICT', 'UNCONFIRMED_TRANSFER', 'DISPUTED_TRANSFER',
                  'COUNTERFEIT_IMPRINT'));

-- What 21 CFR 1310.06(a) records want of a regulated transaction beyond a name and a country: each
-- party's address and registration number where held, the method of transfer, and the type and
-- number of the purchaser's identification. Versions filed before keep NULL.
ALTER TABLE transaction_report_version ADD COLUMN importer_address VARCHAR(500);
ALTER TABLE transaction_report_version ADD COLUMN importer_registration VARCHAR(40);
ALTER TABLE transaction_report_version ADD COLUMN exporter_address VARCHAR(500);
ALTER TABLE transaction_report_version ADD COLUMN exporter_registration VARCHAR(40);
ALTER TABLE transaction_report_version ADD COLUMN consignee_address VARCHAR(500);
ALTER TABLE transaction_report_version ADD COLUMN consignee_registration VARCHAR(40);
ALTER TABLE transaction_report_version ADD COLUMN method_of_transfer VARCHAR(32);
ALTER TABLE transaction_report_version ADD COLUMN purchaser_id_type VARCHAR(32);
ALTER TABLE transaction_report_version ADD COLUMN purchaser_id_number VARCHAR(40);
