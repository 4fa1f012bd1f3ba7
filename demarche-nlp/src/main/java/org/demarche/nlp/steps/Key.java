package org.demarche.nlp.steps;

/** What a step reads from or adds to the document's {@link ExtractionContext}. */
public enum Key {
    /** CoreNLP's tokens, tags, lemmas, entities and SUTime values of the document. */
    TOKENS,
    /** Entity mentions resolved to the document's local actors, and the mentions the export lists. */
    ACTORS,
    /** The speaker the manifest names, as a local actor with its role. */
    SPEAKER,
    /** Dependency parses of the sentences that may report speech. */
    PARSES,
    /** The date the story has reached (a date opening a sentence), which undated statements take. */
    STORY_DATE,
    /** Direct quotations with their speakers. */
    QUOTES,
    /** Reported (indirect) statements. */
    REPORTED,
    /** Roles (titles held) and the latest title seen of each person. */
    ROLES,
    /** Events (who did what, when). */
    EVENTS,
    /** The person a later "he", "she" or "the senator" most likely means. */
    SALIENCE,
    /** The statements in their final order, without terms in quotes or duplicates. */
    STATEMENTS
}
