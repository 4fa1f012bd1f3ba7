package org.demarche.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.model.OffsetMap;

/**
 * Separates the two columns of a text that an extractor read across the page as one (see
 * {@link ColumnDetector}) and rejoins them in reading order, as a reader would.
 *
 * <ol>
 *   <li>Each line is split where one column's line ends and the other's begins (or left whole):
 *       at a word glued to the next column's ("butThe", "ofproposal", "thorities.Foreign") or at a
 *       space, the two parts weighed by how near each is to the column's width and by whether the
 *       words across the cut read as one phrase.</li>
 *   <li>The parts are dealt to two columns, line after line (Viterbi over the choices, a beam of
 *       200), each part scored by how it goes on from the column's last one: a hyphenated word
 *       completed, a sentence going on in lower case, a turn marker ("EIR:", "Mizin:") after a full
 *       stop, how often the two words meet in English ({@link BigramModel}). The order in which the
 *       extractor put the two columns on a line is a habit of the document: it is learnt from a
 *       first pass and then held to.</li>
 *   <li>The columns are cut where one ends and another takes its place, and the pieces put in
 *       reading order: the piece nothing leads into (a heading, the first line) first, then each
 *       piece after the sentence it completes.</li>
 * </ol>
 *
 * The repaired text keeps every character of the original's lines, in a new order (a line-end
 * hyphen inside a known word dropped), and maps each one back to its place in the original.
 * Written by hand: no maintained library repairs interleaved columns in extracted text.
 */
final class ColumnRepair {

    /** @param pieces how many runs of one column the text was rejoined from */
    record Result(String text, OffsetMap toOriginal, int lines, int splitLines, int pieces) {}

    /**
     * A stretch of one line: [start, end) in the original text, trimmed, with what the scores ask
     * of it worked out once (the search asks millions of times).
     */
    private static final class Part {
        final int line;
        final int start;
        final int end;
        final String text;
        final boolean ends;
        final boolean titleish;
        final boolean openHyphen;
        final boolean abbreviation;
        final String firstWord;
        final String lastWord;

        Part(int line, int start, int end, String text) {
            this.line = line;
            this.start = start;
            this.end = end;
            this.text = text;
            this.abbreviation = ABBREVIATION.matcher(text).find();
            this.ends = END.matcher(text).find() && !abbreviation;
            this.titleish = ColumnRepair.titleish(text);
            this.openHyphen = OPEN_HYPHEN.matcher(text).find();
            this.firstWord = ColumnRepair.firstWord(text);
            this.lastWord = ColumnRepair.lastWord(text);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Part p && p.line == line && p.start == start && p.end == end;
        }

        @Override
        public int hashCode() {
            return (line * 31 + start) * 31 + end;
        }
    }

    /** Each part's turn marker, worked out once. */
    private final Map<Part, String> turnOf = new HashMap<>();

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:['’][A-Za-z]+)?");
    private static final Pattern TITLE_WORD = Pattern.compile("[A-Za-z][A-Za-z’'-]*");
    private static final Pattern END = Pattern.compile("(?:[.?!:]|\\. \\. \\.)[\"”’)]?$");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "\\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|St|Jr|Sr|Mt|Gov|Col|Lt|Sgt|Capt|Adm|Rev)\\.$");
    private static final Pattern LABEL = Pattern.compile("(?m)(?:^|(?<=[\\s”\"]))([A-Z][A-Za-z.]{1,20}):\\s");
    private static final Pattern LABEL_AT_START = Pattern.compile("^([A-Z][A-Za-z.]{1,20}): ");
    private static final Pattern GLUED_CAPITAL = Pattern.compile("[a-z,.;:!?”’)](?=[A-Z“(\\[])");
    private static final Pattern GLUED_PUNCTUATION = Pattern.compile("[,;:!?”’)]|(?<![A-Z])\\.");
    private static final Pattern INNER_HYPHEN = Pattern.compile("(?<=[A-Za-z])-(?=[A-Za-z])");
    private static final Pattern OPEN_HYPHEN = Pattern.compile("[A-Za-z]-$");
    private static final Set<String> SUFFIXES = Set.of("tion", "tions", "sion", "ment", "ments", "ness", "ing", "ed",
            "ly", "ity", "ance", "ence", "ous", "ive", "al", "ate", "ated", "ation");
    /** States kept a line: 200 up to 500 lines, fewer for longer texts (at least 40), so time stays near linear. */
    private static final int BEAM = 200;
    private static final int MIN_BEAM = 40;
    /** Longer texts are left as they are (with their warning): a minute or more of search for one file. */
    static final int MAX_LINES = 20_000;
    private static final int CANDIDATES = 10;
    /** A column that ends and another that takes its place costs no more than this. */
    private static final double BREAK = -1.5;

