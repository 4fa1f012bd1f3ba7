package org.demarche.model;

import java.util.List;

/**
 * Words an actor said or wrote, as they stand in a document's cleaned text.
 *
 * @param kind  direct (quoted) or indirect (reported speech, or a named speaker's own text)
 * @param cue   the word that introduced it ("said", "warned"), if any
 * @param date  when it was said: ISO 8601, reduced precision allowed, null when unknown
 */
public record Statement(long id, long documentId, Long speakerId, Kind kind, String text, int start, int end,
                        String date, String cue, List<IssueMention> issues) {

    public enum Kind { DIRECT, INDIRECT }

    /** An issue of the codebook that the statement discusses, and the statement's polarity toward it. */
    public record IssueMention(String issue, Polarity polarity) {}
}
