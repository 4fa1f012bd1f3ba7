-- Version 4: corrections that stick. A person's corrections are an append-only log, applied over the machine's
-- output every time the knowledge base is rebuilt. Entries are anchored by content (the document's hash and
-- name, the words and their context), never by row ids, which a rebuild renumbers.
CREATE TABLE IF NOT EXISTS correction (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    made_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    coder        VARCHAR(255) NOT NULL,
    action       VARCHAR(32) NOT NULL,     -- reject, speaker, stance, merge, split, rename, kind, undo
    doc_hash     CHAR(64),                 -- the document the words are in, by content ...
    doc_file     VARCHAR(1024),            -- ... and by name, to find the file again once it has changed
    exact        CLOB,                     -- the words (W3C TextQuoteSelector) ...
    prefix       VARCHAR(255),
    suffix       VARCHAR(255),
    start_offset INT,                      -- ... and where they were (TextPositionSelector)
    end_offset   INT,
    actor        VARCHAR(4096),            -- the actor it is about, by name
    issue        VARCHAR(255),             -- for a stance: the issue
    value_text   VARCHAR(4096),            -- what it becomes: a speaker's name, a polarity, a form, a name, a kind
    note         VARCHAR(4096),            -- why
    undoes       BIGINT                    -- for an undo: the entry it takes back
);

-- What the last application made of each entry: applied, orphaned (with why), undone.
CREATE TABLE IF NOT EXISTS correction_status (
    correction_id BIGINT PRIMARY KEY REFERENCES correction(id) ON DELETE CASCADE,
    status        VARCHAR(16) NOT NULL,
    detail        VARCHAR(4096)
);

-- Which records a person set or confirmed (s5, t3, a2), made again by each application: their provenance.
CREATE TABLE IF NOT EXISTS human_fact (
    record        VARCHAR(32) NOT NULL,
    correction_id BIGINT NOT NULL REFERENCES correction(id) ON DELETE CASCADE,
    PRIMARY KEY (record, correction_id)
);
