package org.demarche.stance;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.demarche.stance.CueLexicon.Kind;
import org.demarche.stance.StanceAnalyzer.Token;

/**
 * Where the speaker's evaluation of an issue comes from, read along the sentence's dependency
 * parse (Stanford CoreNLP) rather than a word window: from the words that name the issue up
 * through their governors until an evaluative word. Polarity composes along the way: "we
 * condemn the violation of X" is for X (condemning a harm done to it), "we condemn the
 * declaration, a violation of X" is against the declaration; a negation on a governor turns
 * it ("cannot accept"); must/should strengthen, would/could/may soften, an "if" clause weakens.
 * No library composes polarity over a parse, so the walk is written here; the words' weights
 * come from the genre lexicon ({@link CueLexicon}) and the general one ({@link SentimentLexicon}).
 * Only sentences that name an issue are parsed.
 */
public final class DependencyScope {

    /** What the parse says of one mention: the evaluation reaching it from a genre cue or a general word, and its own modifiers. */
    public record Reading(double cue, double general, double modifiers, String word) {
        static final Reading NONE = new Reading(0, 0, 0, null);
    }

    /** How far up the tree an evaluation may come from. */
    private static final int MAX_HOPS = 6;
    /** Longer sentences (lists, run-ons) are not parsed: too slow, and their structure is seldom right. */
    private static final int MAX_TOKENS = 90;
    private static final Set<String> NEGATIONS = Set.of("not", "n't", "never", "no", "neither", "nor", "without", "cannot");
    private static final Set<String> DEONTIC = Set.of("must", "should", "shall", "need", "ought");
    private static final Set<String> HEDGES = Set.of("would", "could", "might", "may");
    private static final Set<String> CONDITIONS = Set.of("if", "unless", "whether");
    /** Verbs whose object is asked to act: "urge", "call on", "encourage" (lemmas; the word window uses their stems). */
    static final Set<String> DIRECTIVES = Set.of("urge", "call", "appeal", "encourage", "invite", "ask", "request",
            "press", "exhort", "demand");
    /** Prepositions that make a noun the topic of the one above it ("a resolution on X"), not what it does or is. */
    private static final Set<String> ABOUT = Set.of("on", "about", "concerning", "regarding", "over");
    private static final Set<String> SAME_SIDE = Set.of("conj", "appos", "compound", "flat", "list", "dep", "parataxis");

    private static volatile StanfordCoreNLP pipeline;

    private final StanceAnalyzer analyzer;
    private final CueLexicon cues;
    private final SentimentLexicon general = SentimentLexicon.get();

    public DependencyScope(StanceAnalyzer analyzer, CueLexicon cues) {
        this.analyzer = analyzer;
        this.cues = cues;
    }

    private static StanfordCoreNLP pipeline() {
        StanfordCoreNLP p = pipeline;
        if (p == null) {
            synchronized (DependencyScope.class) {
                p = pipeline;
                if (p == null) {
                    Properties props = new Properties();
                    props.setProperty("annotators", "tokenize,ssplit,pos,lemma,depparse");
                    props.setProperty("ssplit.isOneSentence", "true");
                    props.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
                    props.setProperty("pos.maxlen", Integer.toString(MAX_TOKENS));
                    props.setProperty("depparse.maxlen", Integer.toString(MAX_TOKENS));
                    p = new StanfordCoreNLP(props);
                    pipeline = p;
                }
            }
        }
        return p;
    }

    /** What a walk up from a mention found: the genre cue's and the general word's evaluation, and the word that gave it. */
    private record Path(double cue, double general, String word) {
        static final Path NONE = new Path(0, 0, null);
    }

    /** A parsed sentence; its offsets are the document's. */
    public final class Parse {
        private final SemanticGraph graph;
        private final List<CoreLabel> tokens;
        private final int offset;
        private final boolean rhetorical;

        private Parse(SemanticGraph graph, List<CoreLabel> tokens, int offset, boolean rhetorical) {
            this.graph = graph;
            this.tokens = tokens;
            this.offset = offset;
            this.rhetorical = rhetorical;
        }

        /** The evaluation reaching the words text[start, end) (a mention; contrary: a contrary term). */
        public Reading read(int start, int end, boolean contrary) {
            if (graph == null) {
                return Reading.NONE;
            }
            IndexedWord head = head(start - offset, end - offset);
            if (head == null) {
                return Reading.NONE;
            }
            double side = (contrary ? -1 : 1) * (rhetorical ? -1 : 1);
            double modifiers = 0;
            for (SemanticGraphEdge e : graph.outgoingEdgeList(head)) {
                String rel = e.getRelation().getShortName();
                if (rel.equals("amod") || rel.equals("acl")) {
                    modifiers += weight(e.getDependent()).value() * (negated(e.getDependent()) ? -1 : 1);
                }
            }
            Path path = walk(head);
            return new Reading(side * path.cue(), side * path.general(), side * modifiers, path.word());
        }

