package org.demarche.nlp.steps;

/** A step that runs once over the whole document. */
public non-sealed interface DocumentStep extends Step {

    void apply(ExtractionContext c);
}