    private final String original;
    private final BigramModel lm;
    private final List<Part> lines = new ArrayList<>();
    private final Set<String> labels = new HashSet<>();
    private final int width;
    private final int beam;
    private double mu;
    private double sd;

    private ColumnRepair(String original, int width, BigramModel lm) {
        this.original = original;
        this.width = width;
        this.lm = lm;
        int lineNo = 0;
        for (int at = 0; at <= original.length(); lineNo++) {
            int nl = original.indexOf('\n', at);
            Part line = span(lineNo, at, nl < 0 ? original.length() : nl);
            if (line != null) {
                lines.add(line);
            }
            if (nl < 0) {
                break;
            }
            at = nl + 1;
        }
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = LABEL.matcher(original);
        while (m.find()) {
            seen.merge(m.group(1), 1, Integer::sum);
        }
        seen.forEach((k, v) -> {
            if (v >= 3) {
                labels.add(k);
            }
        });
        List<Integer> singles = new ArrayList<>();
        for (Part p : lines) {
            int len = p.text.length();
            if (len <= 1.15 * width && len >= 0.75 * width && !END.matcher(p.text).find()) {
                singles.add(len);
            }
        }
        calibrate(singles, width);
        beam = Math.max(MIN_BEAM, Math.min(BEAM, BEAM * 500 / Math.max(1, lines.size())));
    }

    /**
     * The repaired text of an interleaved text whose column width the detector found. Time grows
     * with the number of lines: about 30 ms a line up to 500 lines, the beam narrowing after that.
     */
    static Result repair(String original, int width) {
        return new ColumnRepair(original, width, BigramModel.english()).run();
    }

    private Result run() {
        List<Step> path = viterbi(0);
        // the column width from the first pass's full lines, then again
        List<Integer> full = new ArrayList<>();
        for (Step s : path) {
            for (Part p : s.parts) {
                if (!p.ends && p.text.length() >= 0.75 * width) {
                    full.add(p.text.length());
                }
            }
        }
        if (full.size() >= 10) {
            calibrate(full, width);
            path = viterbi(0);
        }
        // how the extractor ordered the two columns on a line is a habit of the document: learn it, hold to it
        double prior = 0;
        for (int i = 0; i < 3; i++) {
            double joins = joinRate(path);
            if (joins > 0.3 && joins < 0.7) {
                break;
            }
            double odds = Math.min(3, Math.abs(Math.log(Math.max(joins, 0.02) / Math.max(1 - joins, 0.02))));
            double p = joins >= 0.7 ? odds : -odds;
            if (Math.abs(p - prior) < 0.2) {
                break;
            }
            prior = p;
            path = viterbi(prior);
        }
        List<List<Part>> pieces = order(pieces(path));
        return join(pieces, path);
    }

    private void calibrate(List<Integer> lengths, int fallback) {
        if (lengths.isEmpty()) {
            mu = fallback;
            sd = 4;
            return;
        }
        List<Integer> sorted = new ArrayList<>(lengths);
        Collections.sort(sorted);
        mu = sorted.get(sorted.size() / 2);
        double var = 0;
        for (int x : sorted) {
            var += (x - mu) * (x - mu);
        }
        sd = Math.max(2, Math.sqrt(var / sorted.size()));
    }

