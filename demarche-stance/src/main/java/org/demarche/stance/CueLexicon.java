package org.demarche.stance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.demarche.stance.StanceAnalyzer.Token;

/**
 * The evaluative language that shows where a speaker stands (resource {@code cues.tsv}),
 * matched by stems, longest phrase first, with negation resolved: "we will never recognize"
 * is one cue leaning against. No library offers a stance lexicon with these roles for
 * English political language, so this small one is written by hand; it holds no topic words.
 */
public final class CueLexicon {

    /** What a cue does to what it stands next to (see cues.tsv). */
    public enum Kind { ATTITUDE, EVAL, HARM, NEUTRAL, NEGATOR, NEGVERB }

    /** A cue found in a sentence: tokens [first, last], signed weight after negation, the negator that turned it (or -1). */
    public record Cue(int first, int last, double weight, Kind kind, int negatorAt) {}

    private record Entry(List<String> stems, List<String> words, double weight, Kind kind) {}

    /** How many tokens a negator reaches forward ("will not be a source of instability": 5). */
    private static final int NEGATION_REACH = 5;
    private static final Set<String> NOT_A_NEGATION_BEFORE = Set.of("onli", "only", "least", "doubt");

    private final Map<String, List<Entry>> byFirstStem = new HashMap<>();

