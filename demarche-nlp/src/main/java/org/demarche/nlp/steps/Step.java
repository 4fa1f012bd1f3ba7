package org.demarche.nlp.steps;

import java.util.Set;

/**
 * One step of extraction, as CoreNLP's annotators are: it names what it reads ({@link #requires()}) and what it
 * adds ({@link #adds()}), and keeps no state of a document in its own fields: everything lives in the
 * document's {@link ExtractionContext}.
 */
public sealed interface Step permits DocumentStep, SentenceStep {

    /** The step's name in the chain and in timings (not the {@code found_by} ids: those are {@code Steps}'). */
    String name();

    /** What an earlier step of the chain must have added. */
    Set<Key> requires();

    /** What this step adds. */
    Set<Key> adds();
}