    // ---- what a reader weighs ----

    private static boolean titleish(String f) {
        Matcher m = TITLE_WORD.matcher(f);
        int n = 0;
        int capitals = 0;
        while (m.find()) {
            n++;
            if (Character.isUpperCase(m.group().charAt(0))) {
                capitals++;
            }
        }
        return n >= 2 && n <= 8 && capitals >= 0.6 * n;
    }

    /** The turn marker a part starts with ("EIR", "Mizin"), or null. */
    private String labelOf(Part p) {
        String turn = turnOf.computeIfAbsent(p, k -> {
            Matcher m = LABEL_AT_START.matcher(k.text);
            return m.find() && labels.contains(m.group(1)) ? m.group(1) : "";
        });
        return turn.isEmpty() ? null : turn;
    }

    /**
     * Part n in a column whose last turn was {@code turn}'s: in an interview the turns alternate,
     * so the same speaker twice running is unlikely. Breaks ties that line lengths and words leave.
     */
    private double turnScore(String turn, Part n) {
        String l = labelOf(n);
        if (l == null || turn == null) {
            return 0;
        }
        return l.equals(turn) ? -1 : 0.3;
    }

    private static String firstWord(String s) {
        Matcher m = WORD.matcher(s);
        return m.find() ? m.group().toLowerCase().replace('’', '\'') : "";
    }

    private static String lastWord(String s) {
        Matcher m = WORD.matcher(s);
        String last = "";
        while (m.find()) {
            last = m.group();
        }
        return last.toLowerCase().replace('’', '\'');
    }

    /** How likely a column's line of this length is: full lines are near the column's width. */
    private double lengthScore(Part f) {
        int len = f.text.length();
        if (len > mu + 4 * sd) {
            return -12;
        }
        double g = -0.5 * Math.pow((len - mu) / sd, 2);
        if (f.ends) {
            return Math.max(g, -0.8); // a paragraph's last line
        }
        if (f.titleish) {
            return Math.max(g, -2);
        }
        if (f.text.indexOf(',') < 0 && f.text.indexOf(';') < 0) {
            return Math.max(g, -3); // a heading's line, or a line cut short
        }
        return Math.max(g, -6);
    }

    /** How well part n goes on from part p in the same column (p null: n opens the column). */
    private double cont(Part p, Part n) {
        if (p == null) {
            return n.titleish && !n.ends ? 1 : 0; // a heading opens a column
        }
        char c0 = n.text.charAt(0);
        boolean lower = Character.isLowerCase(c0);
        if (p.openHyphen) {
            if (rejoins(p, n)) {
                return 5; // "stipu-" + "lates"
            }
            return lower ? 3 : -0.5;
        }
        if (p.text.endsWith("—")) {
            return 1 + 0.3 * lm.pmi(p.lastWord, n.firstWord);
        }
        if (p.abbreviation) {
            return Character.isUpperCase(c0) ? 2 : -1; // "Mr." is followed by a name
        }
        int pl = p.text.length();
        int nl = n.text.length();
        if (pl < 0.75 * mu && lower && nl >= 0.85 * mu) {
            return -1; // a short line left open is a heading's: body text does not go on from it mid-sentence
        }
        if (pl >= 0.85 * mu && nl < 0.75 * mu && !n.ends) {
            return -1; // nor does a sentence of body text stop short without its full stop
        }
        if (p.titleish && !p.ends) { // a heading goes on over its next line, or a paragraph starts
            return 0.5 * lm.pmi(p.lastWord, n.firstWord) + (lower ? 0.5 : 0.3);
        }
        boolean turn = labelOf(n) != null;
        if (p.ends) {
            double s = lower ? -3 : (n.titleish && !n.ends ? 0 : 0.8);
            return turn ? s + 0.7 : s;
        }
        if (turn) {
            return -3; // a turn starts after a full stop, not mid-sentence
        }
        return 0.5 * lm.pmi(p.lastWord, n.firstWord) + (lower ? 0.3 : 0);
    }