    public CueLexicon(StanceAnalyzer analyzer) {
        try (InputStream in = CueLexicon.class.getResourceAsStream("cues.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                List<Token> tokens = analyzer.tokens(f[0], 0, f[0].length());
                if (tokens.isEmpty()) {
                    continue;
                }
                List<String> stems = tokens.stream().map(Token::stem).toList();
                Entry e = new Entry(stems, tokens.stream().map(Token::lower).toList(), Double.parseDouble(f[1]),
                        Kind.valueOf(f[2].trim().toUpperCase()));
                byFirstStem.computeIfAbsent(stems.get(0), k -> new ArrayList<>()).add(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cue lexicon", e);
        }
        // longest first, so "in favour of" wins over "favour"
        byFirstStem.values().forEach(l -> l.sort((a, b) -> b.stems().size() - a.stems().size()));
    }

    /** The cues of one sentence, left to right, with negators applied to the cue they govern. */
    public List<Cue> find(List<Token> tokens) {
        List<Cue> out = new ArrayList<>();
        int negatorAt = -1;      // the last negator still waiting for a cue to turn around (its last word)
        int negatorFrom = -1;    // its first word
        double negverbWeight = 0; // its weight if it was a verb ("refrain"), which leans against on its own
        int othersAt = -1;        // the negator opens a relative clause about others ("those that have not …")
        for (int i = 0; i < tokens.size(); ) {
            if (negatorAt >= 0 && i - negatorAt > NEGATION_REACH) {
                standalone(out, negatorFrom, negatorAt, negverbWeight);
                negatorAt = -1;
            }
            Entry e = match(tokens, i);
            if (e == null) {
                i++;
                continue;
            }
            int last = i + e.stems().size() - 1;
            if (e.kind() == Kind.NEGATOR && tokens.get(i).lower().equals("without") && !out.isEmpty()) {
                Cue before = out.get(out.size() - 1);
                if (before.negatorAt() >= 0 && i == before.last() + 1) {
                    // "peace cannot be achieved without X": the negation before the cue and this one cancel
                    out.set(out.size() - 1, new Cue(before.first(), before.last(), -before.weight(), before.kind(), -1));
                    i = last + 1;
                    continue;
                }
            }
            if (e.kind() == Kind.NEGATOR || e.kind() == Kind.NEGVERB) {
                boolean notReally = last + 1 < tokens.size() && NOT_A_NEGATION_BEFORE.contains(tokens.get(last + 1).stem());
                if (!notReally && e.kind() == Kind.NEGVERB && negatorAt >= 0 && negverbWeight == 0 && i - negatorAt <= 3) {
                    // "will not refrain from recognizing X", "should not shy away from condemning X": two negations
                    // cancel (close together, in one clause: not "if the talks do not resume, we will refuse to …")
                    negatorAt = -1;
                    i = last + 1;
                    continue;
                }
                if (!notReally) {
                    if (negatorAt >= 0) {
                        standalone(out, negatorFrom, negatorAt, negverbWeight);
                    }
                    negatorAt = last;
                    negatorFrom = i;
                    negverbWeight = e.kind() == Kind.NEGVERB ? e.weight() : 0;
                    othersAt = relativeClause(tokens, i) ? last : -1;
                }
                i = last + 1;
                continue;
            }
            // "not", "never" turn any cue around; a negating verb ("refrain from", "non-recognition of") only an attitude
            boolean governs = negatorAt >= 0 && e.kind() != Kind.NEUTRAL && (negverbWeight == 0 || e.kind() == Kind.ATTITUDE)
                    && !anotherVerbBetween(tokens, negatorAt, i);
            if (governs && othersAt == negatorAt) {
                // "the States that have not yet recognized X": what others did not do, not the speaker's stance
                negatorAt = -1;
                othersAt = -1;
                i = last + 1;
                continue;
            }
            if (governs) {
                out.add(new Cue(i, last, -e.weight(), e.kind(), negatorAt));
                negatorAt = -1;
            } else {
                out.add(new Cue(i, last, e.weight(), e.kind(), -1));
            }
            i = last + 1;
        }
        if (negatorAt >= 0) {
            standalone(out, negatorFrom, negatorAt, negverbWeight);
        }
        return out;
    }

    private static final java.util.Set<String> RELATIVE = java.util.Set.of("that", "which", "who");
    private static final java.util.Set<String> AUXILIARIES = java.util.Set.of("have", "has", "had", "do", "does", "did",
            "are", "is", "were", "was", "still", "yet", "so", "far");

    private static final java.util.Set<String> BEFORE_INFINITIVE = java.util.Set.of("ready", "willing", "prepared", "able",
            "going", "yet", "want", "wish", "intend", "plan", "decide", "decided");

    /**
     * "will not allow anyone to come in the way of X": the negation is of "allow", a verb between
     * it and the cue that takes its own infinitive. "not to recognize", "not ready to accept" keep it.
     */
    private static boolean anotherVerbBetween(List<Token> tokens, int negator, int cue) {
        for (int k = negator + 2; k < cue; k++) {
            if (tokens.get(k).lower().equals("to") && !BEFORE_INFINITIVE.contains(tokens.get(k - 1).lower())) {
                return true;
            }
        }
        return false;
    }

    /** A negator right after "that have", "who do", "which still": a relative clause. */
    private static boolean relativeClause(List<Token> tokens, int negator) {
        for (int k = negator - 1, seen = 0; k >= 0 && seen < 3; k--, seen++) {
            String w = tokens.get(k).lower();
            if (RELATIVE.contains(w)) {
                return true;
            }
            if (!AUXILIARIES.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** A negating verb that governed no cue leans against what it stands next to ("non-recognition of X"). */
    private static void standalone(List<Cue> out, int from, int at, double weight) {
        if (weight != 0) {
            out.add(new Cue(from, at, -weight, Kind.ATTITUDE, -1));
        }
    }

    /** The kind of the one-word cue this token is, or null. */
    public Kind kindOf(Token token) {
        Entry e = single(token);
        return e == null ? null : e.kind();
    }

    /** The weight of the one-word cue this token is, or 0. */
    public double weightOf(Token token) {
        Entry e = single(token);
        return e == null ? 0 : e.weight();
    }

    /** Whether some cue starts with this stem. */
    public boolean isCue(String stem) {
        return byFirstStem.containsKey(stem);
    }

    /** A short hash of the lexicon's text. */
    static String fingerprint() {
        try (InputStream in = CueLexicon.class.getResourceAsStream("cues.tsv")) {
            return String.format("%08x", java.util.Arrays.hashCode(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Entry single(Token token) {
        for (Entry e : byFirstStem.getOrDefault(token.stem(), List.of())) {
            if (e.stems().size() == 1 && StanceAnalyzer.inflectionOf(token.lower(), e.words().get(0))) {
                return e;
            }
        }
        return null;
    }

    private Entry match(List<Token> tokens, int i) {
        List<Entry> candidates = byFirstStem.get(tokens.get(i).stem());
        if (candidates == null) {
            return null;
        }
        outer:
        for (Entry e : candidates) {
            if (i + e.stems().size() > tokens.size()) {
                continue;
            }
            for (int k = 0; k < e.stems().size(); k++) {
                Token t = tokens.get(i + k);
                if (!t.stem().equals(e.stems().get(k)) || !StanceAnalyzer.inflectionOf(t.lower(), e.words().get(k))) {
                    continue outer;
                }
            }
            return e;
        }
        return null;
    }
}
