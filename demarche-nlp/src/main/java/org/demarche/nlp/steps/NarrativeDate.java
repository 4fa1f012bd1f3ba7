package org.demarche.nlp.steps;

import java.util.Set;

/** The date the story has reached: a date that opens a sentence dates what it tells next. */
public final class NarrativeDate implements SentenceStep {

    @Override
    public String name() {
        return "story-date";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.ACTORS);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.STORY_DATE);
    }

    /**
     * A day or month that opens a sentence ("On July 18, …", "Yesterday, …") becomes the date of what the
     * story tells next; dates in subordinate clauses ("when he met … last month") do not move it.
     */
    @Override
    public void apply(ExtractionContext c, int si) {
        if (c.meta.speaker() != null) {
            return; // a speech is dated by its delivery, not by the dates it recalls
        }
        int openingClause = Dates.openingClauseEnd(c, si);
        for (Ent e : c.ents.get(si)) {
            if ("date".equals(e.kind) && c.quoteAt(e.start) == null && e.firstTok <= openingClause) {
                String iso = Dates.isoDate(c, e.value);
                if (iso != null && iso.length() >= 7 && Dates.notAfterPublication(c, iso)) {
                    c.narrativeDate = iso;
                }
            }
        }
    }
}