    /** "stipu-" + "lates", "Kouch-" + "ner’s": a word cut at the line's end whose halves make a known word. */
    private boolean rejoins(Part p, Part n) {
        String w = p.lastWord + n.firstWord;
        return lm.known(w) || w.endsWith("'s") && lm.known(w.substring(0, w.length() - 2));
    }

    private double ce(Part p, Part n) {
        return Math.max(cont(p, n), BREAK);
    }

    /** Where the line may be cut, and how strongly a glued word says so. */
    private Map<Integer, Double> gluePoints(String l) {
        Map<Integer, Double> pts = new HashMap<>();
        Matcher m = GLUED_CAPITAL.matcher(l);
        while (m.find()) {
            pts.put(m.end(), 3.0);
        }
        m = GLUED_PUNCTUATION.matcher(l);
        while (m.find()) {
            int e = m.end();
            if (e < l.length() && Character.isLetterOrDigit(l.charAt(e)) && !(m.group().equals(".") && Character.isDigit(l.charAt(e)))) {
                pts.merge(e, 3.0, Math::max);
            }
        }
        m = INNER_HYPHEN.matcher(l);
        while (m.find()) {
            String left = lastWord(l.substring(0, m.start()));
            String rightText = l.substring(m.end());
            String right = firstWord(rightText);
            if (!left.isEmpty() && !right.isEmpty() && !lm.known(left + right)) {
                pts.merge(m.end(), Character.isUpperCase(rightText.charAt(0)) ? 0.5 : 1.5, Math::max);
            }
        }
        m = WORD.matcher(l);
        while (m.find()) {
            String t = m.group().toLowerCase();
            if (lm.known(t) || t.length() < 4) {
                continue;
            }
            for (int k = 1; k < t.length(); k++) {
                String a = t.substring(0, k);
                String b = t.substring(k);
                boolean first = a.length() >= 2 && lm.count(a) > 200 || a.equals("a") || a.equals("i");
                boolean second = !SUFFIXES.contains(b) && (b.length() >= 3 && lm.count(b) > 50 || b.length() == 2 && lm.count(b) > 20000);
                if (first && second) {
                    pts.merge(m.start() + k, 2.0, Math::max); // "ofproposal", "butin"
                }
            }
        }
        return pts;
    }

    /** A line's readings: whole, or cut in two; the best few. */
    private List<Reading> readings(Part line) {
        String l = line.text;
        List<Reading> out = new ArrayList<>();
        if (l.length() <= 1.15 * width) {
            out.add(new Reading(List.of(line), lengthScore(line)));
        }
        Map<Integer, Double> glue = gluePoints(l);
        for (int p = 2; p < l.length() - 1; p++) {
            Double g = glue.get(p);
            if (g == null && l.charAt(p) != ' ') {
                continue;
            }
            Part a = part(line, 0, p);
            Part b = part(line, p, l.length());
            if (a == null || b == null) {
                continue;
            }
            double s = lengthScore(a) + lengthScore(b) - 1;
            if (g != null) {
                s += g;
            } else {
                s -= 0.6 * Math.max(-2, lm.pmi(a.lastWord, b.firstWord)); // a natural phrase is no seam
                if (labelOf(b) != null) {
                    s += 2; // a turn marker mid-line starts the other column's paragraph
                }
            }
            out.add(new Reading(List.of(a, b), s));
        }
        out.sort((x, y) -> Double.compare(y.score, x.score));
        return out.size() > CANDIDATES ? out.subList(0, CANDIDATES) : out;
    }

    /** [from, to) of the line, trimmed; null if empty. */
    private Part part(Part line, int from, int to) {
        return span(line.line, line.start + from, line.start + to);
    }

