-- Version 5: the rest of the corrections. An entry can carry a date (a statement's date, the start or the end of
-- a role), a statement's kind (for an added statement), and what the machine had said before the person
-- corrected it (the agreement report compares the two). A role can have an end.
ALTER TABLE correction ADD COLUMN IF NOT EXISTS date_iso VARCHAR(32);
ALTER TABLE correction ADD COLUMN IF NOT EXISTS statement_kind VARCHAR(16);
ALTER TABLE correction ADD COLUMN IF NOT EXISTS machine_value VARCHAR(4096);
ALTER TABLE actor_role ADD COLUMN IF NOT EXISTS until_iso VARCHAR(32);
