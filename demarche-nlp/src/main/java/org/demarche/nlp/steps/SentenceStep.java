package org.demarche.nlp.steps;

import java.util.Set;

/**
 * A step that runs on each sentence in turn, with the other sentence steps of its loop: sentence n's steps all
 * run before sentence n+1's, since what a sentence says (who speaks, the date reached, the titles seen) is
 * what the next one's pronouns and undated statements take.
 */
public non-sealed interface SentenceStep extends Step {

    void apply(ExtractionContext c, int sentence);

    /**
     * What the step reads as the earlier sentences left it ("he" means the person salient so far): added by a
     * step of the same loop, possibly one that runs after this step within a sentence.
     */
    default Set<Key> carried() {
        return Set.of();
    }
}