    /** The original's [from, to), trimmed, as a part of the given line; null if only white space. */
    private Part span(int line, int from, int to) {
        while (from < to && Character.isWhitespace(original.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(original.charAt(to - 1))) {
            to--;
        }
        return to > from ? new Part(line, from, to, original.substring(from, to)) : null;
    }

    private record Reading(List<Part> parts, double score) {}

    /** One line's choice: its parts, each dealt to a column (0 or 1). */
    private record Step(List<Part> parts, int[] columns) {}

    private record Key(Part last0, Part last1, int endColumn, String turn0, String turn1) {}

    private static final class State {
        final Part last0;
        final Part last1;
        final int endColumn;
        /** the last turn marker seen in each column */
        final String turn0;
        final String turn1;
        final double score;
        final State before;
        final Step step;

        State(Part last0, Part last1, int endColumn, String turn0, String turn1, double score, State before, Step step) {
            this.last0 = last0;
            this.last1 = last1;
            this.endColumn = endColumn;
            this.turn0 = turn0;
            this.turn1 = turn1;
            this.score = score;
            this.before = before;
            this.step = step;
        }

        Key key() {
            return new Key(last0, last1, endColumn, turn0, turn1);
        }
    }

    /**
     * The best dealing of every line's parts to the two columns.
     * @param prior above 0: a line's first part usually continues the column of the line before's
     *              last part; below 0: usually not (held only between lines that both hold two parts)
     */
    private List<Step> viterbi(double prior) {
        Map<Key, State> states = new HashMap<>();
        State first = new State(null, null, -1, null, null, 0, null, null);
        states.put(first.key(), first);
        for (Part line : lines) {
            List<Reading> readings = readings(line);
            Map<Key, State> next = new HashMap<>();
            for (State st : states.values()) {
                for (Reading r : readings) {
                    if (r.parts.size() == 1) {
                        Part a = r.parts.get(0);
                        for (int c = 0; c < 2; c++) {
                            double d = r.score + ce(c == 0 ? st.last0 : st.last1, a) + turnScore(c == 0 ? st.turn0 : st.turn1, a);
                            offer(next, st, c == 0 ? a : st.last0, c == 1 ? a : st.last1, -1, d,
                                    new Step(r.parts, new int[] {c}));
                        }
                    } else {
                        Part a = r.parts.get(0);
                        Part b = r.parts.get(1);
                        for (int ca = 0; ca < 2; ca++) {
                            int cb = 1 - ca;
                            double d = r.score + ce(ca == 0 ? st.last0 : st.last1, a) + ce(cb == 0 ? st.last0 : st.last1, b)
                                    + turnScore(ca == 0 ? st.turn0 : st.turn1, a) + turnScore(cb == 0 ? st.turn0 : st.turn1, b);
                            if (st.endColumn >= 0 && prior != 0 && ((ca == st.endColumn) != (prior > 0))) {
                                d -= Math.abs(prior);
                            }
                            offer(next, st, ca == 0 ? a : b, ca == 0 ? b : a, cb, d, new Step(r.parts, new int[] {ca, cb}));
                        }
                    }
                }
            }
            List<State> kept = new ArrayList<>(next.values());
            kept.sort((x, y) -> Double.compare(y.score, x.score));
            states = new HashMap<>();
            for (State s : kept.subList(0, Math.min(beam, kept.size()))) {
                states.put(s.key(), s);
            }
        }
        State best = null;
        for (State s : states.values()) {
            if (best == null || s.score > best.score) {
                best = s;
            }
        }
        List<Step> path = new ArrayList<>();
        for (State s = best; s != null && s.step != null; s = s.before) {
            path.add(s.step);
        }
        Collections.reverse(path);
        return path;
    }

    private void offer(Map<Key, State> next, State from, Part last0, Part last1, int endColumn, double d, Step step) {
        String turn0 = from.turn0;
        String turn1 = from.turn1;
        for (int i = 0; i < step.parts.size(); i++) {
            String l = labelOf(step.parts.get(i));
            if (l != null) {
                if (step.columns[i] == 0) {
                    turn0 = l;
                } else {
                    turn1 = l;
                }
            }
        }
        State candidate = new State(last0, last1, endColumn, turn0, turn1, from.score + d, from, step);
        State old = next.get(candidate.key());
        if (old == null || old.score < candidate.score) {
            next.put(candidate.key(), candidate);
        }
    }

    private static double joinRate(List<Step> path) {
        int pairs = 0;
        int joins = 0;
        for (int i = 1; i < path.size(); i++) {
            Step a = path.get(i - 1);
            Step b = path.get(i);
            if (a.parts.size() == 2 && b.parts.size() == 2) {
                pairs++;
                if (a.columns[1] == b.columns[0]) {
                    joins++;
                }
            }
        }
        return pairs == 0 ? 0.5 : (double) joins / pairs;
    }

    // ---- from two columns to reading order ----

    /** The two columns, cut where one column gave way to another. */
    private List<List<Part>> pieces(List<Step> path) {
        List<List<Part>> columns = List.of(new ArrayList<>(), new ArrayList<>());
        for (Step s : path) {
            for (int i = 0; i < s.parts.size(); i++) {
                columns.get(s.columns[i]).add(s.parts.get(i));
            }
        }
        List<List<Part>> pieces = new ArrayList<>();
        for (List<Part> column : columns) {
            List<Part> cur = new ArrayList<>();
            for (Part p : column) {
                if (!cur.isEmpty() && cont(cur.get(cur.size() - 1), p) <= BREAK) {
                    pieces.add(cur);
                    cur = new ArrayList<>();
                }
                cur.add(p);
            }
            if (!cur.isEmpty()) {
                pieces.add(cur);
            }
        }
        return pieces;
    }

    /**
     * The pieces in reading order. The text starts with the piece nothing else leads into (a
     * heading, the top line); each other piece's first line goes on from a sentence left open
     * elsewhere, which is cut there if the link is clearly better than the one it had; a piece
     * whose own end leads into its start (a last column continuing the one before) is turned round.
     */
    private List<List<Part>> order(List<List<Part>> pieces) {
        if (pieces.size() < 2) {
            return pieces;
        }
        int firstLine = Integer.MAX_VALUE;
        for (List<Part> g : pieces) {
            firstLine = Math.min(firstLine, g.get(0).line);
        }
        Part start = null;
        double startScore = Double.MAX_VALUE;
        for (List<Part> g : pieces) {
            Part z = g.get(0);
            double in = -9;
            for (List<Part> h : pieces) {
                if (h != g) {
                    for (Part x : h) {
                        in = Math.max(in, cont(x, z));
                    }
                }
            }
            if (z.titleish) {
                in -= 2;
            }
            if (z.line == firstLine && lineOf(z).text.startsWith(z.text)) {
                in -= 1; // the top line's left part
            }
            if (in < startScore || (in == startScore && z.line < start.line)) {
                startScore = in;
                start = z;
            }
        }
        List<Part> pending = new ArrayList<>();
        for (List<Part> g : pieces) {
            if (g.get(0) != start) {
                pending.add(g.get(0));
            }
        }
        Set<Part> mayCut = new HashSet<>(pending);
        for (int round = 0; round < 30 && !pending.isEmpty(); round++) {
            Part z = pending.remove(0);
            List<Part> zs = pieceStartingWith(pieces, z);
            if (zs == null) {
                continue;
            }
            double bestGain = Double.NEGATIVE_INFINITY;
            List<Part> bestPiece = null;
            int bestAt = -1;
            for (List<Part> h : pieces) {
                if (h == zs) {
                    continue;
                }
                for (int k = 0; k < h.size(); k++) {
                    Part succ = k + 1 < h.size() ? h.get(k + 1) : null;
                    if (succ != null && !mayCut.contains(z)) {
                        continue;
                    }
                    double gain = cont(h.get(k), z) - (succ != null ? cont(h.get(k), succ) : 0);
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestPiece = h;
                        bestAt = k;
                    }
                }
            }
            if (bestPiece == null || bestGain < 1) {
                continue;
            }
            List<Part> head = new ArrayList<>(bestPiece.subList(0, bestAt + 1));
            List<Part> tail = new ArrayList<>(bestPiece.subList(bestAt + 1, bestPiece.size()));
            head.addAll(zs);
            pieces.remove(bestPiece);
            pieces.remove(zs);
            pieces.add(head);
            if (!tail.isEmpty()) {
                pieces.add(tail);
                pending.add(tail.get(0));
            }
        }
        for (int n = 0; n < pieces.size(); n++) {
            List<Part> g = pieces.get(n);
            Part first = g.get(0);
            Part last = g.get(g.size() - 1);
            if (first == start || g.size() < 3) {
                continue;
            }
            if (cont(last, first) < 1 && (last.ends || !Character.isLowerCase(first.text.charAt(0)))) {
                continue;
            }
            int cut = -1;
            int gap = -1;
            for (int k = 0; k + 1 < g.size(); k++) {
                int pause = g.get(k + 1).line - g.get(k).line;
                if (g.get(k).ends && !Character.isLowerCase(g.get(k + 1).text.charAt(0)) && pause >= gap) {
                    gap = pause;
                    cut = k;
                }
            }
            if (cut >= 0) {
                List<Part> turned = new ArrayList<>(g.subList(cut + 1, g.size()));
                turned.addAll(g.subList(0, cut + 1));
                pieces.set(n, turned);
            }
        }
        List<List<Part>> ordered = new ArrayList<>();
        List<List<Part>> rest = new ArrayList<>(pieces);
        for (List<Part> g : rest) {
            if (g.get(0) == start) {
                ordered.add(g);
                rest.remove(g);
                break;
            }
        }
        while (!rest.isEmpty()) {
            Part end = ordered.get(ordered.size() - 1).get(ordered.get(ordered.size() - 1).size() - 1);
            List<Part> best = null;
            double bestLink = Double.NEGATIVE_INFINITY;
            for (List<Part> g : rest) {
                double l = cont(end, g.get(0));
                if (l > bestLink || (l == bestLink && g.get(0).line < best.get(0).line)) {
                    bestLink = l;
                    best = g;
                }
            }
            ordered.add(best);
            rest.remove(best);
        }
        return ordered;
    }

