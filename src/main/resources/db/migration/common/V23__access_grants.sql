-- Grants: a content role, supervisor rights or a compartment membership asked for by one person
-- (an administrator, or a supervisor for a compartment) takes effect only once a supervisor of the
-- agency concerned approves it (docs/access-control.md, "Administrators and grants"). Account
-- roles (administrator, auditor) are recorded here too, approved at once.

CREATE TABLE access_grant (
  id                VARCHAR(36)   NOT NULL PRIMARY KEY,
  grantee           VARCHAR(64)   NOT NULL REFERENCES app_user (username),
  role              VARCHAR(32),
  compartment_code  VARCHAR(64)   REFERENCES compartment (code),
  approver_agency   VARCHAR(32)   NOT NULL REFERENCES agency (code),
  status            VARCHAR(16)   NOT NULL,
  requested_by      VARCHAR(64)   NOT NULL,
  requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by        VARCHAR(64),
  decided_at        TIMESTAMP WITH TIME ZONE,
  decision_reason   VARCHAR(1000),
  CONSTRAINT access_grant_status_valid CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  CONSTRAINT access_grant_one_thing CHECK (
    (role IS NOT NULL AND compartment_code IS NULL)
    OR (role IS NULL AND compartment_code IS NOT NULL))
);
CREATE INDEX access_grant_by_approver ON access_grant (approver_agency, status);
CREATE INDEX access_grant_by_grantee ON access_grant (grantee, status);

-- Accounts from before the rule that hold an account role (administrator, auditor) and content
-- roles lose the content roles and their compartment memberships: such a person reads content
-- through a separate account whose roles a supervisor approves.
DELETE FROM compartment_member
WHERE username IN (SELECT username FROM user_role WHERE role IN ('ADMINISTRATOR', 'AUDITOR'));
DELETE FROM user_role
WHERE role NOT IN ('ADMINISTRATOR', 'AUDITOR')
  AND username IN (
    SELECT held.username FROM user_role held WHERE held.role IN ('ADMINISTRATOR', 'AUDITOR'));
