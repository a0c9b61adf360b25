-- When each served version entered a TAXII collection for one reader scope: an agency, with the
-- compartments of its member when there are any (the scope the access policy decides for). A
-- version is added for a scope the first time a reader of that scope may read it and is served
-- it, so a record released, or a marking loosened, after others were served it is added for the
-- partner then, and the partner's incremental poll (added_after its last poll) brings it. A date
-- never changes once recorded. The scope is the agency's code, or the code and the SHA-256 of the
-- sorted compartment codes.
CREATE TABLE taxii_scope_added (
  collection_id  VARCHAR(64)    NOT NULL,
  scope          VARCHAR(100)   NOT NULL,
  stix_id        VARCHAR(300)   NOT NULL,
  stix_version   VARCHAR(40)    NOT NULL,
  date_added     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (collection_id, scope, stix_id, stix_version)
);
CREATE INDEX taxii_scope_added_by_added ON taxii_scope_added (collection_id, scope, date_added);
