package org.demarche.model;

/** Where a statement or an actor stands toward an issue. */
public enum Polarity {
    SUPPORT, OPPOSE, NEUTRAL;

    public String label() {
        return name().toLowerCase();
    }
}
