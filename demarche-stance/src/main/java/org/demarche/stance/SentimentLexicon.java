package org.demarche.stance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A general English sentiment lexicon: the VADER lexicon (Hutto and Gilbert 2014; 7,223 words
 * rated -4..4 by human judges), resource {@code vader-lexicon.tsv}, rebuilt from its npm package
 * by {@code eval/stance-train/fetch_lexicon.sh} (MIT / Apache-2.0). It gives evaluative weight to
 * the many words the hand-kept genre lexicon ({@code cues.tsv}) does not list.
 */
public final class SentimentLexicon {

    private static final SentimentLexicon SHARED = new SentimentLexicon();

    private final Map<String, Double> valence = new HashMap<>();

    private SentimentLexicon() {
        try (InputStream in = SentimentLexicon.class.getResourceAsStream("vader-lexicon.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    valence.put(f[0], Double.parseDouble(f[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentiment lexicon", e);
        }
    }

    public static SentimentLexicon get() {
        return SHARED;
    }

    /** The word's valence scaled to -1..1, trying its lemma when the form is not listed; 0 when unknown. */
    public double valence(String lower, String lemma) {
        Double v = valence.get(lower);
        if (v == null && lemma != null) {
            v = valence.get(lemma.toLowerCase(java.util.Locale.ROOT));
        }
        return v == null ? 0 : v / 4.0;
    }

    public int size() {
        return valence.size();
    }
}
