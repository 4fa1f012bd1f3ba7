-- Version 3: why a statement is believed. Applied after version 2, on new workspaces and on old ones alike.

-- The extraction step that found it (quote-after, reported-clause, speaker-text, ...) and that step's
-- measured precision; null on statements extracted before steps were recorded.
ALTER TABLE statement ADD COLUMN IF NOT EXISTS found_by VARCHAR(40);
ALTER TABLE statement ADD COLUMN IF NOT EXISTS confidence DOUBLE;