        /**
         * How an issue's own description treats the words text[start, end): the first evaluative
         * word above them decides. A harm done by them or to them ("pressure on X", "the
         * overthrow of X", "repression by X") marks them as what the issue is against, unless the
         * harm is itself judged further up ("the decision to impose its laws on X is void").
         */
        public double define(int start, int end) {
            if (graph == null) {
                return 0;
            }
            IndexedWord child = head(start - offset, end - offset);
            double harm = 0;
            double value = 1;
            for (int hop = 0; child != null && hop < MAX_HOPS; hop++) {
                IndexedWord parent = graph.getParent(child);
                if (parent == null) {
                    break;
                }
                String rel = graph.reln(parent, child).getShortName();
                boolean byDoer = doer(parent, child);
                child = parent;
                if (SAME_SIDE.contains(rel)) {
                    continue;
                }
                Weight w = weight(parent);
                double sign = negated(parent) ? -1 : 1;
                if (w.kind() == Kind.HARM) {
                    if (harm == 0) {
                        harm = Math.abs(w.value());
                        value = rel.startsWith("nsubj") || byDoer ? sign : -sign;
                    }
                } else if (w.kind() != Kind.NEUTRAL && w.kind() != Kind.NEGATOR && w.value() != 0) {
                    return value * w.value() * sign * judged(parent);
                }
            }
            return -harm;
        }

