package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a statement or an actor stands on an issue (spec/CONTRACT.md section 3). */
public enum Polarity {
    SUPPORT, OPPOSE, NEUTRAL;

    /** The lower-case name the export and the database use. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Polarity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** The polarity of a signed score: positive supports, negative opposes, zero is neutral. */
    public static Polarity ofSign(double score) {
        return score > 0 ? SUPPORT : score < 0 ? OPPOSE : NEUTRAL;
    }
}
