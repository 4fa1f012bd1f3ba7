package org.demarche.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The extraction steps that find statements, as the export names them ({@code found_by}), and the
 * confidence each has earned: its precision measured on the development news set
 * (eval/attribution/step_precision.py; the figures and how they were made are in
 * resources org/demarche/nlp/step-confidence.tsv).
 */
public final class Steps {

    /** "…," said X / "…," X said: the attribution after a quotation's closing mark. */
    public static final String QUOTE_AFTER = "quote-after";
    /** "…," she said, "…": the quotation resumed after its attribution. */
    public static final String QUOTE_RESUMED = "quote-resumed";
    /** "She addressed the supporters: “…”": the person before a colon. */
    public static final String QUOTE_INTRODUCED = "quote-introduced";
    /** A speech verb's subject in the dependency parse, with the quotation its clause holds. */
    public static final String QUOTE_PARSE = "quote-parse";
    /** Quoted words inside a sentence that reports speech or thought. */
    public static final String QUOTE_EMBEDDED = "quote-embedded";
    /** A quotation that continues the previous speaker's paragraph, or is the next paragraph. */
    public static final String QUOTE_CONTINUED = "quote-continued";
    /** The clausal complement of a speech verb ("said it would undermine security"). */
    public static final String REPORTED_CLAUSE = "reported-clause";
    /** Content before its attribution ("…, X said on Thursday"). */
    public static final String REPORTED_BEFORE = "reported-before";
    /** "…, according to X" / "According to X, …". */
    public static final String ACCORDING_TO = "according-to";
    /** An interviewee's turn. */
    public static final String INTERVIEW_TURN = "interview-turn";
    /** A paragraph of a speech, op-ed or statement by the manifest's speaker. */
    public static final String SPEAKER_TEXT = "speaker-text";

    private static final Map<String, Double> CONFIDENCE = read();

    private Steps() {}

    /** The step's measured precision, or NaN for a step never measured. */
    public static double confidence(String step) {
        return CONFIDENCE.getOrDefault(step, Double.NaN);
    }

    private static Map<String, Double> read() {
        Map<String, Double> out = new HashMap<>();
        try (InputStream in = Steps.class.getResourceAsStream("step-confidence.tsv")) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.put(f[0], Double.parseDouble(f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read step-confidence.tsv", e);
        }
        return out;
    }
}
