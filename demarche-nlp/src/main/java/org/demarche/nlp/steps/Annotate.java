package org.demarche.nlp.steps;

import java.util.Set;
import org.demarche.nlp.CoreNlp;

/** CoreNLP's tokens, tags, lemmas, entities and SUTime dates (relative to the publication day) for the document. */
public final class Annotate implements DocumentStep {

    private final CoreNlp nlp;

    public Annotate(CoreNlp nlp) {
        this.nlp = nlp;
    }

    @Override
    public String name() {
        return "annotate";
    }

    @Override
    public Set<Key> requires() {
        return Set.of();
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.TOKENS);
    }

    @Override
    public void apply(ExtractionContext c) {
        c.doc = nlp.annotate(c.text, c.docDate);
    }
}
