-- Spring Modulith's JDBC event publication registry (its v2 schema for H2).
CREATE TABLE IF NOT EXISTS event_publication (
  id                      UUID NOT NULL PRIMARY KEY,
  completion_date         TIMESTAMP(9) WITH TIME ZONE,
  event_type              VARCHAR(512) NOT NULL,
  listener_id             VARCHAR(512) NOT NULL,
  publication_date        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  serialized_event        VARCHAR(4000) NOT NULL,
  status                  VARCHAR(20),
  completion_attempts     INT,
  last_resubmission_date  TIMESTAMP(9) WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS event_publication_by_listener ON event_publication (listener_id, serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion ON event_publication (completion_date);
