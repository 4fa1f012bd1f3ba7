package org.demarche.nlp.steps;

/** Who a quotation's attribution names, the cue word, and where the attribution ends. */
/** Who a quotation's attribution names, the cue word, and where the attribution ends. */
record Attribution(int speaker, String cue, int end, int verb) {
    Attribution(int speaker, String cue, int end) {
        this(speaker, cue, end, -1);
    }
}
