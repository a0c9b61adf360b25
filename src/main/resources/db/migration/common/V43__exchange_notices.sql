-- PEN-style pre-export notifications between partner instances (docs/exchange.md#pre-export-notices):
-- the notice on both sides (OUTGOING where it was filed, INCOMING where it was received), and
-- the answers and events recorded on either side, each for the version of the notice it saw.

CREATE TABLE exchange_notice (
  id                VARCHAR(36)   PRIMARY KEY,
  version           INTEGER       NOT NULL,
  direction         VARCHAR(8)    NOT NULL,
  partner_id        VARCHAR(64)   NOT NULL REFERENCES exchange_partner (id),
  exporter          VARCHAR(300)  NOT NULL,
  importer          VARCHAR(300)  NOT NULL,
  consignee         VARCHAR(300)  NOT NULL,
  substance_id      VARCHAR(64)   NOT NULL,
  substance_name    VARCHAR(300)  NOT NULL,
  cas               VARCHAR(16),
  control_table     VARCHAR(200)  NOT NULL,
  quantity          VARCHAR(40)   NOT NULL,
  unit              VARCHAR(8)    NOT NULL,
  packages          INTEGER       NOT NULL,
  invoice           VARCHAR(100)  NOT NULL,
  route             VARCHAR(1000) NOT NULL,
  exit_point        VARCHAR(200)  NOT NULL,
  entry_point       VARCHAR(200)  NOT NULL,
  dispatch_date     DATE          NOT NULL,
  transport         VARCHAR(40)   NOT NULL,
  response_deadline DATE          NOT NULL,
  status            VARCHAR(24)   NOT NULL,
  owner_agency      VARCHAR(32)   NOT NULL,
  tlp               VARCHAR(16)   NOT NULL,
  cui_category      VARCHAR(16),
  noforn            BOOLEAN       NOT NULL,
  rel_to            VARCHAR(1000),
  compartment       VARCHAR(64),
  filed_by          VARCHAR(200)  NOT NULL,
  filed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX exchange_notice_by_direction ON exchange_notice (direction, filed_at);

CREATE TABLE exchange_notice_answer (
  id                VARCHAR(36)   PRIMARY KEY,
  notice_id         VARCHAR(36)   NOT NULL REFERENCES exchange_notice (id),
  notice_version    INTEGER       NOT NULL,
  answer            VARCHAR(24)   NOT NULL,
  reason            VARCHAR(2000),
  answered_by       VARCHAR(200)  NOT NULL,
  answered_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX exchange_notice_answer_by_notice ON exchange_notice_answer (notice_id, answered_at);
