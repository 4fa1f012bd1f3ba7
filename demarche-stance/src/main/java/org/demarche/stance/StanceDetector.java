package org.demarche.stance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.demarche.model.Polarity;
import org.demarche.model.RecordId;
import org.demarche.model.Statement;
import org.demarche.stance.CueLexicon.Cue;
import org.demarche.stance.CueLexicon.Kind;
import org.demarche.stance.IssueMatcher.Match;
import org.demarche.stance.StanceAnalyzer.Sentence;
import org.demarche.stance.StanceAnalyzer.Token;

/**
 * Decides, for one statement, which codebook issues it discusses and where it stands on each.
 * Only the statement's own words count (a journalist's framing around a quotation is not the
 * speaker's stance); the sentences just before it are read only to resolve references back
 * ("Kosovo declared independence. Lavrov said it was illegal.").
 *
 * <p>Each cue near a mention of an issue adds its weight, fading with distance and across
 * "but"/"however"; a harm verb ("violates", "undermines") counts against its subject and for
 * its object; endorsing a contrary term counts against the issue; a rhetorical question turns
 * the sentence around. The words that weighed most are kept as the reason.
 */
public final class StanceDetector {

    /**
     * Where one statement stands on one issue, as the detector read it: support/oppose/neutral are the weights
     * found for each; cue holds the deciding words as they appear in the text; evidence, the feature sums the
     * stance model weighs (StanceFeatures). What is stored of it is the statement's {@link Statement.Issue}.
     */
    public record Finding(RecordId statement, String issue, Polarity polarity, double support, double oppose,
                          double neutral, double confidence, String cue, double[] evidence) {
        public double net() {
            return support - oppose;
        }

        /** What the statement says on the issue, as stored and exported. */
        public Statement.Issue reading() {
            return new Statement.Issue(issue, polarity, confidence, cue, support, oppose);
        }
    }

    /** How far back a reference may reach, in sentences. */
    private static final int REFERENCE_REACH = 2;
    /** How much text before a statement is read for references. */
    private static final int CONTEXT_CHARS = 600;
    private static final Set<String> PRONOUNS = Set.of("it", "this", "that", "these", "those", "such", "which");
    private static final Set<String> DETERMINERS = Set.of("this", "that", "these", "those", "such", "the", "a", "an", "its");
    private static final Set<String> COPULAS = Set.of("is", "are", "was", "were", "be", "remain", "remains", "remained",
            "constitutes", "constitute", "represents");
    private static final Set<String> ASSERTION_SKIP = Set.of("a", "an", "the", "our", "its", "their", "still", "always",
            "and", "will");
    private static final Set<String> CONTRAST = Set.of("but", "however", "whereas", "although", "though", "yet");
    private static final Set<String> RHETORICAL_OPENERS = Set.of("how", "why", "who", "what", "can", "could", "should",
            "would", "is", "are", "do", "does", "will", "shall", "must", "isn't", "aren't", "doesn't", "don't");
    private static final double ASSERTION_WEIGHT = 0.6;
    /** How clear the parse's reading must be to decide a sentence the window read no side in, and how much it counts. */
    private static final double PARSE_LEAN = 0.5, PARSE_WEIGHT = 0.8;
    /** Below this much weight the window has read no side worth keeping over the parse's. */
    private static final double WINDOW_WEAK = 0.3;
    /** Words that may stand between a subject and its verb without making it the verb's object. */
    private static final Set<String> SUBJECT_TO_VERB = Set.of("to", "has", "have", "had", "will", "would", "shall",
            "should", "must", "can", "could", "may", "might", "also", "still", "now", "already", "finally", "fully",
            "always", "never", "not", "did", "does", "do");
    /** Prepositions that make a mention a place rather than a doer ("the leaders in X"). */
    private static final Set<String> LOCATIVES = Set.of("in", "at", "within", "inside", "across", "throughout");
    /** Stems of verbs that ask someone to act (the parse's list): their object is the addressee, not what they endorse. */
    private static final Set<String> DIRECTIVE_STEMS = stemsOf(DependencyScope.DIRECTIVES);
    /** Stems of words that make their subject the victim of the harm that follows ("X suffers under occupation"). */
    private static final Set<String> VICTIM_WORDS = Set.of("suffer", "endur", "victim", "under", "plight", "subject",
            "subjected", "face");
    /** Stems of verbs that make the mention just before them the one who resists the harm after ("X struggling against …"). */
    private static final Set<String> RESIST_WORDS = Set.of("resist", "struggl", "fight");
    /** Sentences longer than this are not parsed (lists, run-ons): slow, and seldom parsed right. */
    private static final int MAX_PARSED_TOKENS = 80;
    /** Prepositions that join a harm to the one who suffers it: "attacks on X", "aggression against X". */
    private static final Set<String> HARM_COMPLEMENT = Set.of("of", "on", "upon", "against", "to");
    private static final Set<String> BE_FORMS = Set.of("is", "are", "was", "were", "be", "been", "being");
    private static final Set<String> VERBS_BETWEEN = Set.of("is", "are", "was", "were", "be", "been", "has", "have", "had",
            "will", "would", "can", "could", "should", "may", "might", "must", "did", "does", "do");

