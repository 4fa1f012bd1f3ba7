package org.demarche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.demarche.export.JsonlExporter;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.nlp.NlpExtractor;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who said what on news the rules were not written for: the development sets of ../shared/eval/dev
 * (political news with every attribution annotated; news texts with cross-document actor gold), read
 * from ../shared and never copied, ingested as a user would and scored by the project's scorer. Held-out
 * sets of the same kind measure the same figures, so every rule behind them is a general one.
 */
class NewsQualityTest {

    @TempDir
    static Path tmp;

    private static JsonNode quotes;
    private static JsonNode actors;

    @BeforeAll
    static void ingestExportScore() throws Exception {
        quotes = run("news-quotes");
        actors = run("news-actors");
    }

    private static Path shared() {
        return Path.of(System.getProperty("demarche.shared", "../../shared"));
    }

    private static JsonNode run(String set) throws Exception {
        Path dir = shared().resolve("eval/dev").resolve(set);
        Path export = tmp.resolve(set + ".jsonl");
        try (Workspace ws = Workspace.open(tmp.resolve(set))) {
            new IngestRunner(ws, new DocumentIngester(), IngestRunner.Options.defaults(), new NlpExtractor(), 300_000)
                    .run(List.of(dir.resolve("docs")), Manifest.read(dir.resolve("manifest.csv")), new IngestListener() {});
            try (OutputStream out = Files.newOutputStream(export)) {
                new JsonlExporter(false).export(ws, out);
            }
        }
        Path json = tmp.resolve(set + ".json");
        Process p = new ProcessBuilder("python3", shared().resolve("eval/score.py").toString(), "--export",
                export.toString(), "--gold", dir.toString(), "--json", json.toString()).inheritIO().start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return new ObjectMapper().readTree(json.toFile());
    }

    private static void atLeast(JsonNode scores, String metric, double floor) {
        assertTrue(scores.get(metric).asDouble() >= floor, metric + " below " + floor + ": " + scores);
    }

    /** Issue 13's goals, reached: the gold leaves out unnamed sources and its annotators found ~94%. */
    @Test
    void directQuotationsAreFoundAndAttributed() {
        atLeast(quotes, "quotes.direct.recall", 0.93);
        atLeast(quotes, "quotes.direct.attribution", 0.90);
        atLeast(quotes, "quotes.direct.precision", 0.90);
    }

    /**
     * The level reached (0.640 found, 0.594 attributed, 0.534 precision) guarded; the goal is 0.75, 0.70
     * and 0.80. Precision is bounded by the gold: it lists the reported speech whose speaker its converter
     * could resolve, and read by hand most of the unmatched statements are reported speech it lacks. The floors
     * moved with three changes: content read before its attribution is no longer taken where the verb has a
     * clause or an object of its own (precision 0.530 to 0.543); directive verbs report their object and its
     * infinitive or "of" clause ("urged the regulators to freeze rates"; recall 0.587 to 0.624, attribution 0.548 to
     * 0.574, precision to 0.531, most of the new unmatched ones reported speech the gold lacks); commissives
     * ("promised to …"), "called for …" and an attribution set inside its clause ("The hearing, Brandt wrote,
     * ran late"; recall to 0.640, attribution to 0.594, precision 0.534). Precision's floor, raised to 0.535 by
     * the first change, is 0.525 after the others (0.52 before all three). Then a clause the parser misreads
     * ("X said independence for Y would …" read as "[X said independence for Y] would …") is reported still: recall
     * 0.657, attribution 0.611, precision 0.536; floors 0.65, 0.60 and 0.53. Then reported words that carry
     * quotation marks ("said he would offer “a prayer” for the nominee") are a mixed quotation, not reported
     * speech, as the gold and the annotation schemes it follows count them (its quoted stretch is a direct
     * statement when long enough); what comes before a clause break is reported still: precision 0.536 to 0.647
     * with recall and attribution unchanged; floor 0.64. Then an attribution set inside its sentence after a short
     * subject ("The hashtag, he said, was …"; the parser's governor after the verb, or the speaker read as the
     * subject's apposition) is reported: recall 0.657 to 0.680, attribution 0.614 to 0.637, precision 0.652.
     * Then clauses the parser does not call complements (an adverb between auxiliary and verb, "called for / on
     * someone to act", a clause with its own subject read as an xcomp or, after a comma, a parataxis, a verb after
     * an apposition tagged as a participle, a "that" clause hung on a noun after the verb): recall 0.729,
     * attribution 0.683, precision 0.653; floors 0.72, 0.675 and 0.65. Then a question is what "asked" reports,
     * a condition opening a clause is part of it, an attribution inside its sentence reports the whole sentence
     * (past the speaker's apposition), a dash opens the reporter's aside, "who has said" is the noun's: recall
     * 0.759, attribution 0.713 (both past the targets), precision 0.663; floors 0.75, 0.705 and 0.655.
     * Then a piece of reported words found again alone is one statement, words cut at a quotation are reported only
     * when they make a clause, an attribution is not what was said, "declined to say" reports nothing: precision
     * 0.674 (recall and attribution unchanged); floor 0.665. Of the 120 reported statements the gold did not
     * match before that step, a reading of each in its article found 88 to be reported speech the gold lacks or
     * bounds otherwise (19 of them with the wrong speaker) and 32 errors: with every error removed this gold allows
     * about 0.73, below the 0.80.
     * Then what comes before an attribution that follows it is said only when it is a clause ("In the final Mass of
     * his trip, X told …" is not): precision 0.686; floor 0.68. (0.690 once co-speakers were taken out again: their
     * copies of one text matched no more gold.)
     */
    @Test
    void reportedSpeechIsFoundAndAttributed() {
        atLeast(quotes, "quotes.indirect.recall", 0.75);
        atLeast(quotes, "quotes.indirect.attribution", 0.705);
        atLeast(quotes, "quotes.indirect.precision", 0.68);
    }

    /** One actor under all its names across documents (suffixes, initials, short first names), two never one. */
    @Test
    void actorsMergeAcrossDocumentsAndNeverOvermerge() {
        atLeast(actors, "actors.merged", 0.95);
        assertEquals(0.0, actors.get("actors.overmerged").asDouble(), actors.toString());
    }
}