    private static List<Part> pieceStartingWith(List<List<Part>> pieces, Part z) {
        for (List<Part> g : pieces) {
            if (g.get(0) == z) {
                return g;
            }
        }
        return null;
    }

    private Part lineOf(Part p) {
        for (Part l : lines) {
            if (l.line == p.line) {
                return l;
            }
        }
        return p;
    }

    /** The text in reading order, a blank line between pieces, every character mapped to the original. */
    private Result join(List<List<Part>> pieces, List<Step> path) {
        StringBuilder out = new StringBuilder(original.length());
        OffsetMap.Builder map = new OffsetMap.Builder();
        for (List<Part> g : pieces) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            Part prev = null;
            for (Part p : g) {
                if (prev != null) {
                    if (prev.openHyphen && rejoins(prev, p)) {
                        out.setLength(out.length() - 1); // "stipu-" + "lates": the line-end hyphen goes
                    } else if (!prev.text.endsWith("—")) {
                        out.append(' ');
                    }
                }
                // a dropped hyphen was the piece's last character: the map keeps the rest of it
                map.add(out.length(), p.start, p.end - p.start);
                out.append(p.text);
                prev = p;
            }
        }
        int split = 0;
        for (Step s : path) {
            if (s.parts.size() == 2) {
                split++;
            }
        }
        return new Result(out.toString() + "\n", map.build(), lines.size(), split, pieces.size());
    }
}
