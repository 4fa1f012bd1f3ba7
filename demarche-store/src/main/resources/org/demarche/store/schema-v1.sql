-- The knowledge base, version 1. Every derived record points into a document's
-- cleaned text by character offsets and is deleted with its document (ON DELETE CASCADE),
-- so replacing a changed file replaces everything derived from it in one transaction.

CREATE TABLE IF NOT EXISTS document (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    hash              CHAR(64)      NOT NULL UNIQUE,   -- SHA-256 of the file's bytes: the document's identity
    file              VARCHAR(1024) NOT NULL,          -- base name as ingested
    source            VARCHAR(4096) NOT NULL,          -- path it was first read from
    size_bytes        BIGINT        NOT NULL,
    media_type        VARCHAR(255),
    charset           VARCHAR(64),
    url               VARCHAR(4096),
    title             VARCHAR(4096),
    published         VARCHAR(32),                     -- ISO 8601, reduced precision allowed
    publisher         VARCHAR(1024),
    author            VARCHAR(1024),
    speaker           VARCHAR(1024),
    speaker_kind      VARCHAR(32),
    speaker_role      VARCHAR(1024),
    speaker_for       VARCHAR(1024),
    language          VARCHAR(16),
    original_text     CLOB          NOT NULL,
    clean_text        CLOB          NOT NULL,
    chars             INT           NOT NULL,          -- length of clean_text
    boilerplate_chars INT           NOT NULL,
    warnings          VARCHAR(65535) NOT NULL,          -- JSON array of strings
    offset_map        CLOB          NOT NULL,          -- OffsetMap.encode(): clean -> original offsets
    fingerprint       CHAR(64)      NOT NULL,          -- manifest facts + pipeline version that produced the derived records
    ingested_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
);

-- Every path a document was read from: unchanged files are recognised without being read.
CREATE TABLE IF NOT EXISTS document_source (
    path        VARCHAR(4096) PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    size_bytes  BIGINT NOT NULL,
    modified    BIGINT NOT NULL                        -- file modification time, epoch milliseconds
);
CREATE INDEX IF NOT EXISTS document_source_document ON document_source(document_id);

-- Actors as one document names them: one row per real-world actor the document mentions,
-- with every surface form it uses. merge_key says what joins it to the same actor elsewhere
-- ("p:sergei lavrov", "s:RUS", "o:kfor"); actor_id is the workspace-wide actor it was merged into.
CREATE TABLE IF NOT EXISTS local_actor (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    name        VARCHAR(1024) NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    merge_key   VARCHAR(1024) NOT NULL,
    forms       VARCHAR(65535) NOT NULL,                -- JSON array of surface forms
    actor_id    BIGINT
);
CREATE INDEX IF NOT EXISTS local_actor_document ON local_actor(document_id);
CREATE INDEX IF NOT EXISTS local_actor_actor ON local_actor(actor_id);

-- Workspace-wide actors: rebuilt from local_actor by the merge after every ingest run.
CREATE TABLE IF NOT EXISTS actor (
    id       BIGINT PRIMARY KEY,
    name     VARCHAR(1024) NOT NULL,
    kind     VARCHAR(32)   NOT NULL,
    mentions INT NOT NULL
);

CREATE TABLE IF NOT EXISTS actor_alias (
    actor_id BIGINT NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    alias    VARCHAR(1024) NOT NULL,
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX IF NOT EXISTS actor_alias_alias ON actor_alias(alias);

-- A stretch of text naming an actor, a place, a title or a date (kind says which; text holds a date's ISO value).
CREATE TABLE IF NOT EXISTS mention (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id    BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    local_actor_id BIGINT REFERENCES local_actor(id) ON DELETE CASCADE,
    kind           VARCHAR(32) NOT NULL,
    text           VARCHAR(4096) NOT NULL,
    start_offset   INT NOT NULL,
    end_offset     INT NOT NULL
);
CREATE INDEX IF NOT EXISTS mention_document ON mention(document_id);
CREATE INDEX IF NOT EXISTS mention_local_actor ON mention(local_actor_id);

CREATE TABLE IF NOT EXISTS statement (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id    BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    speaker_id     BIGINT REFERENCES local_actor(id) ON DELETE CASCADE,
    kind           VARCHAR(16) NOT NULL,                 -- direct, indirect
    text           CLOB NOT NULL,
    start_offset   INT NOT NULL,
    end_offset     INT NOT NULL,
    date_iso       VARCHAR(32),
    cue            VARCHAR(255)
);
CREATE INDEX IF NOT EXISTS statement_document ON statement(document_id);
CREATE INDEX IF NOT EXISTS statement_speaker ON statement(speaker_id);

CREATE TABLE IF NOT EXISTS statement_issue (
    statement_id BIGINT NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
    issue        VARCHAR(255) NOT NULL,
    polarity     VARCHAR(16) NOT NULL,
    cue_text     VARCHAR(4096),                        -- the words that decided the polarity
    PRIMARY KEY (statement_id, issue)
);

-- A title an actor held, with the document and offsets that show it.
CREATE TABLE IF NOT EXISTS actor_role (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id    BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    local_actor_id BIGINT NOT NULL REFERENCES local_actor(id) ON DELETE CASCADE,
    title          VARCHAR(1024) NOT NULL,
    of_local_id    BIGINT REFERENCES local_actor(id) ON DELETE SET NULL,
    date_iso       VARCHAR(32),
    start_offset   INT NOT NULL,
    end_offset     INT NOT NULL
);
CREATE INDEX IF NOT EXISTS actor_role_actor ON actor_role(local_actor_id);

CREATE TABLE IF NOT EXISTS stance (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id    BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    local_actor_id BIGINT NOT NULL REFERENCES local_actor(id) ON DELETE CASCADE,
    issue          VARCHAR(255) NOT NULL,
    polarity       VARCHAR(16) NOT NULL,
    date_iso       VARCHAR(32),
    confidence     DOUBLE NOT NULL
);
CREATE INDEX IF NOT EXISTS stance_issue ON stance(issue);

CREATE TABLE IF NOT EXISTS stance_evidence (
    stance_id    BIGINT NOT NULL REFERENCES stance(id) ON DELETE CASCADE,
    statement_id BIGINT NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
    PRIMARY KEY (stance_id, statement_id)
);

CREATE TABLE IF NOT EXISTS event (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id     BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    kind            VARCHAR(32) NOT NULL,
    target_local_id BIGINT REFERENCES local_actor(id) ON DELETE SET NULL,
    place           VARCHAR(1024),
    date_iso        VARCHAR(32),
    text            CLOB NOT NULL,
    start_offset    INT NOT NULL,
    end_offset      INT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_document ON event(document_id);

CREATE TABLE IF NOT EXISTS event_actor (
    event_id       BIGINT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    local_actor_id BIGINT NOT NULL REFERENCES local_actor(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, local_actor_id)
);

-- Workspace-wide settings: schema version, the active codebook.
CREATE TABLE IF NOT EXISTS setting (
    name  VARCHAR(255) PRIMARY KEY,
    content CLOB
);
