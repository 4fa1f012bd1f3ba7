package org.demarche.nlp.steps;

import edu.stanford.nlp.pipeline.CoreEntityMention;

/** An entity mention in a sentence, with its actor once resolved. */
final class Ent {

    final CoreEntityMention m;
    final String type;
    final int start;
    final int end;
    final int firstTok;
    final int lastTok;
    int actor = -1;
    String kind;
    /** A date's value, resolved once in document order (see {@link #timex}). */
    String value = "";

    Ent(CoreEntityMention m) {
        this.m = m;
        this.type = m.entityType();
        this.start = m.charOffsets().first();
        this.end = m.charOffsets().second();
        this.firstTok = m.tokens().get(0).index();
        this.lastTok = m.tokens().get(m.tokens().size() - 1).index();
    }

    String text() {
        return m.text();
    }

    boolean pronoun() {
        return type.equals("PERSON") && m.tokens().size() == 1
                && m.tokens().get(0).tag() != null && m.tokens().get(0).tag().startsWith("PRP");
    }
}
