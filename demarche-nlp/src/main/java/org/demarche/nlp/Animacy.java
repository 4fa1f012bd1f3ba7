package org.demarche.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a common noun names a person ("the mogul said", "the economist wrote"): the animate nouns
 * of CoreNLP's coreference models (stanford-corenlp models jar, GPL-3.0-or-later, Bergsma and Lin's
 * animacy lists), lower-cased.
 */
public final class Animacy {

    private static final String ANIMATE = "edu/stanford/nlp/models/dcoref/animate.unigrams.txt";
    private static volatile Set<String> animate;

    private Animacy() {}

    public static boolean isPersonNoun(String lemma) {
        return animate().contains(lemma.toLowerCase(Locale.ROOT));
    }

    private static Set<String> animate() {
        Set<String> a = animate;
        if (a == null) {
            synchronized (Animacy.class) {
                if (animate == null) {
                    animate = read();
                }
                a = animate;
            }
        }
        return a;
    }

    private static Set<String> read() {
        Set<String> out = new HashSet<>();
        try (InputStream in = Animacy.class.getClassLoader().getResourceAsStream(ANIMATE)) {
            if (in == null) {
                return Set.of();
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ANIMATE, e);
        }
        return Set.copyOf(out);
    }
}
