-- Version 2: stances. Applied after version 1, on new workspaces and on old ones alike.

-- The codebook and stance-stage version a document's stances were computed with: a changed
-- codebook redoes the stances from the stored statements, without reading or parsing again.
ALTER TABLE document ADD COLUMN IF NOT EXISTS stance_fingerprint CHAR(64);

-- How sure the polarity is, and the weights that decided it.
ALTER TABLE statement_issue ADD COLUMN IF NOT EXISTS confidence DOUBLE;
ALTER TABLE statement_issue ADD COLUMN IF NOT EXISTS support_weight DOUBLE;
ALTER TABLE statement_issue ADD COLUMN IF NOT EXISTS oppose_weight DOUBLE;
ALTER TABLE stance ADD COLUMN IF NOT EXISTS support_weight DOUBLE;
ALTER TABLE stance ADD COLUMN IF NOT EXISTS oppose_weight DOUBLE;
-- evidence in order of weight, strongest first
ALTER TABLE stance_evidence ADD COLUMN IF NOT EXISTS rank INT;
CREATE INDEX IF NOT EXISTS stance_local_actor ON stance(local_actor_id);
CREATE INDEX IF NOT EXISTS stance_document ON stance(document_id);
