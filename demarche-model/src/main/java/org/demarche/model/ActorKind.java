package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an actor is (spec/CONTRACT.md section 4). */
public enum ActorKind {
    PERSON, STATE, ORGANIZATION, OTHER;

    @JsonValue
    public String label() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static ActorKind parse(String s) {
        if (s == null || s.isBlank()) {
            return OTHER;
        }
        try {
            return valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
