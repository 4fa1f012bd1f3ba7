package org.demarche.stance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.stance.IssueMatcher.Match;
import org.demarche.stance.StanceAnalyzer.Sentence;

/**
 * Which side of its issue a codebook term names, read from the issue's own label and
 * description with the stance machinery. Many terms name what the issue is for ("the
 * Transitional Council as the legitimate authority"), but some name what it is against: an
 * issue "condemnation of the Government's repression" lists "the Government" as a term, and
 * "a moratorium on the death penalty" lists "death penalty". Condemning such a term supports
 * the issue; this reads that from the description, so nothing is keyed to any issue. A term
 * the description does not evaluate (or mentions in its sentence on the contrary position)
 * keeps its plain side.
 */
final class TermOrientation {

    /** Where a codebook's sentence on the other side says that it is the other side. */
    private static final Pattern OTHER_SIDE = Pattern.compile(
            "\\s+(?:is|are)\\s+(?:the\\s+)?(?:OPPOSE|contrary)");
    /** How clearly the description must speak against a term to turn it. */
    private static final double CLEAR = 0.5;

    /** Words that name a state's government, whichever its speakers prefer. */
    static final Set<String> GOVERNMENT = Set.of("govern", "regim", "author", "administr", "leadership");

    private TermOrientation() {}

    /** Whether an adversary of the issue is a government ("the X regime"): then the words that name it in a text are too. */
    static boolean governmentAdversary(Set<String> adversaries, String issue, StanceAnalyzer analyzer) {
        for (String a : adversaries) {
            if (a.startsWith(issue + "\u0001")) {
                List<String> stems = analyzer.stems(a.substring(issue.length() + 1));
                if (!stems.isEmpty() && GOVERNMENT.contains(stems.get(stems.size() - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "Al-X" or "Colonel X" for "X": the longer term ends with the shorter one after at most two
     * words that are neither function words nor cues ("moratorium on X" names something else).
     */
    static boolean longerName(List<String> name, List<String> longer, CueLexicon cues) {
        int extra = longer.size() - name.size();
        if (extra < 1 || extra > 2 || !longer.subList(extra, longer.size()).equals(name)) {
            return false;
        }
        for (String stem : longer.subList(0, extra)) {
            if (IssueMatcher.FUNCTION_WORDS.contains(stem) || cues.isCue(stem)) {
                return false;
            }
        }
        return true;
    }

    /** "Syrian Government" and "Syrian regime": the same words but for a government word at the end of each. */
    static boolean sameGovernment(List<String> a, List<String> b) {
        return a.size() == b.size() && a.size() >= 2 && GOVERNMENT.contains(a.get(a.size() - 1))
                && GOVERNMENT.contains(b.get(b.size() - 1)) && a.subList(0, a.size() - 1).equals(b.subList(0, b.size() - 1));
    }

    /**
     * The contrary terms the other side speaks against, as "issue\u0002term": in "Defending the Government against
     * 'armed groups' is OPPOSE" the other side condemns the armed groups, so a speaker who deplores "the armed groups
     * in X" takes the other side, like one who condemns "the aggression against X". A term is found by its words
     * before the first preposition ("armed groups" for "armed groups in X").
     */
    private static void condemnedByContrarySide(Codebook.Issue issue, String text, Sentence s, StanceAnalyzer analyzer,
                                                DependencyScope scope, Set<String> out) {
        List<Codebook.Issue> heads = new ArrayList<>();
        for (int k = 0; k < issue.contraryTerms().size(); k++) {
            String head = issue.contraryTerms().get(k).split("\\s+(?i:of|in|against|on|for|to|by|with|from|at|over)\\s+")[0];
            heads.add(new Codebook.Issue("c" + k, null, null, List.of(head), List.of(), 0));
        }
        // only what the other side holds: the sentence without its "… is OPPOSE" (whose verb reads as opposing)
        String sentence = text.substring(s.start(), s.end());
        Matcher verdict = OTHER_SIDE.matcher(sentence);
        int end = verdict.find() ? s.start() + verdict.start() : s.end();
        List<StanceAnalyzer.Token> tokens = analyzer.tokens(text, s.start(), end);
        List<Match> found = new IssueMatcher(new Codebook(heads), analyzer).find(text, tokens);
        if (found.isEmpty()) {
            return;
        }
        DependencyScope.Parse parse = scope.parse(text, s.start(), end, false);
        for (Match m : found) {
            boolean against = m.first() > 0 && tokens.get(m.first() - 1).lower().equals("against");
            if (against || parse.define(tokens.get(m.first()).start(), tokens.get(m.last()).end()) <= -CLEAR) {
                out.add(issue.id() + "\u0002" + issue.contraryTerms().get(Integer.parseInt(m.issue().substring(1))));
            }
        }
    }

    /**
     * The terms (as "issue\u0001term") that name what their issue is against, and the contrary terms that the other
     * side speaks against (as "issue\u0002term", {@link #condemnedByContrarySide}).
     */
    static Set<String> adversaries(Codebook codebook, StanceAnalyzer analyzer, CueLexicon cues, DependencyScope scope) {
        Set<String> out = new HashSet<>();
        for (Codebook.Issue issue : codebook.issues()) {
            String text = (issue.label() == null ? "" : issue.label() + ". ") + (issue.description() == null ? "" : issue.description());
            if (text.isBlank()) {
                continue;
            }
            // each term as its own issue, to find where the description names it
            List<Codebook.Issue> single = new ArrayList<>();
            for (int k = 0; k < issue.terms().size(); k++) {
                single.add(new Codebook.Issue("t" + k, null, null, List.of(issue.terms().get(k)), List.of(), 0));
            }
            IssueMatcher matcher = new IssueMatcher(new Codebook(single), analyzer);
            double[] lean = new double[issue.terms().size()];
            for (Sentence s : analyzer.sentences(text, 0, text.length())) {
                String words = text.substring(s.start(), s.end());
                if (words.contains("OPPOSE") || words.toLowerCase(java.util.Locale.ROOT).contains("contrary")) {
                    condemnedByContrarySide(issue, text, s, analyzer, scope, out);
                    continue; // the sentence that says what the other side holds
                }
                List<Match> found = matcher.find(text, s.tokens());
                if (found.isEmpty()) {
                    continue;
                }
                DependencyScope.Parse parse = scope.parse(text, s.start(), s.end(), false);
                for (Match m : found) {
                    int k = Integer.parseInt(m.issue().substring(1));
                    lean[k] += parse.define(s.tokens().get(m.first()).start(), s.tokens().get(m.last()).end());
                }
            }
            List<List<String>> stems = issue.terms().stream().map(analyzer::stems).toList();
            for (int k = 0; k < lean.length; k++) {
                if (lean[k] <= -CLEAR) {
                    out.add(issue.id() + "\u0001" + issue.terms().get(k));
                    for (int j = 0; j < lean.length; j++) {
                        // the same state's government under another name ("the X regime", "the X authorities"),
                        // or the same name in a longer form ("Al-X" for "X", "Colonel X")
                        if (j != k && (sameGovernment(stems.get(k), stems.get(j)) || longerName(stems.get(k), stems.get(j), cues))) {
                            out.add(issue.id() + "\u0001" + issue.terms().get(j));
                        }
                    }
                }
            }
        }
        return out;
    }
}
