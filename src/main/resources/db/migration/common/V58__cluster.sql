-- More than one PressTrace node on one database (docs/deployment.md).

-- Spring Session JDBC: sessions shared by every node (its own schema, spelt for H2 and PostgreSQL).
CREATE TABLE spring_session (
  primary_id CHAR(36) NOT NULL,
  session_id CHAR(36) NOT NULL,
  creation_time BIGINT NOT NULL,
  last_access_time BIGINT NOT NULL,
  max_inactive_interval INT NOT NULL,
  expiry_time BIGINT NOT NULL,
  principal_name VARCHAR(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
  session_primary_id CHAR(36) NOT NULL,
  attribute_name VARCHAR(200) NOT NULL,
  attribute_bytes BYTEA NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
    REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- db-scheduler: background jobs and recurring sweeps, each execution picked by one node.
CREATE TABLE scheduled_tasks (
  task_name VARCHAR(100) NOT NULL,
  task_instance VARCHAR(200) NOT NULL,
  task_data BYTEA,
  execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
  picked BOOLEAN NOT NULL,
  picked_by VARCHAR(200),
  last_success TIMESTAMP WITH TIME ZONE,
  last_failure TIMESTAMP WITH TIME ZONE,
  consecutive_failures INT,
  last_heartbeat TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  priority SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time);

-- Registry imports in the background: the uploaded file is stored here before the upload is
-- acknowledged, so that any node can run it; the job's progress is visible from every node.
CREATE TABLE registry_import_job (
  id VARCHAR(36) PRIMARY KEY,
  username VARCHAR(100) NOT NULL,
  channel VARCHAR(20) NOT NULL,
  purpose VARCHAR(1000),
  request_id VARCHAR(100),
  file_name VARCHAR(300) NOT NULL,
  dry_run BOOLEAN NOT NULL,
  content BYTEA,
  state VARCHAR(10) NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED')),
  phase VARCHAR(10) NOT NULL CHECK (phase IN ('WAITING', 'CHECKING', 'STORING', 'DONE')),
  done BIGINT NOT NULL DEFAULT 0,
  total BIGINT NOT NULL DEFAULT 0,
  attempts INT NOT NULL DEFAULT 0,
  node VARCHAR(200),
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at TIMESTAMP WITH TIME ZONE,
  result_json TEXT,
  failure VARCHAR(2000)
);
CREATE INDEX registry_import_job_owner ON registry_import_job (username, started_at);
CREATE INDEX registry_import_job_state ON registry_import_job (state);

-- Sweeps that run once per cluster record each run here (which sweep, which node, when).
CREATE TABLE sweep_run (
  id VARCHAR(36) PRIMARY KEY,
  sweep VARCHAR(100) NOT NULL,
  node VARCHAR(200) NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at TIMESTAMP WITH TIME ZONE,
  outcome VARCHAR(1000)
);
CREATE INDEX sweep_run_sweep ON sweep_run (sweep, started_at);
