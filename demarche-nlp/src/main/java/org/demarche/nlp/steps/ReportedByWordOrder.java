package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreSentence;
import java.util.List;
import java.util.Set;
import org.demarche.model.Extraction;
import org.demarche.model.StatementKind;
import org.demarche.nlp.Steps;

/** Reported speech read off word order: content before its attribution, "according to X", "As X reported,". */
public final class ReportedByWordOrder implements SentenceStep {

    @Override
    public String name() {
        return "reported-word-order";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.ACTORS, Key.STORY_DATE, Key.REPORTED);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.REPORTED);
    }

    @Override
    public Set<Key> carried() {
        return Set.of(Key.SALIENCE, Key.ROLES);
    }

    /**
     * Reported speech whose content comes first ("The pilot had logged 6,000 hours, the airline said on Thursday.",
     * "…, the agency reported.") or that names its source with "according to" ("…, according to the ministry";
     * "According to X, …"). The parser hangs the content on the verb in the first order, which the clause
     * reader (words after the verb only) cannot see.
     */
    @Override
    public void apply(ExtractionContext c, int si) {
        CoreSentence s = c.doc.sentences().get(si);
        List<CoreLabel> toks = s.tokens();
        int end = s.charOffsets().second();
        while (end > s.charOffsets().first() && ".!?\"”' ".indexOf(c.text.charAt(end - 1)) >= 0) {
            end--;
        }
        // the attribution opens after one of the sentence's last three commas (", said X, its president")
        int commas = 0;
        for (int i = toks.size() - 1; i > 1 && commas < 3; i--) { // "The hashtag, he said, was …": a short subject
            CoreLabel t = toks.get(i);
            if (!t.word().equals(",") || c.quoteAt(t.beginPosition()) != null || i + 1 >= toks.size()) {
                continue;
            }
            commas++;
            int speaker = -1;
            String cue = null;
            int after = i + 1;
            if (toks.get(after).word().equalsIgnoreCase("according") && after + 2 < toks.size()
                    && toks.get(after + 1).word().equals("to")) {
                speaker = namedAt(c, si, toks, after + 2);
                cue = "according to";
            } else if (Speakers.firstWordAfter(c, toks, t.endPosition()) < 0) {
                Attribution a = Speakers.attributionAt(c, si, toks, after);
                if (a != null && a.verb() >= 0 && c.speech.contains(Tokens.lemma(toks.get(a.verb())))) {
                    int close = closingComma(c, toks, a.verb());
                    if (close > 0 && Tokens.wordCount(c.text.substring(toks.get(close).endPosition(), end)) >= 4) {
                        // "A, Mr. Brandt said, B": the attribution inside the sentence; the words are A and B
                        // the parse read B alone as the verb's clause: the whole replaces it (Tidy drops the piece)
                        addReported(c, a.speaker(), s.charOffsets().first(), end, Dates.dateOf(c, si),
                                toks.get(a.verb()).word());
                        break;
                    }
                    if (restIsAdjunct(c, toks, a.verb(), a.end())) {
                        speaker = a.speaker();
                        cue = toks.get(a.verb()).word();
                    }
                }
            }
            if (speaker >= 0) {
                // what comes first is said only when it is a clause: not "In the final Mass of his trip, X told …",
                // "The party's nominee, X, tweeted …"
                if (hasPredicate(toks, i)) {
                    addReported(c, speaker, s.charOffsets().first(), t.beginPosition(), Dates.dateOf(c, si), cue);
                }
                break;
            }
        }
        // "As the newspaper reported, …"
        if (toks.size() > 5 && toks.get(0).word().equalsIgnoreCase("as")) {
            Attribution a = Speakers.attributionAt(c, si, toks, 1);
            if (a != null && a.verb() >= 0 && a.verb() + 1 < toks.size() && toks.get(a.verb() + 1).word().equals(",")
                    && c.speech.contains(Tokens.lemma(toks.get(a.verb())))) {
                addReported(c, a.speaker(), toks.get(a.verb() + 1).endPosition(), end, Dates.dateOf(c, si),
                        toks.get(a.verb()).word());
            }
        }
        if (toks.size() > 4 && toks.get(0).word().equalsIgnoreCase("according") && toks.get(1).word().equals("to")) {
            int speaker = namedAt(c, si, toks, 2);
            for (int i = 3; i < toks.size() && speaker >= 0; i++) {
                if (toks.get(i).word().equals(",")) {
                    addReported(c, speaker, toks.get(i).endPosition(), end, Dates.dateOf(c, si), "according to");
                    break;
                }
            }
        }
    }

    /**
     * After a speech verb, only adjuncts to the sentence's end ("on Thursday", "in an interview with CNN"), or the
     * speaker's apposition and its relative clause (", said Tom Brandt, who chairs the committee …"). Not so when
     * the verb has words of its own after it: a clause (a finite or modal verb, "that", "if", "whether", "to" and
     * a verb next to it or its object), a colon or a quotation that opens them, or, for a verb other than the plain ones of saying, an
     * object ("Brandt maintains a firm hold on the committee"): the words before the comma are then not what was said.
     */
    private boolean restIsAdjunct(ExtractionContext c, List<CoreLabel> toks, int verb, int attributionEnd) {
        int n = 0;
        String lemma = Tokens.lemma(toks.get(verb));
        boolean speakerBefore = attributionEnd <= toks.get(verb).endPosition(); // "X said", not "said X"
        for (int j = verb + 1; j < toks.size(); j++) {
            CoreLabel t = toks.get(j);
            if (t.word().equals(",") && j + 1 < toks.size() && c.relativePronouns.matcher(toks.get(j + 1).word()).matches()) {
                return n <= 12;
            }
            if (Tokens.isDash(t.word())) {
                return n <= 12; // "…, X said on Monday — a break with …": after a dash the reporter's aside
            }
            String w = t.word().toLowerCase(java.util.Locale.ROOT);
            if (Tokens.isPredicate(t) || w.equals("that") || w.equals("if") || w.equals("whether")
                    || w.equals(":") || c.quoteAt(t.beginPosition()) != null) {
                return false;
            }
            // "demanded to know", "urged the regulators to act"; not "said during the hearing to be held in May"
            if (w.equals("to") && j <= verb + 3 && j + 1 < toks.size() && "VB".equals(toks.get(j + 1).tag())) {
                return false;
            }
            if (j == verb + 1 && speakerBefore && !PLAIN_SAYING.contains(lemma) && t.tag() != null
                    && (t.tag().equals("DT") || t.tag().equals("PRP$") || t.tag().startsWith("JJ"))) {
                return false;
            }
            n++;
        }
        return n <= 12;
    }

    /** Verbs of saying whose object is their addressee or medium ("he told reporters", "she wrote the paper"). */
    private static final Set<String> PLAIN_SAYING = Set.of("say", "tell", "add", "write", "report", "note", "post", "tweet");

    /**
     * The comma that closes an attribution set inside a sentence ("…, Mr. Brandt said, …"), or -1; past the
     * speaker's apposition ("…, said Tom Brandt, the group's treasurer, …").
     */
    private int closingComma(ExtractionContext c, List<CoreLabel> toks, int verb) {
        int commas = 0;
        for (int j = verb + 1; j < toks.size() && j <= verb + 12; j++) {
            if (toks.get(j).word().equals(",")) {
                if (j + 1 < toks.size() && (c.relativePronouns.matcher(toks.get(j + 1).word()).matches()
                        || toks.get(j + 1).word().equalsIgnoreCase("that"))) {
                    return -1; // "…, said Tom Brandt, who chairs …", "a provision, he said, that is meant …"
                }
                if (j + 1 < toks.size() && isVerbPhraseAhead(c, toks, j + 1)) {
                    return j;
                }
                if (++commas == 2 || j > verb + 4) {
                    return -1;
                }
            }
            if (Tokens.isFinite(toks.get(j)) || j > verb + 4 && commas == 0) {
                return -1;
            }
        }
        return -1;
    }

    /** A finite verb within the next few words: the sentence's own predicate resumes ("…, he said, was even more popular"). */
    private boolean isVerbPhraseAhead(ExtractionContext c, List<CoreLabel> toks, int from) {
        for (int j = from; j < toks.size() && j < from + 6; j++) {
            if (Tokens.isPredicate(toks.get(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first n tokens hold a finite or modal verb, or a past form (the tagger reads "AAN polled the race",
     * "long ago soured" as participles) not opening a phrase after a comma ("…, held along the border").
     */
    private static boolean hasPredicate(List<CoreLabel> toks, int n) {
        for (int j = 0; j < n; j++) {
            CoreLabel w = toks.get(j);
            if (Tokens.isPredicate(w)) {
                return true;
            }
            String before = j > 0 ? toks.get(j - 1).word() : ",";
            if ("VBN".equals(w.tag()) && !before.equals(",") && !Tokens.isDash(before)) {
                return true;
            }
        }
        return false;
    }

    /** The actor named at token i ("according to Bloomberg", "according to the Labor Department"), or -1. */
    private int namedAt(ExtractionContext c, int si, List<CoreLabel> toks, int i) {
        for (int j = i; j < toks.size() && j <= i + 3; j++) {
            Ent e = c.entAt(si, toks.get(j).beginPosition());
            if (e != null && e.actor >= 0 && !c.possessive(e)) {
                return e.actor;
            }
            if (toks.get(j).word().equals(",")) {
                break;
            }
        }
        return -1;
    }

    private void addReported(ExtractionContext c, int speaker, int start, int end, String date, String cue) {
        while (start < end && (Character.isWhitespace(c.text.charAt(start)) || "\"“'‘".indexOf(c.text.charAt(start)) >= 0)) {
            start++;
        }
        while (end > start && ",.;: ".indexOf(c.text.charAt(end - 1)) >= 0) {
            end--;
        }
        end = c.unquotedEnd(start, end);
        if (end < 0 || Tokens.wordCount(c.text.substring(start, end)) < 4) {
            return;
        }
        for (Extraction.SaidText x : c.statements) {
            boolean piece = x.speaker() == speaker && x.start() >= start && x.end() <= end;
            if (x.start() < end && x.end() > start && x.kind() == StatementKind.INDIRECT && !piece) {
                return; // the parse found it already (a piece of these words, the same speaker's, the whole replaces)
            }
        }
        c.statements.add(c.said(speaker, StatementKind.INDIRECT, start, end, date, cue,
                "according to".equals(cue) ? Steps.ACCORDING_TO : Steps.REPORTED_BEFORE));
    }
}