    private final StanceAnalyzer analyzer;
    private final IssueMatcher matcher;
    private final CueLexicon cues;
    private final DependencyScope scope;
    private final SentimentLexicon general = SentimentLexicon.get();
    private final StanceModel model;

    public StanceDetector(Codebook codebook) {
        this(codebook, StanceModel.shipped());
    }

    /** With a given model (null: the window rules decide), as the trainer needs. */
    public StanceDetector(Codebook codebook, StanceModel model) {
        this.analyzer = new StanceAnalyzer();
        this.cues = new CueLexicon(analyzer);
        this.scope = new DependencyScope(analyzer, cues);
        this.matcher = new IssueMatcher(codebook, analyzer, TermOrientation.adversaries(codebook, analyzer, cues, scope), cues);
        this.model = model;
    }

    /** What one mention of an issue in a sentence collects. */
    private static final class Tally {
        double support;
        double oppose;
        double neutral;
        double bestWeight;
        String bestCue;
        int terms;
        int contrary;
        /** The parse's readings and counts (StanceFeatures layout; support/oppose/neutral filled at the end). */
        final double[] evidence = new double[StanceFeatures.RAW];

        void add(double weight, String cue) {
            if (weight > 0) {
                support += weight;
            } else {
                oppose -= weight;
            }
            if (Math.abs(weight) > bestWeight) {
                bestWeight = Math.abs(weight);
                bestCue = cue;
            }
        }
    }

    /** Eight hex digits that change when the cue lexicon or the model does, so stored stances are redone. */
    public static String lexiconFingerprint() {
        // the cue lexicon and the model in one 8-digit hash (the workspace keeps 64 characters in all)
        return String.format("%08x", (CueLexicon.fingerprint() + StanceModel.fingerprint()).hashCode());
    }

