package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreSentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.demarche.model.Extraction;

/** A sentence's main happening (a visit, a meeting, a vote …), or a dated act of a named actor. */
public final class Events implements SentenceStep {

    @Override
    public String name() {
        return "events";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.ACTORS, Key.STORY_DATE, Key.SPEAKER);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.EVENTS);
    }

    @Override
    public void apply(ExtractionContext c, int si) {
        CoreSentence s = c.doc.sentences().get(si);
        for (CoreLabel t : s.tokens()) {
            String kind = t.lemma() == null ? null : c.eventKinds.get(t.lemma().toLowerCase());
            if (kind == null || c.quoteAt(t.beginPosition()) != null) {
                continue;
            }
            boolean verb = t.tag() != null && t.tag().startsWith("VB");
            List<Integer> who = new ArrayList<>();
            int target = -1;
            String place = null;
            for (Ent e : c.ents.get(si)) {
                if (c.quoteAt(e.start) != null) {
                    continue;
                }
                if (e.actor >= 0 && e.end <= t.beginPosition() && !who.contains(e.actor)) {
                    who.add(e.actor);
                } else if (e.actor >= 0 && e.start >= t.endPosition() && target < 0) {
                    target = e.actor;
                }
                if ("place".equals(e.kind) && place == null || "state".equals(e.kind) && place == null
                        && e.start > t.endPosition() && kind.equals("visit")) {
                    place = e.text();
                }
            }
            if (who.isEmpty()) {
                // "when Pristina … declared": a capital before the trigger is its state
                for (Ent e : c.ents.get(si)) {
                    if (e.end <= t.beginPosition() && "place".equals(e.kind) && c.quoteAt(e.start) == null
                            && c.gazetteer.byCapital(e.text()).isPresent()) {
                        who.add(LocalActors.stateOf(c, c.gazetteer.byCapital(e.text()).get(), e.text()));
                    }
                }
            }
            if (who.isEmpty() || !verb && target < 0) {
                continue;
            }
            // keep the actors nearest the trigger: the subject side of the clause
            if (who.size() > 2) {
                who = who.subList(who.size() - 2, who.size());
            }
            int start = s.charOffsets().first();
            int end = s.charOffsets().second();
            c.events.add(new Extraction.Happening(kind, List.copyOf(who), target, place, eventDate(c, si, t), start, end,
                    c.text.substring(start, end)));
            return; // one event a sentence: its main happening
        }
        datedHappening(c, si);
    }

    /**
     * A sentence that says when an actor did something ("Dr. Mizin spoke with … on March 24", "Then, in 2007,
     * we came out against it") is an event of its own (kind other), dated by what it says.
     */
    private void datedHappening(ExtractionContext c, int si) {
        CoreSentence s = c.doc.sentences().get(si);
        Ent date = null;
        List<Integer> who = new ArrayList<>();
        for (Ent e : c.ents.get(si)) {
            if ("date".equals(e.kind) && date == null && Dates.isoDate(c, e.value) != null) {
                date = e;
            } else if (e.actor >= 0 && !who.contains(e.actor) && who.size() < 2) {
                who.add(e.actor);
            }
        }
        if (date == null) {
            return;
        }
        if (who.isEmpty() && c.manifestSpeakerActor >= 0 && s.tokens().stream()
                .anyMatch(t -> t.word().equals("we") || t.word().equals("We") || t.word().equals("I"))) {
            who.add(c.manifestSpeakerActor); // a speech: "we" is the speaker's side
        }
        if (who.isEmpty()) {
            return;
        }
        int start = s.charOffsets().first();
        int end = s.charOffsets().second();
        c.events.add(new Extraction.Happening("other", List.copyOf(who), -1, null, Dates.isoDate(c, date.value), start, end,
                c.text.substring(start, end)));
    }

    /** An event's date: the date written nearest its trigger (a plan may be dated after publication), else the story's. */
    private String eventDate(ExtractionContext c, int si, CoreLabel trigger) {
        String best = null;
        int distance = Integer.MAX_VALUE;
        int opening = Dates.openingClauseEnd(c, si);
        for (Ent e : c.ents.get(si)) {
            if ("date".equals(e.kind) && e.lastTok <= opening && e.lastTok < trigger.index() && c.quoteAt(e.start) == null
                    && Dates.isoDate(c, e.value) != null) {
                return Dates.isoDate(c, e.value); // "On July 18, X declared that … by the end of 2007": the act's own date
            }
        }
        for (Ent e : c.ents.get(si)) {
            if (!"date".equals(e.kind) || c.quoteAt(e.start) != null && c.quoteAt(trigger.beginPosition()) == null) {
                continue;
            }
            String iso = Dates.isoDate(c, e.value);
            int d = Math.abs(e.firstTok - trigger.index());
            if (iso != null && d < distance) {
                best = iso;
                distance = d;
            }
        }
        return best != null ? best : c.narrativeDate != null ? c.narrativeDate : c.published;
    }
}
