-- A judgement belongs to the agency that made it: each agency's clusters, review queue, red flags
-- and graph follow its own judgements and the automatic scores only. Existing judgements are given
-- to the agency of the user who made them (or, failing that, the owner of the left subject).
-- resolution_match keeps the automatic band alone: a judged band stored there earlier applied one
-- agency's judgement to every agency, so it is put back to the band of the score.

ALTER TABLE resolution_judgement ADD COLUMN agency VARCHAR(32) REFERENCES agency (code);

UPDATE resolution_judgement SET agency = COALESCE(
  (SELECT u.agency_code FROM app_user u WHERE u.username = resolution_judgement.judged_by),
  (SELECT e.owner_agency FROM resolution_entity e WHERE e.id = resolution_judgement.left_id));

ALTER TABLE resolution_judgement ALTER COLUMN agency SET NOT NULL;

CREATE INDEX resolution_judgement_by_agency
  ON resolution_judgement (agency, left_id, right_id, judged_at);

UPDATE resolution_match
   SET band = CASE WHEN score >= 0.9 THEN 'LINK' WHEN score >= 0.5 THEN 'REVIEW' ELSE 'DISTINCT' END,
       explanation = REPLACE(REPLACE(REPLACE(explanation,
         ' judgement=same(+0.0)', ''), ' judgement=not_same(+0.0)', ''), ' judgement=unsure(+0.0)', '')
 WHERE explanation LIKE '%judgement=%';

DELETE FROM resolution_match WHERE band = 'DISTINCT';

-- Sharing a judgement with another agency is a two-party act: the judging agency proposes, a
-- supervisor or investigator of the receiving agency accepts (the accepted judgement is then
-- recorded as the receiving agency's own) or declines. Both steps are kept here and audited.
CREATE TABLE resolution_judgement_share (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  judgement_id    VARCHAR(36)   NOT NULL REFERENCES resolution_judgement (id),
  from_agency     VARCHAR(32)   NOT NULL REFERENCES agency (code),
  to_agency       VARCHAR(32)   NOT NULL REFERENCES agency (code),
  proposed_by     VARCHAR(64)   NOT NULL,
  proposed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  decided_by      VARCHAR(64),
  decided_at      TIMESTAMP WITH TIME ZONE,
  accepted_as     VARCHAR(36)   REFERENCES resolution_judgement (id),
  CONSTRAINT resolution_judgement_share_status
    CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED')),
  CONSTRAINT resolution_judgement_share_parties CHECK (from_agency <> to_agency)
);
CREATE INDEX resolution_judgement_share_by_recipient
  ON resolution_judgement_share (to_agency, status, proposed_at);