    /**
     * Findings for every statement of one document, in statement order. A statement is read from the words at its
     * offsets in the document's text; the verb that introduced it ("said", "condemned", "denied"), if any, counts.
     */
    public List<Finding> detect(String text, List<Statement> statements) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            out.addAll(detect(text, s));
        }
        return out;
    }

    public List<Finding> detect(String text, Statement statement) {
        int from = Math.max(0, Math.min(statement.start(), text.length()));
        int to = Math.max(from, Math.min(statement.end(), text.length()));
        // the issues mentioned in the last sentences: what "it" and "this declaration" may point back to
        List<Map<String, Boolean>> recent = new ArrayList<>();
        for (Sentence s : analyzer.sentences(text, Math.max(0, from - CONTEXT_CHARS), from)) {
            remember(recent, matcher.find(text, s.tokens()));
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Sentence s : analyzer.sentences(text, from, to)) {
            List<Match> found = matcher.find(text, s.tokens());
            List<Match> all = new ArrayList<>(found);
            all.addAll(references(text, s, found, recent));
            if (!all.isEmpty()) {
                weigh(text, s, all, tallies);
            }
            remember(recent, found);
        }
        if (statement.cue() != null && !tallies.isEmpty()) {
            reportingVerb(statement.cue(), tallies);
        }
        List<Finding> out = new ArrayList<>();
        tallies.forEach((issue, t) -> out.add(finding(statement.id(), issue, t)));
        return out;
    }

    /**
     * The verb that introduced reported words says something of its own: "denied that …" turns
     * them around; "complained", "warned" lean against what they report when it has no other cue.
     */
    private void reportingVerb(String verb, Map<String, Tally> tallies) {
        List<Token> tokens = analyzer.tokens(verb, 0, verb.length());
        if (tokens.size() != 1) {
            return;
        }
        CueLexicon.Kind kind = cues.kindOf(tokens.get(0));
        double weight = cues.weightOf(tokens.get(0));
        for (Tally t : tallies.values()) {
            if (kind == Kind.NEGVERB || kind == Kind.NEGATOR) {
                double sup = t.support;
                t.support = t.oppose;
                t.oppose = sup;
            } else if ((kind == Kind.ATTITUDE || kind == Kind.EVAL) && Math.abs(weight) >= 0.7 && t.support + t.oppose == 0) {
                // only a verb that judges what it reports ("condemned", "welcomed"), not one that frames it ("warned")
                double w = (t.contrary > t.terms ? -weight : weight) * 0.6;
                t.add(w, verb + " … " + t.bestCue);
            }
        }
    }

    private static void remember(List<Map<String, Boolean>> recent, List<Match> found) {
        Map<String, Boolean> sides = new HashMap<>();
        for (Match m : found) {
            // an issue named both ways in one sentence is no clear antecedent
            sides.merge(m.issue(), m.contrary(), (a, b) -> a.equals(b) ? a : null);
        }
        recent.add(sides);
        while (recent.size() > REFERENCE_REACH) {
            recent.remove(0);
        }
    }

    /** References back to an issue named in the sentences before: "this declaration", "it", "such a step". */
    private List<Match> references(String text, Sentence s, List<Match> found, List<Map<String, Boolean>> recent) {
        List<Match> out = new ArrayList<>();
        Map<String, Boolean> candidates = new LinkedHashMap<>();
        for (int k = recent.size() - 1; k >= 0; k--) {
            recent.get(k).forEach(candidates::putIfAbsent);
        }
        List<Token> tokens = s.tokens();
        for (Map.Entry<String, Boolean> c : candidates.entrySet()) {
            if (c.getValue() == null || found.stream().anyMatch(m -> m.issue().equals(c.getKey()))) {
                continue;
            }
            Set<String> heads = matcher.termStems(c.getKey());
            int at = -1;
            for (int i = 0; i < tokens.size() && at < 0; i++) {
                String w = tokens.get(i).lower();
                if (DETERMINERS.contains(w) && i + 1 < tokens.size() && heads.contains(tokens.get(i + 1).stem())
                        && !Character.isUpperCase(text.charAt(tokens.get(i + 1).start()))) {
                    at = i + 1; // "this declaration", "such recognition" (a name after "the" is no reference: "the X communities")
                } else if (subjectPosition(tokens, i) && PRONOUNS.contains(w) && !w.equals("that") && !w.equals("which")
                        && !expletive(text, tokens, i)) {
                    at = i; // "It would undermine…", "This will only lead to…"
                }
            }
            if (at >= 0) {
                out.add(new Match(c.getKey(), c.getValue(), at, at));
            }
        }
        return out;
    }

    /**
     * "It is important that …", "it is high time to …": an "it" that stands for the clause after it, not for anything
     * said before. A form of "be" follows it, then, within three words and with no article between, "that" or an
     * infinitive's "to" ("it is contrary to …", "it is unacceptable to Serbia" are prepositions; "it is a step that …"
     * has its own noun).
     */
    private static boolean expletive(String text, List<Token> tokens, int i) {
        if (!tokens.get(i).lower().equals("it") || i + 1 >= tokens.size() || !BE_FORMS.contains(tokens.get(i + 1).lower())) {
            return false;
        }
        for (int k = i + 2; k < tokens.size() && k <= i + 4; k++) {
            String w = tokens.get(k).lower();
            if (w.equals("a") || w.equals("an") || w.equals("the")) {
                return false;
            }
            if (w.equals("that")) {
                return true;
            }
            if (w.equals("to")) {
                return !NOT_AN_INFINITIVE.contains(tokens.get(k - 1).lower()) && k + 1 < tokens.size()
                        && !Character.isUpperCase(text.charAt(tokens.get(k + 1).start()));
            }
        }
        return false;
    }

    /** Words before a "to" that is a preposition: "contrary to", "due to", "according to". */
    private static final Set<String> NOT_AN_INFINITIVE = Set.of("contrary", "due", "according", "close", "similar",
            "equal", "opposed", "subject", "next", "thanks", "harmful", "detrimental", "threat", "danger", "blow", "insult",
            "affront", "obstacle", "contribution", "damage", "challenge");

    /** A pronoun opening the sentence (after "and", "but", "so") is its subject: "It would undermine…". */
    private static boolean subjectPosition(List<Token> tokens, int i) {
        return i == 0 || i == 1 && Set.of("and", "but", "so", "yet", "thus", "therefore", "however").contains(tokens.get(0).lower());
    }

    private void weigh(String text, Sentence s, List<Match> mentions, Map<String, Tally> tallies) {
        List<Token> tokens = s.tokens();
        List<Cue> found = cues.find(tokens);
        boolean rhetorical = s.question() && RHETORICAL_OPENERS.contains(tokens.get(0).lower());
        DependencyScope.Parse parse = tokens.size() <= MAX_PARSED_TOKENS ? scope.parse(text, s.start(), s.end(), rhetorical) : null;
        double tone = 0;
        for (Token t : tokens) {
            tone += general.valence(t.lower(), null);
        }
        Map<String, List<Match>> byIssue = new LinkedHashMap<>();
        for (Match m : mentions) {
            byIssue.computeIfAbsent(m.issue(), k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, List<Match>> e : byIssue.entrySet()) {
            Tally sentence = new Tally();
            List<Cue> inside = new ArrayList<>();
            for (Cue c : found) {
                if (e.getValue().stream().anyMatch(m -> overlaps(c, m))) {
                    inside.add(c); // the term's own words ("recognition of Kosovo") count only if nothing else does
                    continue;
                }
                Match nearest = nearest(c, e.getValue());
                if (c.kind() == Kind.NEUTRAL) {
                    sentence.neutral += Math.abs(c.weight()) * fade(c, nearest, 14);
                    continue;
                }
                List<Match> sided = e.getValue().stream().filter(m -> !m.topic()).toList();
                if (sided.isEmpty()) {
                    continue; // a judgement of "the situation in X" takes no side on X: every side deplores a crisis
                }
                nearest = nearest(c, sided);
                double w = effect(text, tokens, found, c, nearest);
                if (w != 0) {
                    sentence.add(w, cueText(text, tokens, c, nearest));
                }
            }
            if (sentence.support + sentence.oppose == 0) {
                for (Cue c : inside) {
                    // a harm word inside a term names what the issue is ("NATO bombing"), not a side on it
                    if (c.kind() != Kind.NEUTRAL && c.kind() != Kind.HARM) {
                        Match m = nearest(c, e.getValue());
                        if (m.topic()) {
                            continue;
                        }
                        // the term's own words name its side: "abolition of X" as a term is the issue, not against it
                        // (a negation still turns it: "refrained from recognizing X")
                        // a cue that starts before the term and takes it in keeps its own sign: "non-recognition of X"
                        // for the term "recognition of X"
                        double w = c.first() < m.first() ? c.weight() * (c.negatorAt() >= 0 ? -1 : 1)
                                : c.negatorAt() >= 0 ? -Math.abs(c.weight()) : Math.abs(c.weight());
                        sentence.add(m.contrary() ? -w : w, cueText(text, tokens, c, m));
                    }
                }
            }
            for (Match m : e.getValue()) {
                double a = m.topic() ? 0 : assertion(tokens, m);
                if (a != 0) {
                    double w = side(m, a);
                    sentence.add(w, span(text, tokens, Math.max(0, m.first() - 2), m.last()));
                }
            }
            if (rhetorical) {
                double sup = sentence.support;
                sentence.support = sentence.oppose;
                sentence.oppose = sup;
                if (sentence.bestCue != null) {
                    sentence.bestCue = sentence.bestCue + " …?";
                }
            }
            // the parse's reading of each mention that takes a side, read once: it may decide, and the model weighs it
            // (null for a matter term, or without a parse), in the order of the mentions
            List<DependencyScope.Reading> readings = new ArrayList<>();
            for (Match m : e.getValue()) {
                readings.add(parse == null || m.topic() ? null
                        : parse.read(tokens.get(m.first()).start(), tokens.get(m.last()).end(), false));
            }
            if (parse != null && sentence.support + sentence.oppose < WINDOW_WEAK) {
                parseReading(text, tokens, e.getValue(), readings, sentence);
            }
            Tally total = tallies.computeIfAbsent(e.getKey(), k -> new Tally());
            double[] ev = total.evidence;
            int contrary = 0;
            for (int k = 0; k < e.getValue().size(); k++) {
                Match m = e.getValue().get(k);
                if (m.contrary()) {
                    total.contrary++;
                    contrary++;
                } else {
                    total.terms++;
                }
                DependencyScope.Reading r = readings.get(k);
                if (r != null) {
                    StanceFeatures.signed(ev, StanceFeatures.CUE_FOR, side(m, r.cue()));
                    StanceFeatures.signed(ev, StanceFeatures.WORD_FOR, side(m, r.general()));
                    StanceFeatures.signed(ev, StanceFeatures.MOD_FOR, side(m, r.modifiers()));
                }
            }
            // the sentence's general tone, on the side of the terms it names most
            double side = contrary * 2 > e.getValue().size() ? -1 : 1;
            StanceFeatures.signed(ev, StanceFeatures.TONE_FOR, side * Math.max(-3, Math.min(3, tone)));
            ev[StanceFeatures.SENTENCES]++;
            total.support += sentence.support;
            total.oppose += sentence.oppose;
            total.neutral += sentence.neutral;
            if (sentence.bestCue != null && sentence.bestWeight > total.bestWeight) {
                total.bestWeight = sentence.bestWeight;
                total.bestCue = sentence.bestCue;
            }
            if (total.bestCue == null) {
                Match m = e.getValue().get(0);
                total.bestCue = span(text, tokens, m.first(), m.last());
            }
        }
    }

    /**
     * Where the word window found no side (or next to none), the parse may: an evaluation that reaches a mention
     * through the sentence's structure from further than the window reads ("we welcome the
     * adoption of A, B and X"). It counts for a little less than a cue the window found.
     */
    private static void parseReading(String text, List<Token> tokens, List<Match> mentions,
                                     List<DependencyScope.Reading> readings, Tally sentence) {
        double net = 0;
        Match best = null;
        String word = null;
        double strongest = 0;
        for (int k = 0; k < mentions.size(); k++) {
            Match m = mentions.get(k);
            DependencyScope.Reading r = readings.get(k);
            if (r == null) {
                continue;
            }
            double v = side(m, r.cue());
            net += v;
            if (Math.abs(v) > strongest) {
                strongest = Math.abs(v);
                best = m;
                word = r.word();
            }
        }
        if (Math.abs(net) >= PARSE_LEAN && best != null) {
            String term = span(text, tokens, best.first(), best.last());
            sentence.add(net * PARSE_WEIGHT, word == null ? term : word + " … " + term);
        }
    }

    /** The signed weight a cue gives to the issue through its nearest mention. */
    private static double effect(String text, List<Token> tokens, List<Cue> found, Cue c, Match m) {
        boolean cueFirst = c.last() < m.first();
        if (cueFirst && c.kind() == Kind.ATTITUDE && addressee(tokens, c, m)) {
            return 0; // "we urge X to …": X is who is asked, what it is asked to do is the stance
        }
        if (!cueFirst && c.kind() == Kind.ATTITUDE && actsItself(tokens, m.last(), c.first())) {
            return 0; // "X to accept …", "X has welcomed …": X's own attitude, not the speaker's on X
        }
        double w = c.weight();
        if (cueFirst && (c.kind() == Kind.ATTITUDE || c.kind() == Kind.EVAL) && harmBetween(text, tokens, found, c, m)) {
            w = -w; // "we condemn the attacks on X", "an end to the occupation of X": the judgement falls on the harm done to X
        }
        double fade;
        switch (c.kind()) {
            // a judgement before a mention qualifies it only as its adjective ("illegitimate declaration"),
            // after it as what is said of it ("X is unacceptable")
            case EVAL -> {
                fade = cueFirst ? (contentWordsBetween(tokens, c.last(), m.first()) <= 3 ? 1.0 : 0.0) : fade(c, m, 10);
                if (!cueFirst && w < 0 && fade > 0 && sufferedBy(tokens, m.last(), c.first())) {
                    w = -w * 0.7; // "X suffers under a brutal …": the judgement falls on what X suffers
                }
            }
            case HARM -> {
                fade = fade(c, m, 14);
                if (!cueFirst && m.first() > 0 && LOCATIVES.contains(tokens.get(m.first() - 1).lower())) {
                    return 0; // "the leaders in X organised the killings": X is where, not who
                }
                if (cueFirst) {
                    // "violates the territorial integrity of X": for X; but what the speakers do themselves they stand
                    // by ("we imposed sanctions on X")
                    w = ownAct(tokens, c.first()) ? w * 0.7 : -w * 0.7;
                } else if (fade > 0 && (sufferedBy(tokens, m.last(), c.first()) || passive(tokens, m.last(), c.first()))) {
                    w = -w * 0.7; // "X suffers under occupation": for X, the victim word ties them however far apart
                    fade = 1;
                }
            }
            default -> fade = fade(c, m, 14) * (cueFirst ? 1.0 : 0.6);
        }
        if (fade == 0) {
            return 0;
        }
        if (contrastBetween(tokens, c, m)) {
            fade *= 0.35;
        }
        w *= fade;
        return side(m, w);
    }

    /**
     * What a weight on a mention means for its issue: the same for a term, turned for a contrary
     * term, and always against for a contrary term that condemns in its own words ("aggression
     * against X"): whoever calls it so and condemns it takes the other side.
     */
    static double side(Match m, double w) {
        return m.framing() ? -Math.abs(w) : m.contrary() ? -w : w;
    }

    /**
     * Words between two positions that are not function words ("so-called independence of our
     * two regions"); a verb between ("aggression was unleashed on X") means the judgement is not of X.
     */
    private static int contentWordsBetween(List<Token> tokens, int from, int to) {
        int n = 0;
        for (int i = from + 1; i < to; i++) {
            if (VERBS_BETWEEN.contains(tokens.get(i).lower())) {
                return Integer.MAX_VALUE;
            }
            if (!IssueMatcher.FUNCTION_WORDS.contains(tokens.get(i).stem())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Only an infinitive's "to", auxiliaries and adverbs (one at least) stand between a mention and
     * the attitude verb after it: the mention is that verb's subject ("X to accept", "X has
     * welcomed"). A form of "be" makes it the object instead ("X must be respected").
     */
    private static boolean actsItself(List<Token> tokens, int mentionLast, int cueFirst) {
        if (cueFirst == mentionLast + 1) {
            return false; // nothing between: "X against …" may be a preposition, not a verb
        }
        for (int i = mentionLast + 1; i < cueFirst; i++) {
            if (!SUBJECT_TO_VERB.contains(tokens.get(i).lower())) {
                return false;
            }
        }
        return true;
    }

    /** The mention is the one a directive verb addresses: "urge X to", "call on X to", "appeal to X to". */
    private static boolean addressee(List<Token> tokens, Cue c, Match m) {
        return DIRECTIVE_STEMS.contains(tokens.get(c.first()).stem()) && m.last() + 1 < tokens.size()
                && tokens.get(m.last() + 1).lower().equals("to");
    }

    private static Set<String> stemsOf(Set<String> words) {
        StanceAnalyzer analyzer = new StanceAnalyzer();
        Set<String> out = new java.util.HashSet<>();
        words.forEach(w -> out.addAll(analyzer.stems(w)));
        return Set.copyOf(out);
    }

    /**
     * The mention (ending at from) suffers or resists the harm at to: a victim word between them ("X suffers under …"),
     * or a verb of resisting right after the mention ("X struggling against the invasion").
     */
    private static boolean sufferedBy(List<Token> tokens, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            String stem = tokens.get(i).stem();
            if (VICTIM_WORDS.contains(stem) || i <= from + 2 && RESIST_WORDS.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /** The speakers are the subject of the verb at i: "we imposed", "we have already imposed". */
    private static boolean ownAct(List<Token> tokens, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
            String w = tokens.get(k).lower();
            if (w.equals("we") || w.equals("i")) {
                return true;
            }
            if (!SUBJECT_TO_VERB.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /**
     * The cue judges a harm done to the mention after it: "condemn the occupation of X", "an end to the aggression
     * against X". The harm takes the mention as its complement (a preposition, at most three words, no agent "by",
     * no verb or punctuation between); "the cornerstone of our attitude to the problem is that X …" is no such harm.
     */
    private static boolean harmBetween(String text, List<Token> tokens, List<Cue> found, Cue c, Match m) {
        for (Cue h : found) {
            if (h.kind() != Kind.HARM || h.first() <= c.last() || h.last() + 1 >= m.first() || m.first() - h.last() > 4
                    || !HARM_COMPLEMENT.contains(tokens.get(h.last() + 1).lower())) {
                continue;
            }
            boolean clear = true;
            for (int i = h.last() + 1; i <= m.first() && clear; i++) {
                String w = tokens.get(i).lower();
                clear = !w.equals("by") && !VERBS_BETWEEN.contains(w) && !IssueMatcher.breaks(text, tokens.get(i - 1), tokens.get(i));
            }
            if (clear) {
                return true;
            }
        }
        return false;
    }

    /**
     * The harm after a mention is in the passive, with the mention its subject: "X has been violated", "X were
     * brutally killed" (X suffers it). Only auxiliaries and adverbs stand between ("X is prepared to threaten …" is
     * active).
     */
    private static boolean passive(List<Token> tokens, int mentionLast, int cueFirst) {
        if (!tokens.get(cueFirst).lower().endsWith("ed")) {
            return false;
        }
        boolean be = false;
        for (int i = mentionLast + 1; i < cueFirst; i++) {
            String w = tokens.get(i).lower();
            if (BE_FORMS.contains(w)) {
                be = true;
            } else if (!SUBJECT_TO_VERB.contains(w) && !w.endsWith("ly")) {
                return false;
            }
        }
        return be;
    }

    /** Full weight within three words, fading after, nothing beyond reach. */
    private static double fade(Cue c, Match m, int reach) {
        int d = c.last() < m.first() ? m.first() - c.last() : c.first() - m.last();
        if (d > reach) {
            return 0;
        }
        return d <= 3 ? 1.0 : 3.0 / d;
    }

    private static boolean contrastBetween(List<Token> tokens, Cue c, Match m) {
        int a = Math.min(c.last(), m.last());
        int b = Math.max(c.first(), m.first());
        for (int i = a + 1; i < b; i++) {
            if (CONTRAST.contains(tokens.get(i).lower())) {
                return true;
            }
        }
        return false;
    }

    /** "X is an integral part of Y": stating the term as a fact endorses it (negated: rejects it). */
    private static double assertion(List<Token> tokens, Match m) {
        boolean negated = false;
        for (int i = m.first() - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
            String w = tokens.get(i).lower();
            if (ASSERTION_SKIP.contains(w)) {
                continue;
            }
            if (w.equals("not") || w.equals("never") || w.equals("no") || w.endsWith("n't")) {
                negated = !negated;
                continue;
            }
            if (COPULAS.contains(w)) {
                return negated ? -ASSERTION_WEIGHT : ASSERTION_WEIGHT;
            }
            return 0;
        }
        return 0;
    }

    private static boolean overlaps(Cue c, Match m) {
        return c.first() <= m.last() && m.first() <= c.last();
    }

    private static Match nearest(Cue c, List<Match> mentions) {
        Match best = mentions.get(0);
        int bestD = Integer.MAX_VALUE;
        for (Match m : mentions) {
            int d = c.last() < m.first() ? m.first() - c.last() : Math.max(0, c.first() - m.last());
            if (d < bestD) {
                bestD = d;
                best = m;
            }
        }
        return best;
    }

    /** The words from the cue (with its negator) to the mention it bears on, shortened in the middle. */
    private static String cueText(String text, List<Token> tokens, Cue c, Match m) {
        int cueFrom = c.negatorAt() >= 0 ? Math.min(c.negatorAt(), c.first()) : c.first();
        int from = Math.min(cueFrom, m.first());
        int to = Math.max(c.last(), m.last());
        if (to - from <= 12) {
            return span(text, tokens, from, to);
        }
        String cue = span(text, tokens, cueFrom, c.last());
        String term = span(text, tokens, m.first(), m.last());
        return c.last() < m.first() ? cue + " … " + term : term + " … " + cue;
    }

    private static String span(String text, List<Token> tokens, int first, int last) {
        return text.substring(tokens.get(first).start(), tokens.get(last).end()).replaceAll("\\s+", " ");
    }

    /** Weighs what one statement said about one issue into a polarity and a confidence. */
    Finding finding(RecordId statement, String issue, Tally t) {
        double[] ev = t.evidence.clone();
        ev[StanceFeatures.SUPPORT] = t.support;
        ev[StanceFeatures.OPPOSE] = t.oppose;
        ev[StanceFeatures.NEUTRAL] = t.neutral;
        ev[StanceFeatures.TERMS] = t.terms;
        ev[StanceFeatures.CONTRARY] = t.contrary;
        // one statement's polarity and confidence are its words'; the model, trained on whole speeches,
        // weighs an actor's evidence in a document (StanceAggregator)
        Decision d = decide(t.support, t.oppose, t.neutral);
        return new Finding(statement, issue, d.polarity(), round(t.support), round(t.oppose), round(t.neutral),
                d.confidence(), t.bestCue, ev);
    }

    /**
     * The answer on summed evidence: the speaker's words decide the side (the window rules, which
     * read them), and the learned model gives it its confidence, the calibrated probability that
     * this side is right. The model alone decides no side: trained on votes, it learns mostly how often states
     * vote for what they discuss, which reported speech does not follow (on the seeds' news texts
     * its own answers made a sign error in one stance in four).
     */
    public static Decision decide(StanceModel model, double[] evidence) {
        Decision words = decide(evidence[StanceFeatures.SUPPORT], evidence[StanceFeatures.OPPOSE], evidence[StanceFeatures.NEUTRAL]);
        if (model == null) {
            return words;
        }
        return new Decision(words.polarity(), round(model.confidence(evidence, words.polarity(), words.confidence())));
    }

    /** A polarity with how sure it is. */
    public record Decision(Polarity polarity, double confidence) {}

    /**
     * Support against opposition: a clear lean wins; a lean no stronger than the talk of
     * dialogue and compromise beside it, or evidence cancelling out, is neutral.
     */
    public static Decision decide(double support, double oppose, double neutral) {
        double net = support - oppose;
        double total = support + oppose;
        if (Math.abs(net) < Math.max(0.3, 0.6 * neutral) || Math.abs(net) < 0.15 * total) {
            double sure = total == 0 ? 0.5 + 0.3 * Math.min(1, neutral / 1.5) : 0.5 - 0.2 * Math.min(1, total / 2);
            return new Decision(Polarity.NEUTRAL, round(sure));
        }
        double margin = Math.abs(net) / total;
        double strength = Math.min(1, Math.abs(net) / 1.5);
        return new Decision(Polarity.ofSign(net), round(0.5 + 0.45 * margin * strength));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
