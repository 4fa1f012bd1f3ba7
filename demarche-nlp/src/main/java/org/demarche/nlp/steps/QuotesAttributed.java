package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreSentence;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.demarche.nlp.QuoteFinder;
import org.demarche.nlp.Steps;

/** Direct quotations attributed next to their marks: "…," said X; X said, "…"; X: "…"; resumed after the attribution. */
public final class QuotesAttributed implements SentenceStep {

    @Override
    public String name() {
        return "quote-attribution";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.ACTORS, Key.STORY_DATE);
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
     * "…," said X / "…," X said / "…," he said / "…," the senator wrote: the attribution right after a
     * quotation's closing mark, read off the tokens and entities. The parser is not asked: it often takes
     * the quotation's last noun for the subject of an inverted "said". A quotation resumed right after
     * the attribution ("…," she said, "…") is the same speaker's.
     */
    @Override
    public void apply(ExtractionContext c, int si) {
        CoreSentence s = c.doc.sentences().get(si);
        int from = s.charOffsets().first();
        int to = s.charOffsets().second();
        List<CoreLabel> toks = s.tokens();
        for (QuoteFinder.Quote q : c.quotes) {
            if (q.end() < from || q.end() >= to || c.quoteSpeaker.containsKey(q)) {
                continue;
            }
            Attribution a = null;
            int k = Speakers.firstWordAfter(c, toks, q.end());
            if (k >= 0) {
                a = Speakers.attributionAt(c, si, toks, k);
            } else if (si + 1 < c.doc.sentences().size() && q.text(c.text).matches("(?s).*[?!]\\W*")) {
                // "…?" asked Sen. Keller: the splitter ended the sentence at the question mark
                List<CoreLabel> next = c.doc.sentences().get(si + 1).tokens();
                if (Speakers.firstWordAfter(c, next, q.end()) == 0) {
                    a = Speakers.attributionAt(c, si + 1, next, 0);
                    if (a != null && a.end() - next.get(0).beginPosition() > 80) {
                        a = null; // a sentence of its own, not an attribution
                    }
                }
            }
            if (a == null) {
                a = introducedBy(c, si, toks, q);
            }
            if (a == null) {
                continue;
            }
            c.addQuote(q, a.speaker(), a.cue(), si, ":".equals(a.cue()) ? Steps.QUOTE_INTRODUCED : Steps.QUOTE_AFTER);
            QuoteFinder.Quote resumed = c.quoteAfter(a.end() - 1, to);
            if (resumed != null && !c.quoteSpeaker.containsKey(resumed)
                    && c.text.substring(a.end(), resumed.start()).matches("[\\s,:;—–-]*[\"“'‘«]{1,2}")) {
                c.addQuote(resumed, a.speaker(), a.cue(), si, Steps.QUOTE_RESUMED);
            }
        }
    }

    /** "She then turned to the crowd: “…”", "Here is Keller in 1992: “…”": the person before the colon. */
    private Attribution introducedBy(ExtractionContext c, int si, List<CoreLabel> toks, QuoteFinder.Quote q) {
        if (!c.text.substring(Math.max(0, q.start() - 4), q.start()).matches("(?s).*:\\s*[\"“'‘«]{1,2}")) {
            return null;
        }
        int colon = -1;
        for (int i = 0; i < toks.size() && toks.get(i).beginPosition() < q.start(); i++) {
            if (toks.get(i).word().equals(":")) {
                colon = i;
            }
        }
        if (colon < 0) {
            return null;
        }
        int clause = 0;
        for (int i = colon - 1; i >= 0; i--) {
            if (toks.get(i).word().matches("[;:]") || c.quoteAt(toks.get(i).beginPosition()) != null) {
                clause = i + 1;
                break;
            }
        }
        for (int i = clause; i < colon; i++) {
            CoreLabel t = toks.get(i);
            Ent e = c.entAt(si, t.beginPosition());
            if (e != null && e.actor >= 0 && "person".equals(e.kind) && !c.possessive(e)) {
                return new Attribution(e.actor, ":", toks.get(colon).endPosition());
            }
            if (i == clause && c.heShe.contains(t.word().toLowerCase(Locale.ROOT)) && c.personMeant(si) >= 0) {
                return new Attribution(c.personMeant(si), ":", toks.get(colon).endPosition());
            }
        }
        return null;
    }
}
