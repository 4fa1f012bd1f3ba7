package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a statement gives the speaker's words: quoted (direct) or reported, or a named speaker's own text (indirect). */
public enum StatementKind {
    DIRECT, INDIRECT;

    /** The lower-case name the export and the database use. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StatementKind parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