        /** Whether a case marker of this word is one of the given prepositions. */
        private boolean markedBy(IndexedWord word, Set<String> prepositions) {
            for (SemanticGraphEdge e : graph.outgoingEdgeList(word)) {
                if (e.getRelation().getShortName().equals("case")
                        && prepositions.contains(e.getDependent().word().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }

        /** The possessor or the "by" agent of a harm is the one who does it: "X's repression of …", "repression by X". */
        private boolean doer(IndexedWord head, IndexedWord dependent) {
            String rel = graph.reln(head, dependent).toString();
            if (rel.equals("nmod:poss") || rel.endsWith(":agent")) {
                return true;
            }
            if (rel.startsWith("nmod") || rel.startsWith("obl")) {
                for (SemanticGraphEdge e : graph.outgoingEdgeList(dependent)) {
                    if (e.getRelation().getShortName().equals("case") && e.getDependent().word().equalsIgnoreCase("by")) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** -1 when the clause of this word is itself judged badly ("[to impose X] is null and void"), else 1. */
        private double judged(IndexedWord word) {
            IndexedWord up = graph.getParent(word);
            if (up == null) {
                return 1;
            }
            String rel = graph.reln(up, word).getShortName();
            if (!rel.startsWith("csubj") && !rel.startsWith("nsubj")) {
                return 1;
            }
            Weight w = weight(up);
            return w.kind() != Kind.NEUTRAL && w.value() < 0 ? -1 : 1;
        }

        /** The word of the span whose governor lies outside it: "Council" in "the National Transitional Council". */
        private IndexedWord head(int start, int end) {
            IndexedWord best = null;
            int bestDepth = Integer.MAX_VALUE;
            for (IndexedWord w : graph.vertexSet()) {
                if (w.beginPosition() >= start && w.endPosition() <= end) {
                    int depth = 0;
                    for (IndexedWord p = graph.getParent(w); p != null && depth < 50; p = graph.getParent(p)) {
                        depth++;
                    }
                    if (depth < bestDepth) {
                        bestDepth = depth;
                        best = w;
                    }
                }
            }
            return best;
        }

        /**
         * Up from the mention: {genre-cue evaluation, general-word evaluation}. value is how the
         * mention stands to what the path has reached: +1 the thing itself, -1 the harm done to it.
         */
        private Path walk(IndexedWord from) {
            double value = 1;
            double harm = 0;
            IndexedWord child = from;
            for (int hop = 0; hop < MAX_HOPS; hop++) {
                IndexedWord parent = graph.getParent(child);
                if (parent == null) {
                    break;
                }
                String rel = graph.reln(parent, child).getShortName();
                boolean byDoer = doer(parent, child);
                boolean topicOf = (rel.startsWith("nmod") || rel.startsWith("obl")) && markedBy(child, ABOUT);
                child = parent;
                if (SAME_SIDE.contains(rel)) {
                    continue; // "X and Y", "X, the Y": the same side
                }
                boolean subject = rel.startsWith("nsubj") || rel.startsWith("csubj") || byDoer;
                boolean negated = negated(parent);
                Weight w = weight(parent);
                if (topicOf && w.kind() != Kind.HARM) {
                    break; // "a text on X", "talks about X": what is judged above is the text, not X ("pressure on X" is a harm)
                }
                double fade = Math.pow(0.85, hop) * modality(parent);
                if (w.kind() == Kind.NEGVERB) {
                    value = -value; // "refrained from recognizing X"
                } else if (w.kind() == Kind.HARM) {
                    // "X violates …" condemns X; "… violates X" defends X
                    value *= subject ? 1 : -1;
                    harm = Math.max(harm, Math.abs(w.value()));
                    if (!subject && spokenBy(parent)) {
                        value = -value; // "we imposed sanctions on X": what the speakers do themselves they stand by
                    }
                    if (negated) {
                        value = -value;
                    }
                } else if (w.kind() == Kind.ATTITUDE && subject) {
                    return Path.NONE; // what the issue itself supports is not the speaker's stance
                } else if (rel.equals("obj") && addressed(parent)) {
                    return Path.NONE; // "we urge X to end …": X is who is asked, not what is endorsed
                } else if (w.value() != 0 && w.kind() != Kind.NEUTRAL) {
                    double v = value * w.value() * (negated ? -1 : 1) * fade * negatedAbove(parent);
                    return w.kind() == null ? new Path(0, v, parent.word()) : new Path(v, 0, parent.word());
                } else if (negated) {
                    value = -value;
                }
            }
            // a harm stated and not evaluated further: the speaker presents it as a harm
            return new Path(-value * harm, 0, null);
        }

        /** The speakers are the verb's subject: "we imposed …", "I have imposed …". */
        private boolean spokenBy(IndexedWord verb) {
            for (SemanticGraphEdge e : graph.outgoingEdgeList(verb)) {
                String w = e.getDependent().word().toLowerCase(Locale.ROOT);
                if (e.getRelation().getShortName().equals("nsubj") && (w.equals("we") || w.equals("i"))) {
                    return true;
                }
            }
            return false;
        }

        /** A verb that asks its object to act ("urge X to", "call on X to"): it has an infinitive complement. */
        private boolean addressed(IndexedWord verb) {
            if (!DIRECTIVES.contains(verb.lemma() == null ? "" : verb.lemma().toLowerCase(Locale.ROOT))) {
                return false;
            }
            for (SemanticGraphEdge e : graph.outgoingEdgeList(verb)) {
                if (e.getRelation().getShortName().equals("xcomp")) {
                    return true;
                }
            }
            return false;
        }

        /**
         * -1 when a governor just above the evaluative word negates it: "refrained from recognizing
         * X", "we will not be able to accept X" (a negation on "able", a negating verb above).
         */
        private double negatedAbove(IndexedWord word) {
            IndexedWord up = word;
            for (int hop = 0; hop < 2; hop++) {
                up = graph.getParent(up);
                if (up == null) {
                    return 1;
                }
                if (weight(up).kind() == Kind.NEGVERB || negated(up)) {
                    return -1;
                }
            }
            return 1;
        }

        private boolean negated(IndexedWord w) {
            for (SemanticGraphEdge e : graph.outgoingEdgeList(w)) {
                String rel = e.getRelation().getShortName();
                String word = e.getDependent().word().toLowerCase(Locale.ROOT);
                if ((rel.equals("neg") || rel.equals("advmod") || rel.equals("det") || rel.equals("aux") || rel.equals("cc:preconj"))
                        && NEGATIONS.contains(word)) {
                    return true;
                }
            }
            return false;
        }

        /** must/should make an evaluation firmer, would/could/may softer, an "if" clause much softer. */
        private double modality(IndexedWord w) {
            double m = 1;
            for (SemanticGraphEdge e : graph.outgoingEdgeList(w)) {
                String rel = e.getRelation().getShortName();
                String word = e.getDependent().word().toLowerCase(Locale.ROOT);
                if (rel.equals("aux") && DEONTIC.contains(word)) {
                    m *= 1.2;
                } else if (rel.equals("aux") && HEDGES.contains(word)) {
                    m *= 0.6;
                } else if (rel.equals("mark") && CONDITIONS.contains(word)) {
                    m *= 0.3;
                }
            }
            return m;
        }
    }

    /** A word's weight: from the genre lexicon when it lists the word (with its kind), else the general one (kind null). */
    private record Weight(double value, Kind kind) {}

    private Weight weight(IndexedWord w) {
        String lower = w.word().toLowerCase(Locale.ROOT);
        List<Token> t = analyzer.tokens(lower, 0, lower.length());
        if (t.size() == 1) {
            Kind kind = cues.kindOf(t.get(0));
            if (kind != null) {
                return new Weight(cues.weightOf(t.get(0)), kind);
            }
        }
        return new Weight(general.valence(lower, w.lemma()), null);
    }

    /** Parses text[start, end) as one sentence; a sentence too long to parse reads as nothing. */
    public Parse parse(String text, int start, int end, boolean rhetorical) {
        String s = text.substring(start, end);
        CoreDocument doc = new CoreDocument(s);
        pipeline().annotate(doc);
        if (doc.sentences().isEmpty()) {
            return new Parse(null, List.of(), start, rhetorical);
        }
        CoreSentence sentence = doc.sentences().get(0);
        if (sentence.tokens().size() > MAX_TOKENS) {
            return new Parse(null, List.of(), start, rhetorical);
        }
        return new Parse(sentence.dependencyParse(), sentence.tokens(), start, rhetorical);
    }
}
