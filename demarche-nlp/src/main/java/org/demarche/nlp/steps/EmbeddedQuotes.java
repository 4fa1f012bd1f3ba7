package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.demarche.nlp.QuoteFinder;
import org.demarche.nlp.Steps;

/** Quoted words inside a sentence that reports someone's speech or thought. */
public final class EmbeddedQuotes implements SentenceStep {

    @Override
    public String name() {
        return "quote-embedded";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.PARSES, Key.ACTORS, Key.STORY_DATE, Key.QUOTES);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.QUOTES);
    }

    @Override
    public Set<Key> carried() {
        return Set.of(Key.SALIENCE, Key.ROLES);
    }

    /**
     * Quoted words inside a sentence that reports someone's speech or thought ("Keller worried that the plan was
     * becoming “a tax on the people who can least afford it”", "Brandt wrote that officials made “repeated
     * requests” …, “and even asked to cancel the meeting”"): four words or more, after a verb of speech, attribution or thought whose subject is named.
     */
    @Override
    public void apply(ExtractionContext c, int si) {
        CoreSentence s = c.doc.sentences().get(si);
        int from = s.charOffsets().first();
        int to = s.charOffsets().second();
        List<CoreLabel> toks = s.tokens();
        for (QuoteFinder.Quote q : c.quotes) {
            if (q.start() < from || q.start() >= to || c.quoteSpeaker.containsKey(q) || Tokens.wordCount(q.text(c.text)) < 4) {
                continue;
            }
            int verb = -1;
            for (int i = 0; i < toks.size() && toks.get(i).beginPosition() < q.start(); i++) {
                CoreLabel t = toks.get(i);
                String l = Tokens.lemma(t);
                if (Tokens.isVerb(t) && c.quoteAt(t.beginPosition()) == null && !Tokens.bareParticiple(toks, t)
                        && (c.attributing.contains(l) || c.thinking.contains(l))) {
                    verb = i;
                }
            }
            if (verb < 0) {
                continue;
            }
            int speaker = subjectBefore(c, si, toks, verb);
            if (speaker >= 0) {
                c.addQuote(q, speaker, toks.get(verb).word(), si, Steps.QUOTE_EMBEDDED);
            }
        }
    }

    /** The named subject of a verb: the parse's, else the person named nearest before it, else "he"/"she" opening the sentence. */
    private int subjectBefore(ExtractionContext c, int si, List<CoreLabel> toks, int verb) {
        SemanticGraph g = c.graph(c.doc.sentences().get(si));
        if (g != null) {
            IndexedWord v = g.getNodeByIndexSafe(verb + 1);
            if (v != null) {
                for (IndexedWord subj : Speakers.subjectsOf(c, g, v)) {
                    int a = Speakers.resolve(c, si, g, subj);
                    if (a >= 0) {
                        return a;
                    }
                }
                return -1;
            }
        }
        for (int i = verb - 1; i >= 0 && i >= verb - 25; i--) {
            CoreLabel t = toks.get(i);
            if (c.quoteAt(t.beginPosition()) != null || t.word().equals(";")) {
                break;
            }
            Ent e = c.entAt(si, t.beginPosition());
            if (e != null && e.actor >= 0 && "person".equals(e.kind) && !c.possessive(e)) {
                return e.actor;
            }
        }
        String first = toks.get(0).word().toLowerCase(Locale.ROOT);
        return c.heShe.contains(first) && verb <= 3 ? c.personMeant(si, first) : -1;
    }
}
