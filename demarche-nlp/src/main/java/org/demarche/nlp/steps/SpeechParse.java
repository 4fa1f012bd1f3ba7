package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.demarche.nlp.CoreNlp;
import org.demarche.nlp.QuoteFinder;

/** Dependency parses of the sentences with a speech verb: the costliest step, so only where someone may speak. */
public final class SpeechParse implements DocumentStep {

    private static final Set<String> NUMERIC = Set.of("DATE", "TIME", "DURATION", "SET", "NUMBER", "ORDINAL", "PERCENT",
            "MONEY");
    private static final int MAX_PARSE_TOKENS = 150;
    private final CoreNlp nlp;

    public SpeechParse(CoreNlp nlp) {
        this.nlp = nlp;
    }

    @Override
    public String name() {
        return "speech-parse";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.TOKENS, Key.ACTORS);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.PARSES);
    }

    @Override
    public void apply(ExtractionContext c) {
        List<CoreMap> chosen = new ArrayList<>();
        for (int si = 0; si < c.doc.sentences().size(); si++) {
            CoreSentence s = c.doc.sentences().get(si);
            if (s.tokens().size() > MAX_PARSE_TOKENS) {
                continue;
            }
            if (c.meta.speaker() != null && !mayReportOthers(c, si)) {
                continue; // a speaker's "we have said" is the speaker's own text already (speakerText)
            }
            boolean speaks = false;
            for (CoreLabel t : s.tokens()) {
                if (t.tag() != null && t.tag().startsWith("VB") && c.reports(t.lemma())) {
                    speaks = true;
                    break;
                }
            }
            if (speaks) {
                chosen.add(s.coreMap()); // events are read from entities and word order: they need no parse
            }
        }
        nlp.parse(chosen);
    }

    /**
     * In a speech, whether a sentence can give someone else's words: it holds a quotation, or someone (an
     * entity that is not a number or a date, "he", "she", "they") is named before its last speech verb, where
     * the verb's subject is. The parse, the costliest step, runs only on those; in the rest ("We have always
     * said that...") the speaker speaks, and speakerText gives the speaker that text already.
     */
    private boolean mayReportOthers(ExtractionContext c, int si) {
        CoreSentence s = c.doc.sentences().get(si);
        int start = s.charOffsets().first();
        int end = s.charOffsets().second();
        for (QuoteFinder.Quote q : c.quotes) {
            if (q.start() < end && q.end() > start) {
                return true;
            }
        }
        int lastVerb = -1;
        List<CoreLabel> toks = s.tokens();
        for (int i = 0; i < toks.size(); i++) {
            CoreLabel t = toks.get(i);
            if (t.tag() != null && t.tag().startsWith("VB") && c.reports(t.lemma())) {
                lastVerb = i;
            }
        }
        for (Ent e : c.ents.get(si)) {
            if (!NUMERIC.contains(e.type) && e.firstTok - 1 < lastVerb) { // firstTok counts from 1
                return true;
            }
        }
        for (int i = 0; i < lastVerb; i++) {
            String w = toks.get(i).word().toLowerCase(Locale.ROOT);
            if (c.heShe.contains(w) || w.equals("they")) {
                return true;
            }
        }
        return false;
    }
}
