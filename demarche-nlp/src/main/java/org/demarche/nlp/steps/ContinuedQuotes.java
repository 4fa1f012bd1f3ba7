package org.demarche.nlp.steps;

import java.util.Set;
import org.demarche.model.StatementKind;
import org.demarche.nlp.QuoteFinder;
import org.demarche.nlp.Steps;

/** Quotations no cue claimed that continue the previous speaker's (a run-on, or the next paragraph). */
public final class ContinuedQuotes implements DocumentStep {

    @Override
    public String name() {
        return "quote-continued";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.QUOTES, Key.STORY_DATE);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.QUOTES);
    }

    /** Quotes no cue claimed: a run-on or next quote of the same speaker, else a scare quote or a title. */
    @Override
    public void apply(ExtractionContext c) {
        QuoteFinder.Quote prev = null;
        for (QuoteFinder.Quote q : c.quotes) {
            Integer speaker = c.quoteSpeaker.get(q);
            if (speaker == null && prev != null && c.quoteSpeaker.containsKey(prev)) {
                boolean runOn = q.continued();
                boolean sameParagraph = !c.text.substring(prev.end(), q.start()).contains("\n\n");
                boolean opensSentence = c.opensSentence(q) && Tokens.wordCount(q.text(c.text)) >= 4;
                // a paragraph that is a quotation, after a paragraph whose last quotation is someone's
                boolean nextParagraph = c.opensParagraph(q) && Tokens.wordCount(q.text(c.text)) >= 4
                        && c.text.substring(prev.end(), q.start()).split("\n\s*\n", -1).length == 2;
                if (runOn || sameParagraph && opensSentence || nextParagraph) {
                    speaker = c.quoteSpeaker.get(prev);
                    c.quoteSpeaker.put(q, speaker);
                    c.statements.add(c.said(speaker, StatementKind.DIRECT, q.start(), q.end(),
                            Dates.dateAt(c, q.start()), null, Steps.QUOTE_CONTINUED));
                }
            }
            prev = q;
        }
    }
}
