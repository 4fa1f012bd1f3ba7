package org.demarche.stance;

/**
 * The evidence one statement (or all of an actor's statements in a document) holds on one issue,
 * as sums that add across statements, and the model's input made from them. Every entry is
 * general: weights of cues, parse readings and mention counts, nothing keyed to an issue or actor.
 */
public final class StanceFeatures {

    /** Positions in the raw evidence vector (sums). */
    public static final int SUPPORT = 0, OPPOSE = 1, NEUTRAL = 2, CUE_FOR = 3, CUE_AGAINST = 4, WORD_FOR = 5,
            WORD_AGAINST = 6, MOD_FOR = 7, MOD_AGAINST = 8, TONE_FOR = 9, TONE_AGAINST = 10, TERMS = 11, CONTRARY = 12,
            SENTENCES = 13;
    public static final int RAW = 14;

    /** The model's inputs, in order (the model file names them, so a change shows). */
    public static final String[] NAMES = {"bias", "window-support", "window-oppose", "window-neutral",
            "parse-cue-for", "parse-cue-against", "parse-word-for", "parse-word-against", "modifier-for",
            "modifier-against", "tone-for", "tone-against", "terms", "contrary-terms", "contrary-share",
            "window-net", "no-cue"};

    /** Adds b into a. */
    public static void add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    /** Adds a signed value to the for/against pair at index pos (pos for, pos + 1 against). */
    static void signed(double[] raw, int pos, double v) {
        if (v > 0) {
            raw[pos] += v;
        } else {
            raw[pos + 1] -= v;
        }
    }

    /** The model's input for a raw evidence vector: logs of the sums, so that ten mild cues do not outweigh one clear one tenfold. */
    public static double[] input(double[] raw) {
        double sentences = Math.max(1, raw[SENTENCES]);
        double mentions = raw[TERMS] + raw[CONTRARY];
        double net = raw[SUPPORT] - raw[OPPOSE];
        return new double[] {
                1,
                log(raw[SUPPORT]), log(raw[OPPOSE]), log(raw[NEUTRAL]),
                log(raw[CUE_FOR]), log(raw[CUE_AGAINST]), log(raw[WORD_FOR]), log(raw[WORD_AGAINST]),
                log(raw[MOD_FOR]), log(raw[MOD_AGAINST]),
                raw[TONE_FOR] / sentences, raw[TONE_AGAINST] / sentences,
                log(raw[TERMS]), log(raw[CONTRARY]), mentions == 0 ? 0 : raw[CONTRARY] / mentions,
                Math.signum(net) * log(Math.abs(net)),
                raw[SUPPORT] + raw[OPPOSE] + raw[CUE_FOR] + raw[CUE_AGAINST] == 0 ? 1 : 0,
        };
    }

    private static double log(double v) {
        return Math.log1p(Math.max(0, v));
    }

    private StanceFeatures() {}
}
