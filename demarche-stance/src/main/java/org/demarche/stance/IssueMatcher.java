package org.demarche.stance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.demarche.stance.StanceAnalyzer.Token;

/**
 * Finds the codebook's terms in a sentence. A term matches when its content words appear in
 * order, as stems, with at most {@link #MAX_GAP} words between two of them and no comma,
 * semicolon or bracket in between: "independence of Kosovo" matches "independence of the
 * province of Kosovo" and "Kosovo's independence" matches "Kosovo’s independence".
 */
public final class IssueMatcher {

    /**
     * A term (or contrary term) of an issue found at tokens [first, last]. framing: a contrary term
     * that carries its own condemnation ("aggression against X"): the other side's name for what
     * it condemns, so judging it badly is no support for the issue. topic: a term that names the
     * matter, not a side ("the situation in X", "the X question"): every side deplores a crisis.
     */
    public record Match(String issue, boolean contrary, int first, int last, boolean framing, boolean topic) {
        public Match(String issue, boolean contrary, int first, int last) {
            this(issue, contrary, first, last, false, false);
        }
    }

    static final int MAX_GAP = 4;
    /** Function words a term may drop or the text may add: "independence for Kosovo". */
    static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "a", "an", "for", "to", "in", "on", "and", "it",
            "s", "thi", "that", "by", "with", "as", "from", "at", "their", "our", "its");

    /** A term's content stems; word is the term's lower-case form when it is a single word. */
    private record Pattern(String issue, boolean contrary, List<String> stems, String word, boolean framing, boolean topic) {}

    /** Head words of terms that name a matter rather than a side: "the situation in X", "the X question". */
    static final Set<String> TOPIC_HEADS = Set.of("situat", "crisi", "conflict", "question", "problem", "issu", "event",
            "develop", "war", "disput", "matter");

    private final Map<String, List<Pattern>> byFirstStem = new HashMap<>();
    /** Per issue: the content stems of its terms, to recognise "this declaration" as a reference back. */
    private final Map<String, Set<String>> termStems = new HashMap<>();

    public IssueMatcher(Codebook codebook, StanceAnalyzer analyzer) {
        this(codebook, analyzer, Set.of(), null);
    }

    /**
     * adversaries: the terms (as "issue\u0001term", see {@link TermOrientation}) that name what
     * their issue is against; they count on the contrary side.
     */
    IssueMatcher(Codebook codebook, StanceAnalyzer analyzer, Set<String> adversaries, CueLexicon cues) {
        this.cues = cues;
        for (Codebook.Issue issue : codebook.issues()) {
            if (TermOrientation.governmentAdversary(adversaries, issue.id(), analyzer)) {
                againstGovernment.add(issue.id());
            }
            Set<String> heads = termStems.computeIfAbsent(issue.id(), k -> new HashSet<>());
            for (String term : issue.terms()) {
                add(issue.id(), adversaries.contains(issue.id() + "\u0001" + term), List.of(term), analyzer, heads, false);
            }
            for (String term : issue.contraryTerms()) {
                add(issue.id(), true, List.of(term), analyzer, null, adversaries.contains(issue.id() + "\u0002" + term));
            }
        }
    }

    private final CueLexicon cues;
    /** Issues against a government: a name of theirs next to a government word or a leader's title names it too. */
    private final Set<String> againstGovernment = new HashSet<>();
    /** Titles of those who lead a government: "President X" speaks of the government X leads. */
    private static final Set<String> LEADER_TITLES = Set.of("presid", "colonel", "leader", "dictat", "king", "premier");

    /** A phrase with a word of condemnation in it ("aggression", "bombing", "conspiracy"), by either lexicon. */
    private boolean condemning(String term, StanceAnalyzer analyzer) {
        if (cues == null) {
            return false;
        }
        for (StanceAnalyzer.Token t : analyzer.tokens(term, 0, term.length())) {
            CueLexicon.Kind kind = cues.kindOf(t);
            if (kind == CueLexicon.Kind.HARM || (kind == CueLexicon.Kind.EVAL && cues.weightOf(t) < 0)
                    || (kind == null && SentimentLexicon.get().valence(t.lower(), null) <= -0.25)) {
                return true;
            }
        }
        return false;
    }

    /** condemned: a contrary term the other side speaks against (TermOrientation), which frames like a condemning one. */
    private void add(String issue, boolean contrary, List<String> terms, StanceAnalyzer analyzer, Set<String> heads,
                     boolean condemned) {
        List<String> forms = new ArrayList<>();
        for (String term : terms) {
            forms.add(term);
            String other = genitiveAlternate(term);
            if (other != null && !terms.contains(other)) {
                forms.add(other);
            }
        }
        for (String term : forms) {
            List<String> stems = analyzer.stems(term);
            List<String> content = new ArrayList<>(stems.stream().filter(s -> !FUNCTION_WORDS.contains(s)).toList());
            if (content.isEmpty()) {
                content = stems;
            }
            if (content.isEmpty()) {
                continue;
            }
            if (heads != null) {
                content.stream().filter(c -> !TOPIC_HEADS.contains(c)).forEach(heads::add); // "this situation" is no reference
            }
            String word = content.size() == 1 ? analyzer.tokens(term, 0, term.length()).stream()
                    .filter(t -> !FUNCTION_WORDS.contains(t.stem())).map(StanceAnalyzer.Token::lower).findFirst().orElse(term)
                    : null;
            boolean framing = heads == null && (condemned || condemning(term, analyzer));
            boolean topic = heads != null && !contrary && content.size() > 1
                    && (TOPIC_HEADS.contains(content.get(0)) || TOPIC_HEADS.contains(content.get(content.size() - 1)));
            byFirstStem.computeIfAbsent(content.get(0), k -> new ArrayList<>())
                    .add(new Pattern(issue, contrary, content, word, framing, topic));
        }
    }

    private static final java.util.regex.Pattern OF_FORM = java.util.regex.Pattern.compile("(\\S+(?: \\S+)?) of (?:the )?(\\S+(?: \\S+)?)");
    private static final java.util.regex.Pattern POSSESSIVE_FORM = java.util.regex.Pattern.compile("(\\S+(?: \\S+)?)['’]s (\\S+(?: \\S+)?)");

    /**
     * The other form of an English genitive: "status of X" for "X's status" and the reverse, so
     * that "X's political status" is found for the term "status of X". Short terms only (two
     * words on each side), where the alternation keeps the meaning.
     */
    static String genitiveAlternate(String term) {
        java.util.regex.Matcher m = OF_FORM.matcher(term);
        if (m.matches()) {
            return m.group(2) + "'s " + m.group(1);
        }
        m = POSSESSIVE_FORM.matcher(term);
        if (m.matches()) {
            return m.group(2) + " of " + m.group(1);
        }
        return null;
    }

    /** The issue's term words, for references back ("this declaration"). */
    public Set<String> termStems(String issue) {
        return termStems.getOrDefault(issue, Set.of());
    }

    /** Every term found in the sentence; overlapping matches of one issue and side are joined. */
    public List<Match> find(String text, List<Token> tokens) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<Pattern> candidates = byFirstStem.get(tokens.get(i).stem());
            if (candidates == null) {
                continue;
            }
            for (Pattern p : candidates) {
                if (p.stems().size() == 1 && !StanceAnalyzer.inflectionOf(tokens.get(i).lower(), p.word())) {
                    continue; // one word alone must be the word itself, inflected: "sovereign" is not "sovereignization"
                }
                int last = matchFrom(text, tokens, i, p.stems());
                if (last >= 0) {
                    boolean contrary = p.contrary() || againstGovernment.contains(p.issue()) && namesGovernment(text, tokens, i, last);
                    add(out, new Match(p.issue(), contrary, i, last, p.framing(), p.topic() && !contrary));
                }
            }
        }
        return out;
    }

    /** "the X regime", "X's Government", "President X": the words at [first, last] name a government or its leader. */
    private static boolean namesGovernment(String text, List<Token> tokens, int first, int last) {
        boolean after = last + 1 < tokens.size() && TermOrientation.GOVERNMENT.contains(tokens.get(last + 1).stem())
                && !breaks(text, tokens.get(last), tokens.get(last + 1));
        boolean before = first > 0 && LEADER_TITLES.contains(tokens.get(first - 1).stem())
                && !breaks(text, tokens.get(first - 1), tokens.get(first));
        // "the regime of X", "the Government of X's Y"
        for (int i = first - 1; i >= Math.max(1, first - 3) && !breaks(text, tokens.get(i), tokens.get(i + 1)); i--) {
            if (tokens.get(i).lower().equals("of") && TermOrientation.GOVERNMENT.contains(tokens.get(i - 1).stem())) {
                return true;
            }
        }
        return after || before;
    }

    private static int matchFrom(String text, List<Token> tokens, int first, List<String> stems) {
        int at = first;
        for (int k = 1; k < stems.size(); k++) {
            int found = -1;
            for (int j = at + 1; j < tokens.size() && j - at - 1 <= MAX_GAP; j++) {
                boolean next = tokens.get(j).stem().equals(stems.get(k));
                // punctuation ends a term, except a comma before an apposition: "independence of our province, Kosovo"
                if (breaks(text, tokens.get(j - 1), tokens.get(j)) && !(next && commaOnly(text, tokens.get(j - 1), tokens.get(j)))) {
                    break;
                }
                if (next) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            at = found;
        }
        return at;
    }

    static boolean commaOnly(String text, Token a, Token b) {
        return text.substring(a.end(), b.start()).strip().equals(",");
    }

    /** Punctuation between two words that a term cannot span. */
    static boolean breaks(String text, Token a, Token b) {
        for (int c = a.end(); c < b.start(); c++) {
            char ch = text.charAt(c);
            if (ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '.') {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Match> out, Match m) {
        for (int i = 0; i < out.size(); i++) {
            Match o = out.get(i);
            // the longer term wins: "death penalty" inside "abolition of the death penalty" is not a mention of its own
            if (o.issue().equals(m.issue()) && o.first() <= m.first() && m.last() <= o.last() && o.contrary() != m.contrary()) {
                return;
            }
            if (o.issue().equals(m.issue()) && m.first() <= o.first() && o.last() <= m.last() && o.contrary() != m.contrary()) {
                out.set(i, m);
                return;
            }
            if (o.issue().equals(m.issue()) && o.contrary() == m.contrary() && m.first() <= o.last() && o.first() <= m.last()) {
                out.set(i, new Match(o.issue(), o.contrary(), Math.min(o.first(), m.first()), Math.max(o.last(), m.last()),
                        o.framing() || m.framing(), o.topic() && m.topic()));
                return;
            }
        }
        out.add(m);
    }
}
