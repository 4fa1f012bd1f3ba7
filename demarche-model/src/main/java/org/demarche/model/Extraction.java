package org.demarche.model;

import java.util.List;
import java.util.Set;

/**
 * What extraction found in one document. Actors here are local to the document (one per
 * real-world actor it names, every surface form kept); the workspace merges them across
 * documents. Offsets point into the document's cleaned text.
 */
public record Extraction(List<LocalActor> actors, List<Mention> mentions, List<SaidText> statements,
                         List<Role> roles, List<Happening> events, List<String> warnings) {

    /**
     * @param key   what merges it across documents: "p:sergei lavrov", "s:RUS", "o:kfor"
     * @param forms every surface form the document uses for it
     */
    public record LocalActor(int index, String name, ActorKind kind, String key, Set<String> forms) {}

    /** A stretch of text naming an actor (actor &gt;= 0), a place, a title or a date. */
    public record Mention(int actor, String kind, int start, int end, String text) {}

    /**
     * A statement: who, what kind, where, when, the cue word, and why it is believed: the extraction step that
     * found it ({@code foundBy}, null for statements from before steps were recorded) and that step's measured
     * precision as its confidence (0 to 1, NaN when unknown).
     */
    public record SaidText(int speaker, StatementKind kind, int start, int end, String text, String date, String cue,
                           String foundBy, double confidence) {
        public SaidText(int speaker, StatementKind kind, int start, int end, String text, String date, String cue) {
            this(speaker, kind, start, end, text, date, cue, null, Double.NaN);
        }
    }

    /** A title an actor held, of a state or organisation (ofActor, or -1), shown at [start, end). */
    public record Role(int actor, String title, int ofActor, String date, int start, int end) {}

    public record Happening(String kind, List<Integer> actors, int target, String place, String date, int start,
                            int end, String text) {}
}
