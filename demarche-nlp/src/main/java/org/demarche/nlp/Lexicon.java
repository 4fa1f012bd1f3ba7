package org.demarche.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The word lists extraction reads (speech verbs, offices, pronouns, titles, event triggers …), one file each under a folder per language
 * (resources org/demarche/nlp/LANG/), so that a second language is a folder of lists, not a fork of
 * the code. A language without a folder falls back to English.
 */
public final class Lexicon {

    private static final Map<String, Lexicon> LOADED = new ConcurrentHashMap<>();
    private final String language;
    private final Map<String, Set<String>> lists = new ConcurrentHashMap<>();
    private final Map<String, List<String>> entries = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> pairs = new ConcurrentHashMap<>();
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private Lexicon(String language) {
        this.language = language;
    }

    /** The lists of a language ("en", "en-US", null for the default). */
    public static Lexicon forLanguage(String language) {
        String lang = language == null || language.isBlank() ? "en"
                : language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (Lexicon.class.getResource(lang + "/speech-verbs.txt") == null) {
            lang = "en";
        }
        return LOADED.computeIfAbsent(lang, Lexicon::new);
    }

    public String language() {
        return language;
    }

    /** The words of one list (file name without .txt), lower case, in file order. */
    public Set<String> words(String list) {
        return lists.computeIfAbsent(list, this::read);
    }

    /** The words of several lists together ("speech-verbs", "attribution-verbs"), read and joined once. */
    public Set<String> union(String... names) {
        return lists.computeIfAbsent(String.join("+", names), key -> {
            Set<String> all = new LinkedHashSet<>();
            for (String name : names) {
                all.addAll(words(name));
            }
            return Set.copyOf(all);
        });
    }

    /** A list's entries as written (case kept), in file order. */
    public List<String> entries(String list) {
        return entries.computeIfAbsent(list, name -> List.copyOf(read(name, false)));
    }

    /** "kind=value" lines of a list ("meet=meeting"), lower case, in file order. */
    public Map<String, String> pairs(String list) {
        return pairs.computeIfAbsent(list, name -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (String line : read(name, true)) {
                int eq = line.indexOf('=');
                out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    /**
     * A list as a regular expression, compiled once: its entries as written, each quoted, joined by "|" into the
     * format's %s ("(%s)\\.?" for "Mr" or "Mr.").
     */
    public Pattern pattern(String list, String format) {
        return patterns.computeIfAbsent(list + "\n" + format, key -> Pattern.compile(String.format(format,
                entries(list).stream().map(Pattern::quote).collect(Collectors.joining("|")))));
    }

    private Set<String> read(String list) {
        return Set.copyOf(read(list, true));
    }

    private Set<String> read(String list, boolean lower) {
        String path = language + "/" + list + ".txt";
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no word list " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String w = (hash >= 0 ? line.substring(0, hash) : line).strip();
                w = lower ? w.toLowerCase(Locale.ROOT) : w;
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + path, e);
        }
        return out;
    }
}
