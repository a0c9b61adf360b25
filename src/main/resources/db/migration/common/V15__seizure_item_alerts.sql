-- Seizure items screened again after a designation: one row per item, newly controlled substance
-- and designation, so that an alert is raised once however often the change is delivered.
CREATE TABLE seizure_item_alert (
  seizure_id      VARCHAR(36)   NOT NULL,
  seq             INTEGER       NOT NULL,
  substance_id    VARCHAR(64)   NOT NULL,
  designation_id  VARCHAR(36)   NOT NULL,
  alert_id        VARCHAR(36)   NOT NULL REFERENCES alert (id),
  raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (seizure_id, seq, substance_id, designation_id),
  CONSTRAINT seizure_item_alert_item FOREIGN KEY (seizure_id, seq) REFERENCES seizure_item (seizure_id, seq)
);
