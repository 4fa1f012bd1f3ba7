package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import java.util.Set;
import org.demarche.model.ActorKind;

/** The person a later "he" or "the envoy" most likely means: the sentence's speaker, else its subject person. */
public final class Salience implements SentenceStep {

    @Override
    public String name() {
        return "salience";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.PARSES, Key.ACTORS, Key.QUOTES);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.SALIENCE);
    }

    @Override
    public Set<Key> carried() {
        return Set.of(Key.SALIENCE, Key.ROLES);
    }

    /** The person a later "he" or "the envoy" most likely means: this sentence's subject person. */
    @Override
    public void apply(ExtractionContext c, int si) {
        if (c.lastQuoteSentence == si) {
            c.salientPerson = c.lastQuoteSpeaker; // the sentence gave a person's words: they are who it is about
            c.salientSentence = si;
        } else if (updateSalienceFromSubject(c, si)) {
            c.salientSentence = si;
        }
        if (c.salientPerson >= 0 && (c.recentPersons.isEmpty() || c.recentPersons.get(0) != c.salientPerson)) {
            c.recentPersons.remove(Integer.valueOf(c.salientPerson));
            c.recentPersons.add(0, c.salientPerson);
            if (c.recentPersons.size() > 6) {
                c.recentPersons.remove(6);
            }
        }
    }

    private boolean updateSalienceFromSubject(ExtractionContext c, int si) {
        SemanticGraph g = c.graph(c.doc.sentences().get(si));
        if (g != null) {
            for (IndexedWord root : g.getRoots()) {
                IndexedWord subj = Speakers.subjectOf(c, g, root, 0);
                if (subj != null) {
                    int a = Speakers.resolve(c, si, g, subj);
                    if (a >= 0 && c.actors.get(a).kind() == ActorKind.PERSON) {
                        c.salientPerson = a;
                        return true;
                    }
                }
            }
        }
        for (Ent e : c.ents.get(si)) {
            if ("person".equals(e.kind) && c.quoteAt(e.start) == null && !c.possessive(e)) {
                c.salientPerson = e.actor;
                return true;
            }
        }
        return false;
    }
}
