package org.demarche.model;

/** How a statement gives the speaker's words: quoted (direct) or reported, or a named speaker's own text (indirect). */
public enum StatementKind {
    DIRECT, INDIRECT
}
