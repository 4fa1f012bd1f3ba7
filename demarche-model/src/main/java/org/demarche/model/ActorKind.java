package org.demarche.model;

/** What an actor is (spec/CONTRACT.md section 4). */
public enum ActorKind {
    PERSON, STATE, ORGANIZATION, OTHER;

    public String label() {
        return name().toLowerCase();
    }

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
