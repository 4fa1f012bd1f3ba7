package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreSentence;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.model.Extraction;
import org.demarche.nlp.Gazetteer;

/** Titles next to persons, and the state or organisation they are held in. */
public final class Roles implements SentenceStep {

    @Override
    public String name() {
        return "roles";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.ACTORS, Key.STORY_DATE);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.ROLES);
    }

    /**
     * "Foreign Minister Igor Ivanov", "Russia's ambassador to the UN, Sergei Lavrov",
     * "Viktor Mizin is a counselor at the Russian UN Mission": a title next to a person,
     * and the state or organisation it is held in.
     */
    @Override
    public void apply(ExtractionContext c, int si) {
        CoreSentence s = c.doc.sentences().get(si);
        List<CoreLabel> toks = s.tokens();
        List<Ent> list = c.ents.get(si);
        for (int i = 0; i < list.size(); i++) {
            Ent e = list.get(i);
            if (!"title".equals(e.kind) || c.quoteAt(e.start) != null) {
                continue;
            }
            int person = -1;
            int end = e.end;
            // TITLE directly before PERSON
            if (i + 1 < list.size() && list.get(i + 1).firstTok == e.lastTok + 1 && "person".equals(list.get(i + 1).kind)) {
                person = list.get(i + 1).actor;
                end = list.get(i + 1).end;
            }
            // "TITLE (to|of ORG), PERSON" apposition
            if (person < 0) {
                for (int j = i + 1; j < list.size() && j <= i + 3; j++) {
                    Ent p = list.get(j);
                    if ("person".equals(p.kind) && p.firstTok >= 2 && toks.get(p.firstTok - 2).word().equals(",")
                            && p.firstTok - e.lastTok <= 6) {
                        person = p.actor;
                        end = p.end;
                        break;
                    }
                }
            }
            // "PERSON is a TITLE" / "PERSON, (the) TITLE"
            if (person < 0 && i > 0) {
                Ent p = list.get(i - 1);
                String between = c.text.substring(p.end, e.start);
                if ("person".equals(p.kind) && between.matches("(,? (is|was|has been|became) (a|an|the) |, (the |a |an )?)([A-Za-z’'-]+ ){0,3}")) {
                    person = p.actor;
                }
            }
            if (person < 0) {
                continue;
            }
            int of = ofWhat(c, list, i, e);
            String title = e.text();
            String after = c.text.substring(e.end, Math.min(c.text.length(), e.end + 40));
            Matcher to = Pattern.compile("^ (to|of|at) (the )?([A-Z][\\w.]*(?: [A-Z][\\w.]*)*)").matcher(after);
            if (to.find()) {
                title = title + " " + to.group(1) + " " + (to.group(2) == null ? "" : to.group(2)) + to.group(3);
            }
            c.roles.add(new Extraction.Role(person, title.replaceAll("\\s+", " "), of, Dates.dateOf(c, si),
                    Math.min(e.start, roleStart(c, list, i)), Math.max(end, e.end)));
            c.titles.put(person, e.text().toLowerCase());
        }
    }

    private int roleStart(ExtractionContext c, List<Ent> list, int i) {
        return i > 0 && list.get(i - 1).lastTok >= list.get(i).firstTok - 3 && list.get(i - 1).actor >= 0
                && !"person".equals(list.get(i - 1).kind) ? list.get(i - 1).start : list.get(i).start;
    }

    /** The state or organisation of a title: "Russia's ambassador", "Russian Foreign Minister", "at the UN Mission". */
    private int ofWhat(ExtractionContext c, List<Ent> list, int i, Ent title) {
        if (i > 0) {
            Ent before = list.get(i - 1);
            if (before.lastTok >= title.firstTok - 2) {
                if (before.actor >= 0 && !"person".equals(before.kind)) {
                    return before.actor;
                }
                if ("NATIONALITY".equals(before.type)) {
                    Optional<Gazetteer.State> st = c.gazetteer.byDemonym(before.text());
                    if (st.isPresent()) {
                        return LocalActors.stateOf(c, st.get(), st.get().name());
                    }
                }
            }
        }
        for (int j = i + 1; j < list.size() && j <= i + 2; j++) {
            Ent after = list.get(j);
            int state = stateBody(c, list, j);
            if (after.firstTok - title.lastTok <= 4 && state >= 0) {
                return state;
            }
            if (after.firstTok - title.lastTok <= 4 && after.actor >= 0 && !"person".equals(after.kind)) {
                return after.actor;
            }
        }
        return -1;
    }

    /**
     * "the Russian UN Mission", "the French Foreign Ministry": a demonym right before an
     * organisation named by a state body is that state's (its mission, ministry, parliament).
     */
    private int stateBody(ExtractionContext c, List<Ent> list, int j) {
        Ent demonym = list.get(j);
        if (!"NATIONALITY".equals(demonym.type) || j + 1 >= list.size()) {
            return -1;
        }
        Ent body = list.get(j + 1);
        String[] words = body.text().toLowerCase(java.util.Locale.ROOT).split("\\s+");
        if (body.firstTok != demonym.lastTok + 1 || !c.stateBodies.contains(words[words.length - 1])) {
            return -1;
        }
        Optional<Gazetteer.State> st = c.gazetteer.byDemonym(demonym.text());
        return st.map(s -> LocalActors.stateOf(c, s, s.name())).orElse(-1);
    }
}
