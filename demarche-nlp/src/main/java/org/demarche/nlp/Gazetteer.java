package org.demarche.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The world's states (countries.tsv): names, formal names, capitals and demonyms, so that
 * "Russian Federation", "RUS", "Moscow" (its government) and "the Russian side" are one actor.
 * Formal wrappers ("Republic of", "Kingdom of the") are stripped by rule, and a name one or
 * two letters off (typos in collected metadata: "Hungrary") still finds its state.
 */
public final class Gazetteer {

    /** One state. */
    public record State(String code, String name) {}

    private static final Pattern FORMAL = Pattern.compile(
            "^(the )?((federal|democratic|people s|peoples|socialist|islamic|arab|united|independent|plurinational|"
                    + "bolivarian|co operative|cooperative|hashemite|grand|eastern|federative|commonwealth|state|"
                    + "kingdom|republic|principality|sultanate|emirate|union|federation|duchy|confederation) )*"
                    + "(of )?(the )?");
    private static final Gazetteer INSTANCE = load();

    private final Map<String, State> byName = new HashMap<>();
    private final Map<String, State> byCapital = new HashMap<>();
    private final Map<String, State> byDemonym = new HashMap<>();
    private final Map<String, State> byCode = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** Names and capitals as countries.tsv writes them (for the NER's gazetteer). */
    private final List<String> writtenNames = new java.util.ArrayList<>();
    private final List<String> writtenCapitals = new java.util.ArrayList<>();

    /**
     * TokensRegexNER lines that tag every state name (COUNTRY) and capital (LOCATION) of this gazetteer, also where
     * the statistical tagger saw none ("Kyiv has turned…") or cut a name short ("Federal Republic of" +
     * "Yugoslavia"); a person's name ("Chad Smith") is never overwritten.
     */
    List<String> regexnerLines() {
        List<String> out = new java.util.ArrayList<>();
        for (String n : writtenNames) {
            if (n.matches("[\\p{L} .-]+") && n.length() > 2) {
                out.add(n.strip().replace("-", " - ").replaceAll("\\s+", " ").replace(" - ", "-") + "\tCOUNTRY\tLOCATION,ORGANIZATION,MISC,CITY\t2");
            }
        }
        for (String c : writtenCapitals) {
            if (c.matches("[\\p{L} .-]+") && c.length() > 2) {
                out.add(c.strip() + "\tLOCATION\tORGANIZATION,MISC\t1"); // CITY would never overwrite an untagged word
            }
        }
        return out;
    }

    public static Gazetteer get() {
        return INSTANCE;
    }

    private static Gazetteer load() {
        Gazetteer g = new Gazetteer();
        try (InputStream in = Gazetteer.class.getResourceAsStream("countries.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                State s = new State(f[0], f[1]);
                g.writtenNames.add(f[1]);
                g.writtenNames.addAll(split(f, 2));
                g.writtenCapitals.addAll(split(f, 3));
                g.byCode.put(f[0].toLowerCase(), s);
                g.addName(f[1], s);
                for (String alias : split(f, 2)) {
                    g.addName(alias, s);
                }
                for (String capital : split(f, 3)) {
                    g.byCapital.put(NameKeys.fold(capital), s);
                }
                for (String demonym : split(f, 4)) {
                    g.byDemonym.put(NameKeys.fold(demonym), s);
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("countries.tsv missing from the build", e);
        }
        return g;
    }

    private static List<String> split(String[] f, int i) {
        return i < f.length && !f[i].isBlank() ? List.of(f[i].split(";")) : List.of();
    }

    private void addName(String name, State s) {
        String key = key(name);
        byName.putIfAbsent(key, s);
        names.add(key);
        String folded = NameKeys.fold(name);
        byName.putIfAbsent(folded, s);
    }

    private static String key(String name) {
        String f = NameKeys.fold(name).replaceAll("\\(.*?\\)", "").strip();
        String stripped = FORMAL.matcher(f).replaceFirst("");
        return stripped.isBlank() ? f : stripped;
    }

    /** The state a name (or ISO 3166 alpha-3 code) stands for. */
    public Optional<State> byName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        if (trimmed.length() == 3 && trimmed.equals(trimmed.toUpperCase()) && byCode.containsKey(trimmed.toLowerCase())) {
            return Optional.of(byCode.get(trimmed.toLowerCase()));
        }
        State s = byName.get(NameKeys.fold(trimmed));
        if (s == null) {
            s = byName.get(key(trimmed));
        }
        if (s == null) {
            // "Belarus, Byelorussian Soviet Socialist Republic" and "Korea, Republic of": try each part
            for (String part : trimmed.split("[,/]")) {
                if (!part.isBlank() && part.length() < trimmed.length()) {
                    Optional<State> p = byName(part);
                    if (p.isPresent()) {
                        return p;
                    }
                }
            }
            s = fuzzy(key(trimmed));
        }
        return Optional.ofNullable(s);
    }

    public Optional<State> byCapital(String name) {
        return Optional.ofNullable(byCapital.get(NameKeys.fold(name)));
    }

    public Optional<State> byDemonym(String word) {
        return Optional.ofNullable(byDemonym.get(NameKeys.fold(word)));
    }

    /** A unique state name within edit distance 1 (2 for long names) of the key. */
    private State fuzzy(String key) {
        if (key.length() < 5) {
            return null;
        }
        int max = key.length() >= 9 ? 2 : 1;
        State found = null;
        for (String n : names) {
            if (Math.abs(n.length() - key.length()) <= max && distance(n, key, max) <= max) {
                State s = byName.get(n);
                if (found != null && !found.equals(s)) {
                    return null; // ambiguous
                }
                found = s;
            }
        }
        return found;
    }

    private static int distance(String a, String b, int max) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int best = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                best = Math.min(best, cur[j]);
            }
            if (best > max) {
                return best;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
