package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreSentence;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                a = signedBelow(c, q);
            }
            if (a == null) {
                continue;
            }
            c.addQuote(q, a.speaker(), a.cue(), si, ":".equals(a.cue()) ? Steps.QUOTE_INTRODUCED : Steps.QUOTE_AFTER);
            QuoteFinder.Quote resumed = c.quoteAfter(a.end() - 1, to);
            if (resumed != null && !c.quoteSpeaker.containsKey(resumed)
                    && c.text.substring(a.end(), resumed.start()).matches("(?U)[\\s,:;—–-]*[\"“'‘«]{1,2}")) {
                c.addQuote(resumed, a.speaker(), a.cue(), si, Steps.QUOTE_RESUMED);
            }
        }
    }

    /**
     * After a quotation's closing mark (its words end before it) that ends the paragraph, a line of its own: a dash
     * and a name ("— Ruth Keller.").
     */
    private static final Pattern SIGNATURE = Pattern.compile("\\A[\"”'’»]{0,2}[ \\t]*\\n(?:[ \\t]*\\n)?[ \\t]*[-–—][ \\t]*(\\p{Lu}[^\\n]{1,60}?)[.,]?[ \\t]*(?:\\n|\\z)");

    /**
     * A quotation signed on the next line, as fact checks, epigraphs and excerpts do ("“…”" then "- Keller."):
     * the person or organisation the line names.
     */
    private Attribution signedBelow(ExtractionContext c, QuoteFinder.Quote q) {
        Matcher m = SIGNATURE.matcher(c.text).region(q.end(), c.text.length());
        m.useAnchoringBounds(true);
        if (!m.lookingAt()) {
            return null;
        }
        int start = m.start(1);
        for (int si = 0; si < c.doc.sentences().size(); si++) {
            CoreSentence s = c.doc.sentences().get(si);
            if (start >= s.charOffsets().first() && start < s.charOffsets().second()) {
                for (int at = start; at < m.end(1); at++) {
                    Ent e = c.entAt(si, at);
                    if (e != null && e.actor >= 0 && ("person".equals(e.kind) || "organization".equals(e.kind))) {
                        return new Attribution(e.actor, "—", m.end(1));
                    }
                }
            }
        }
        // no entity there: a line that is a name alone ("- Keller") is a person's, named as the text names people
        if (!c.text.substring(start, m.end(1)).matches("\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,3}")) {
            return null;
        }
        int person = LocalActors.nameActor(c, new int[] {start, m.end(1)});
        return person >= 0 ? new Attribution(person, "—", m.end(1)) : null;
    }

    /** "She then turned to the crowd: “…”", "Here is Keller in 1992: “…”": the person before the colon. */
    private Attribution introducedBy(ExtractionContext c, int si, List<CoreLabel> toks, QuoteFinder.Quote q) {
        if (!c.text.substring(Math.max(0, q.start() - 4), q.start()).matches("(?sU).*:\\s*[\"“'‘«]{1,2}")) {
            return null;
        }
        // a quotation of several sentences ends in a later one than the colon that opens it: read the colon's
        for (int sj = si; sj >= 0; sj--) {
            if (c.doc.sentences().get(sj).charOffsets().first() < q.start()) {
                si = sj;
                toks = c.doc.sentences().get(sj).tokens();
                break;
            }
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
            if (t.word().equalsIgnoreCase("by")) {
                return null; // a byline ("“Headline,” by the Ledger's Anna Berg: “…”"): an excerpt of an article
            }
            Ent e = c.entAt(si, t.beginPosition());
            if (e != null && e.actor >= 0 && "person".equals(e.kind) && !c.possessive(e)) {
                return new Attribution(e.actor, ":", toks.get(colon).endPosition());
            }
            if (i == clause && c.heShe.contains(t.word().toLowerCase(Locale.ROOT)) && c.personMeant(si) >= 0) {
                return new Attribution(c.personMeant(si, t.word()), ":", toks.get(colon).endPosition());
            }
        }
        return null;
    }
}
