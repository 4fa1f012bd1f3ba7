package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of event (spec/CONTRACT.md section 4, event.kind). */
public enum EventKind {
    VISIT, MEETING, TALKS, STATEMENT, PROPOSAL, DEMAND, WARNING, THREAT, VETO, VOTE, RESOLUTION, DECLARATION,
    RECOGNITION, AGREEMENT, USE_OF_FORCE, APPOINTMENT, OTHER;

    /** The name the export uses: lower case, words joined by hyphens ("use-of-force"). */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of an id; OTHER for one the contract does not name. */
    @JsonCreator
    public static EventKind parse(String id) {
        if (id != null) {
            for (EventKind k : values()) {
                if (k.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
        }
        return OTHER;
    }
}
