package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.model.StatementKind;
import org.demarche.nlp.QuoteFinder;
import org.demarche.nlp.Steps;

/** A speech verb's subject in the parse, with the quotation it introduces and the clause it reports. */
public final class SpeechVerbs implements SentenceStep {

    @Override
    public String name() {
        return "speech-verbs";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.PARSES, Key.ACTORS, Key.STORY_DATE, Key.QUOTES);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.QUOTES, Key.REPORTED);
    }

    @Override
    public Set<Key> carried() {
        return Set.of(Key.SALIENCE, Key.ROLES);
    }

    @Override
    public void apply(ExtractionContext c, int si) {
        CoreSentence s = c.doc.sentences().get(si);
        SemanticGraph g = c.graph(s);
        if (g == null) {
            return;
        }
        List<CoreLabel> toks = s.tokens();
        List<Integer> verbs = new ArrayList<>();
        for (CoreLabel t : toks) {
            if (t.tag() != null && t.tag().startsWith("VB") && c.reports(t.lemma())
                    && c.quoteAt(t.beginPosition()) == null && (!Tokens.bareParticiple(toks, t) || activeSubject(g, t))) {
                verbs.add(t.index());
            }
        }
        int previousSpeaker = -1;
        for (int vi = 0; vi < verbs.size(); vi++) {
            IndexedWord verb = g.getNodeByIndexSafe(verbs.get(vi));
            if (verb == null) {
                continue;
            }
            int speaker = -1;
            // "condemned X, saying it violates…": the parser makes "saying" the mark of the clause it
            // introduces; the speaker is the subject of the verb that clause hangs from
            IndexedWord marked = null;
            IndexedWord subjectFrom = verb;
            for (SemanticGraphEdge e : g.incomingEdgeList(verb)) {
                if (e.getRelation().toString().equals("mark")) {
                    marked = e.getGovernor();
                    for (SemanticGraphEdge up : g.incomingEdgeList(marked)) {
                        if (up.getRelation().toString().startsWith("advcl")) {
                            subjectFrom = up.getGovernor();
                        }
                    }
                }
            }
            // the nearest subject that names someone: "criticised …, as analysts suggested, saying …"
            for (IndexedWord subj : Speakers.subjectsOf(c, g, subjectFrom)) {
                speaker = Speakers.resolve(c, si, g, subj);
                if (speaker >= 0) {
                    break;
                }
            }
            if (speaker < 0 && previousSpeaker >= 0 && coordinated(c, g, verb)) {
                speaker = previousSpeaker; // "Burns told …, and added that …"
            }
            if (speaker < 0) {
                continue;
            }
            previousSpeaker = speaker;
            if (negatedOrPassive(c, g, verb)) {
                continue; // "did not say where", "when asked whether": no statement
            }
            CoreLabel v = toks.get(verb.index() - 1);
            if (!c.speech.contains(v.lemma())) {
                // "called on them to act": the directive's words only (its quotations are attribution's)
                directive(c, g, verb, speaker, Dates.dateOf(c, si, g, verb), v.word());
                continue;
            }
            int limit = vi + 1 < verbs.size() ? toks.get(verbs.get(vi + 1) - 1).beginPosition() : s.charOffsets().second();
            QuoteFinder.Quote q = c.quoteAfter(v.endPosition(), limit);
            if (q != null && Tokens.wordCount(q.text(c.text)) < 4 && !adjacent(c, v.endPosition(), q.start())) {
                q = null; // a term in quotes inside reported speech ("proximity talks") is no quotation
            }
            if (q == null) {
                q = c.quoteBefore(v.beginPosition(), s.charOffsets().first());
            }
            String date = Dates.dateOf(c, si, g, verb);
            if (q != null && !c.quoteSpeaker.containsKey(q)) {
                c.quoteSpeaker.put(q, speaker);
                c.statements.add(c.said(speaker, StatementKind.DIRECT, q.start(), q.end(), date, v.word(),
                        Steps.QUOTE_PARSE));
            }
            reported(c, g, verb, speaker, date, v.word());
            if (marked != null && subjectFrom != verb) {
                clause(c, g, List.of(marked), verb, speaker, date, v.word());
            }
        }
    }

    /**
     * "Maria Okafor, the front-runner, called on …": after an apposition the tagger takes the verb for a participle;
     * the parse gives it a subject of its own (active, before it), as a participle does not have.
     */
    private static boolean activeSubject(SemanticGraph g, CoreLabel t) {
        IndexedWord v = g.getNodeByIndexSafe(t.index());
        return v != null && g.incomingEdgeList(v).stream().noneMatch(e -> e.getRelation().toString().startsWith("acl"))
                && g.outgoingEdgeList(v).stream().anyMatch(e -> e.getRelation().toString().equals("nsubj")
                && e.getDependent().index() < v.index());
    }

    private boolean negatedOrPassive(ExtractionContext c, SemanticGraph g, IndexedWord verb) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
            String rel = e.getRelation().toString();
            if (rel.equals("neg") || rel.equals("aux:pass") || rel.equals("nsubj:pass")
                    || rel.equals("advmod") && e.getDependent().word().equalsIgnoreCase("not")) {
                return true;
            }
        }
        for (SemanticGraphEdge e : g.incomingEdgeList(verb)) {
            if (e.getRelation().toString().equals("xcomp") && c.refusing.contains(Tokens.lemma(e.getGovernor().backingLabel()))) {
                return true; // "declined to say whether …"
            }
        }
        // a bare participle ("when asked") is passive
        boolean hasAux = g.outgoingEdgeList(verb).stream().anyMatch(e -> e.getRelation().toString().startsWith("aux"));
        return "VBN".equals(verb.tag()) && !hasAux && !activeSubject(g, verb.backingLabel());
    }

    /** The verb is joined to an earlier one by "and" or "but". */
    private boolean coordinated(ExtractionContext c, SemanticGraph g, IndexedWord verb) {
        return g.outgoingEdgeList(verb).stream().anyMatch(e -> e.getRelation().toString().equals("cc"));
    }

    /** Only a comma, colon or "that" between cue and quote. */
    private boolean adjacent(ExtractionContext c, int cueEnd, int quoteStart) {
        return c.text.substring(cueEnd, Math.max(cueEnd, quoteStart - 1)).matches("[\\s,:]*(that\\s*)?");
    }

    /** "said it would undermine security": the clausal complement is the reported statement. */
    private void reported(ExtractionContext c, SemanticGraph g, IndexedWord verb, int speaker, String date, String cue) {
        boolean complement = false;
        boolean saying = c.speech.contains(Tokens.lemma(verb.backingLabel()));
        boolean asking = c.questioning.contains(Tokens.lemma(verb.backingLabel()));
        for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
            if (!e.getRelation().toString().equals("ccomp")) {
                continue;
            }
            complement = true;
            clause(c, g, List.of(e.getDependent()), verb, speaker, date, cue);
        }
        // "asked the members if they were ready", "asked her which seats he could win": the parser makes the question
        // an adverbial clause, or an unlabelled dependent with a subject of its own
        for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
            String rel = e.getRelation().toString();
            boolean question = rel.equals("advcl:if") || rel.equals("advcl:whether") || rel.equals("dep")
                    && g.outgoingEdgeList(e.getDependent()).stream().anyMatch(m -> m.getRelation().toString().equals("nsubj"));
            if (!complement && question && e.getDependent().index() > verb.index() && asking) {
                complement = true;
                clause(c, g, List.of(e.getDependent()), verb, speaker, date, cue);
            }
        }
        // "claimed at one point that …", "said in an interview that …": the parser hangs the clause on the noun
        // between the verb and "that"
        for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
            if (complement || !e.getRelation().toString().startsWith("obl") || e.getDependent().index() < verb.index()
                    || !saying) {
                continue;
            }
            for (SemanticGraphEdge inner : g.outgoingEdgeList(e.getDependent())) {
                IndexedWord d = inner.getDependent();
                if (inner.getRelation().toString().equals("ccomp") && g.outgoingEdgeList(d).stream().anyMatch(m ->
                        m.getRelation().toString().equals("mark") && m.getDependent().word().equalsIgnoreCase("that"))) {
                    complement = true;
                    clause(c, g, List.of(d), verb, speaker, date, cue);
                }
            }
        }
        // "has said for weeks he's the only candidate …" (an xcomp with a subject of its own), "says, win or lose,
        // he's staying in the race" (a parataxis after the comma): a clause the parser did not call a complement
        for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
            String rel = e.getRelation().toString();
            IndexedWord d = e.getDependent();
            boolean ownSubject = g.outgoingEdgeList(d).stream().anyMatch(m -> m.getRelation().toString().equals("nsubj")
                    && m.getDependent().index() > verb.index());
            if (complement || d.index() < verb.index() || !ownSubject || !saying) {
                continue;
            }
            if (rel.equals("xcomp")) {
                clause(c, g, List.of(d), verb, speaker, date, cue);
            } else if (rel.equals("parataxis") && g.getNodeByIndexSafe(verb.index() + 1) != null
                    && g.getNodeByIndexSafe(verb.index() + 1).word().equals(",")) {
                clause(c, g, dependentsAfter(g, verb, verb), verb, speaker, date, cue);
            }
        }
        // "The hearing, Brandt wrote, ran late into the night": the attribution set inside the clause it reports, which
        // the parser makes the verb's governor (parataxis) before or after it, the attribution closed by a comma;
        // its words after the attribution are what was said
        for (SemanticGraphEdge e : g.incomingEdgeList(verb)) {
            boolean closed = g.getNodeByIndexSafe(verb.index() + 1) != null
                    && g.getNodeByIndexSafe(verb.index() + 1).word().equals(",");
            if (e.getRelation().toString().equals("parataxis") && (e.getGovernor().index() < verb.index() || closed)
                    && g.outgoingEdgeList(verb).stream().noneMatch(o -> o.getRelation().toString().equals("ccomp"))) {
                List<IndexedWord> rest = dependentsAfter(g, e.getGovernor(), verb);
                if (!rest.isEmpty()) {
                    clause(c, g, rest, verb, speaker, date, cue);
                }
            }
        }
        // "X said independence for Y would encourage Z": the parser often reads "[X said independence for Y]" as the
        // clausal subject of "would encourage"; the words after the verb to the clause's end are what was said
        for (SemanticGraphEdge e : g.incomingEdgeList(verb)) {
            if (e.getRelation().toString().startsWith("csubj") && e.getGovernor().index() > verb.index()
                    && g.outgoingEdgeList(verb).stream().noneMatch(o -> o.getRelation().toString().equals("ccomp")
                    || o.getRelation().toString().startsWith("conj")) // "stressed X and said Y would …": Y is the second verb's
                    && g.outgoingEdgeList(verb).stream().anyMatch(o -> o.getRelation().toString().equals("obj")
                    && o.getDependent().index() > verb.index())) {
                clause(c, g, List.of(e.getGovernor()), verb, speaker, date, cue);
            }
        }
        // or "said" with "independence" as its object and the clause's verb hung on it as an unlabelled dependent
        if (g.outgoingEdgeList(verb).stream().noneMatch(o -> o.getRelation().toString().equals("ccomp"))) {
            IndexedWord object = null;
            IndexedWord clauseVerb = null;
            for (SemanticGraphEdge o : g.outgoingEdgeList(verb)) {
                String rel = o.getRelation().toString();
                IndexedWord d = o.getDependent();
                if (rel.equals("obj") && d.index() == verb.index() + 1 + leadingDeterminers(g, d)) {
                    object = d;
                } else if (rel.equals("dep") && d.tag() != null && d.tag().startsWith("VB") && d.index() > verb.index()
                        && g.outgoingEdgeList(d).stream().anyMatch(m -> m.getRelation().toString().equals("aux"))
                        && g.outgoingEdgeList(d).stream().noneMatch(m -> m.getRelation().toString().startsWith("nsubj"))) {
                    // its subject is the object the parser gave the speech verb; a verb with a subject of its own
                    // belongs to another clause ("stressed X and said Y would …")
                    clauseVerb = d;
                }
            }
            if (object != null && clauseVerb != null && clauseVerb.index() > object.index()) {
                clause(c, g, List.of(object, clauseVerb), verb, speaker, date, cue);
            }
        }
        directive(c, g, verb, speaker, date, cue);
    }

    /**
     * The clause's first word opens a question about it ("said whether the vote would hold"), not a condition
     * inside it ("said if the vote failed, she would resign": "if" belongs to the condition's verb).
     */
    private static boolean opensQuestion(SemanticGraph g, List<IndexedWord> heads, int start) {
        for (IndexedWord w : g.vertexSet()) {
            if (w.beginPosition() == start) {
                IndexedWord up = g.getParent(w);
                boolean mark = up != null && g.reln(up, w) != null && g.reln(up, w).toString().equals("mark");
                // "what plans he has": the word opens the question's object
                return heads.contains(w) || up != null && (heads.contains(up) || !mark && heads.contains(g.getParent(up)));
            }
        }
        return true;
    }

    /**
     * A node's dependents after the speech verb, punctuation aside: the words of a clause that follow it, up to a
     * dash ("…, Hale said on Monday — a clear break with …": after it the reporter's aside).
     */
    private static List<IndexedWord> dependentsAfter(SemanticGraph g, IndexedWord node, IndexedWord verb) {
        int dash = Integer.MAX_VALUE;
        for (SemanticGraphEdge o : g.outgoingEdgeList(node)) {
            if (o.getDependent().index() > verb.index() && Tokens.isDash(o.getDependent().word())) {
                dash = Math.min(dash, o.getDependent().index());
            }
        }
        List<IndexedWord> out = new ArrayList<>();
        for (SemanticGraphEdge o : g.outgoingEdgeList(node)) {
            if (o.getDependent().index() > verb.index() && o.getDependent().index() < dash
                    && !o.getRelation().toString().equals("punct")) {
                out.add(o.getDependent());
            }
        }
        return out;
    }

    /** How many determiners and adjectives open a noun's phrase before it ("the new tax"). */
    private static int leadingDeterminers(SemanticGraph g, IndexedWord noun) {
        int n = 0;
        for (SemanticGraphEdge e : g.outgoingEdgeList(noun)) {
            String rel = e.getRelation().toString();
            if (e.getDependent().index() < noun.index() && (rel.equals("det") || rel.equals("amod") || rel.equals("compound"))) {
                n++;
            }
        }
        return n;
    }

    /** Nouns of time after "for" ("asked for weeks"): how long, not what for. */
    private static final Pattern NUMERIC_TIME = Pattern.compile("(?i)(second|minute|hour|day|week|month|year|decade)s?");

    /**
     * "urged the regulators to freeze rates", "accused the banks of hiding their losses", "called on the members
     * to vote", "demanded to know whether …": what a directive verb reports is its object (or the person
     * it calls on) with the infinitive or "of" clause after it, as one statement.
     */
    private void directive(ExtractionContext c, SemanticGraph g, IndexedWord verb, int speaker, String date, String cue) {
        if (verb.lemma() == null || !c.directive.contains(verb.lemma().toLowerCase(java.util.Locale.ROOT))) {
            return;
        }
        if (g.incomingEdgeList(verb).stream().anyMatch(e -> e.getRelation().toString().startsWith("acl"))) {
            return; // "a petition calling for a recount": the participle describes a thing; no one speaks
        }
        IndexedWord content = null;
        List<IndexedWord> objects = new ArrayList<>();
        for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
            String rel = e.getRelation().toString();
            IndexedWord d = e.getDependent();
            if (d.index() <= verb.index()) {
                continue;
            }
            // "accused X of lying", "accused X of corruption": the parser hangs the charge on the verb (and tags
            // "hiding" in "of hiding their losses" as an adjective as often as not), or on the object ("acl:of")
            boolean of = rel.equals("advcl:of") || rel.equals("obl:of")
                    || rel.startsWith("advcl") && g.outgoingEdgeList(d).stream().anyMatch(m ->
                    m.getRelation().toString().equals("mark") && (m.getDependent().word().equalsIgnoreCase("of")
                    || m.getDependent().word().equalsIgnoreCase("for") || m.getDependent().word().equalsIgnoreCase("on")));
                    // "called for all candidates to lay out …", "called on tech companies to become …"
            if ((rel.equals("xcomp") || of) && (content == null || d.index() < content.index())) {
                content = d;
            } else if (rel.equals("obj") || rel.equals("iobj") || rel.startsWith("obl")) {
                objects.add(d);
                boolean clauseOfIt = g.outgoingEdgeList(d).stream().anyMatch(m -> m.getRelation().toString().equals("acl:of")
                        && "VBG".equals(m.getDependent().tag()));
                if (clauseOfIt && content == null) {
                    content = d; // its words hold the clause
                }
            }
        }
        if (content == null && objects.stream().noneMatch(o -> g.reln(verb, o) != null
                && g.reln(verb, o).toString().equals("obj"))) {
            // "called for the resignation of the president": what the call is for (not "begged him for an endorsement")
            for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
                if (e.getRelation().toString().equals("obl:for") && e.getDependent().index() > verb.index()
                        && !"CD".equals(e.getDependent().tag()) && !NUMERIC_TIME.matcher(e.getDependent().word()).matches()) {
                    content = e.getDependent();
                    break;
                }
            }
        }
        if (content == null) {
            return;
        }
        List<IndexedWord> heads = new ArrayList<>();
        for (IndexedWord o : objects) {
            if (o.index() < content.index()) {
                heads.add(o);
            }
        }
        heads.add(content);
        clause(c, g, heads, verb, speaker, date, cue);
    }

    /** The words of a reported clause after its speech verb, as an indirect statement (unless quoted). */
    private void clause(ExtractionContext c, SemanticGraph g, List<IndexedWord> heads, IndexedWord verb, int speaker,
                        String date, String cue) {
        {
            String lemma = Tokens.lemma(verb.backingLabel());
            int min = Integer.MAX_VALUE;
            int max = -1;
            List<IndexedWord> words = new ArrayList<>();
            heads.forEach(h -> words.addAll(g.descendants(h)));
            for (IndexedWord w : words) {
                if (w.index() <= verb.index()) {
                    continue; // only what follows the verb
                }
                min = Math.min(min, w.beginPosition());
                max = Math.max(max, w.endPosition());
            }
            if (max < 0 || max - min < 12) {
                return;
            }
            String span = c.text.substring(min, max);
            if (c.questionWords.matcher(span).matches() && opensQuestion(g, heads, min) && !c.questioning.contains(lemma)) {
                return; // an embedded question is not a statement, unless a question is what was said ("asked if …")
            }
            Matcher mark = Pattern.compile("^that\\s+").matcher(span);
            if (mark.find()) {
                min += mark.end();
            }
            while (max > min && ",.;:\"“”'’ ".indexOf(c.text.charAt(max - 1)) >= 0) {
                max--;
            }
            for (QuoteFinder.Quote q : c.quotes) {
                // "said X, “Y”": X is reported, Y is quoted (its own statement)
                if (q.start() > min + 12 && q.start() < max
                        && c.text.substring(min, q.start()).matches("(?s).*[,:;—–]\\s*[\"“'‘«]{1,2}")) {
                    max = q.start();
                    while (max > min && ",.;:\"“”'’ ".indexOf(c.text.charAt(max - 1)) >= 0) {
                        max--;
                    }
                    break;
                }
            }
            int whole = max;
            max = c.unquotedEnd(min, max);
            if (max - min < 12) {
                return; // a quotation, whole or mixed: the direct statement says it
            }
            List<IndexedWord> kept = wordsWithin(g, min, max);
            if (kept.isEmpty()) {
                return;
            }
            boolean cutAtQuote = max < whole || cutBeforeQuote(c, max);
            boolean prepositional = "IN".equals(kept.get(0).tag()) && !c.questionWords.matcher(kept.get(0).word()).matches()
                    && !kept.get(0).word().equalsIgnoreCase("that");
            if ((cutAtQuote || prepositional && !c.directive.contains(lemma)) && !isClause(c, kept)) {
                return; // "said in her depressed state “…”", "joked that he likes a good “…”": the quotation says it
            }
            if (isAttribution(c, kept)) {
                return; // "the Florida senator said", "he responded": an attribution, not what was said
            }
            c.statements.add(c.said(speaker, StatementKind.INDIRECT, min, max, date, cue, Steps.REPORTED_CLAUSE));
        }
    }

    /** The parse's words within [from, to), in order. */
    private static List<IndexedWord> wordsWithin(SemanticGraph g, int from, int to) {
        return g.vertexListSorted().stream().filter(w -> w.beginPosition() >= from && w.endPosition() <= to).toList();
    }

    /** A quotation opens right after the words (past punctuation and space). */
    private static boolean cutBeforeQuote(ExtractionContext c, int end) {
        int i = end;
        while (i < c.text.length() && ",;:—– ".indexOf(c.text.charAt(i)) >= 0) {
            i++;
        }
        return i < c.text.length() && "\"“‘«".indexOf(c.text.charAt(i)) >= 0;
    }

    /** Parts of speech a clause does not end on ("in the", "and", "would"). */
    private static final Set<String> OPEN_ENDS = Set.of("DT", "IN", "PRP$", "CC", "TO", "MD", "WDT");

    /** Words that make a clause: a finite or modal verb, and an end that closes it (not "a good", "he believes he"). */
    private static boolean isClause(ExtractionContext c, List<IndexedWord> words) {
        boolean finite = words.stream().anyMatch(w -> Tokens.isPredicate(w.backingLabel()));
        IndexedWord last = words.get(words.size() - 1);
        String tag = last.tag() == null ? "" : last.tag();
        String before = words.size() > 1 ? words.get(words.size() - 2).tag() : "";
        boolean modifierLeftOpen = tag.startsWith("JJ") && ("DT".equals(before) || "PRP$".equals(before));
        return finite && !OPEN_ENDS.contains(tag) && !c.subjectPronouns.contains(last.word().toLowerCase(java.util.Locale.ROOT))
                && !modifierLeftOpen;
    }

    /**
     * A subject and a finite speech verb, nothing more ("the Florida senator said", "he responded"): an attribution
     * the parser hung on an earlier verb, not what was said ("the talks would continue" has its auxiliary).
     */
    private static boolean isAttribution(ExtractionContext c, List<IndexedWord> words) {
        IndexedWord last = words.get(words.size() - 1);
        return words.size() <= 5 && Tokens.isFinite(last.backingLabel()) && c.speech.contains(Tokens.lemma(last.backingLabel()))
                && words.stream().noneMatch(w -> "MD".equals(w.tag()) || w != last && w.tag() != null && w.tag().startsWith("VB"));
    }
}
