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
import org.demarche.ingest.Corpora;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.nlp.NlpExtractor;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extraction's quality on the seeds, measured by the project's scorer (../shared/eval/score.py)
 * against the gold annotations: this fails when attribution drops below the agreed thresholds.
 */
class SeedQualityTest {

    @TempDir
    static Path tmp;

    private static JsonNode scores;
    private static Path export;

    @BeforeAll
    static void ingestExportScore() throws Exception {
        Path seeds = Corpora.examples();
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            new IngestRunner(ws, new DocumentIngester(), IngestRunner.Options.defaults(), new NlpExtractor(), 300_000)
                    .withStances(Codebook.read(seeds.resolve("codebook.yml")))
                    .run(List.of(seeds), Manifest.read(seeds.resolve("manifest.csv")), new IngestListener() {});
            export = tmp.resolve("kb.jsonl");
            try (OutputStream out = Files.newOutputStream(export)) {
                new JsonlExporter(false).export(ws, out);
            }
        }
        Path shared = Path.of(System.getProperty("demarche.shared", "../../shared"));
        scores = score(shared.resolve("eval/seeds"), "shared.json");
        ownScores = score(Corpora.examples().resolve("gold"), "own.json");
    }

    /** The project's own actor and date gold for the seeds (examples/kosovo/gold/README.md). */
    private static JsonNode ownScores;

    private static JsonNode score(Path gold, String name) throws Exception {
        Path shared = Path.of(System.getProperty("demarche.shared", "../../shared"));
        Path json = tmp.resolve(name);
        Process p = new ProcessBuilder("python3", shared.resolve("eval/score.py").toString(), "--export",
                export.toString(), "--gold", gold.toString(), "--json", json.toString(), "--verbose").inheritIO().start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return new ObjectMapper().readTree(json.toFile());
    }

    private static double score(String name) {
        JsonNode v = scores.get(name);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    @Test
    void directQuotesAreAttributed() {
        assertTrue(score("quotes.direct.attribution") >= 0.90, scores.toString());
    }

    @Test
    void reportedSpeechIsAttributed() {
        assertTrue(score("quotes.indirect.attribution") >= 0.75, scores.toString());
    }

    /**
     * The seeds' gold lists a sample of each text's quotations, not all of them: every direct statement
     * found beyond it was checked by hand to be a real, rightly attributed quotation (Koštunica,
     * Kouchner, Gryzlov, Mailyan, Romanov, Jackson, Ivashev, Ceku's "Partition is not a solution" in
     * 003; Lavrov's second quote in 002): 19 of 30.
     * Against this gold, precision therefore measures coverage; the floor guards against a flood.
     */
    @Test
    void directStatementsAreMostlyQuotationsTheGoldKnows() {
        assertTrue(score("quotes.direct.precision") >= 0.60, scores.toString());
    }

    /**
     * The goal (issue 13) is 0.90 with no over-merge against both golds. The project's own gold is there;
     * the shared gold, read from the texts independently (../shared/eval/seeds), was at 0.630 when it
     * arrived, 0.704 after state capitals and long names were tagged, acronyms defined and names glued by
     * layout taken apart, and 0.852 now (a legislature after a state's name or demonym an actor of its own, a
     * place before an organisation's name part of it, a description before an acronym defining it, a hyphenated
     * acronym split by the tokenizer, "the official" capital). Its floor guards the level reached and is raised
     * as extraction improves, never lowered. The misses left: bodies named by description ("the EU mission",
     * "NATO mission"), a capital that stood for another state in its day (Belgrade for Yugoslavia), a surname
     * never written alone.
     */
    static final double SHARED_ACTORS_FLOOR = 0.85;
    /** The shared gold's dates were at 0.586 when it arrived; the goal of 0.85 is reached (0.931). */
    static final double SHARED_DATES_FLOOR = 0.85;

    @Test
    void actorsMergeWhenTheGoldSaysSo() {
        assertTrue(ownScores.get("actors.merged").asDouble() >= 0.90, ownScores.toString());
        assertEquals(0.0, ownScores.get("actors.overmerged").asDouble(), ownScores.toString());
        assertTrue(scores.get("actors.merged").asDouble() >= SHARED_ACTORS_FLOOR, scores.toString());
        assertEquals(0.0, scores.get("actors.overmerged").asDouble(), scores.toString());
    }

    @Test
    void datesAreWhenThingsWereSaidOrHappened() {
        assertTrue(ownScores.get("dates.accuracy").asDouble() >= 0.85, ownScores.toString());
        assertTrue(scores.get("dates.accuracy").asDouble() >= SHARED_DATES_FLOOR, scores.toString());
    }

    /**
     * The project's own stance gold for the seeds (examples/kosovo/gold/stances.jsonl). Its misses
     * are positions the words imply without saying (Churkin's "permeated with the concept of the
     * independence of Kosovo", Solana describing the EU mission's reach) and one reported clause
     * the parser misreads (Gryzlov); the floor guards what the language does show.
     */
    @Test
    void stancesFollowTheSpeakersWords() {
        assertTrue(ownScores.get("stances.accuracy").asDouble() >= 0.70, ownScores.toString());
        assertEquals(0.0, ownScores.get("stances.sign_errors").asDouble(), ownScores.toString());
    }

    /**
     * The shared stance gold for the seeds (../shared/eval/seeds/stances.jsonl, 57 stances): no
     * sign error, and the accuracy reached (0.439 when issue 14 set the floor; 0.561 since a
     * diplomat of "the Russian UN Mission" speaks for Russia and a term's other genitive is read; 0.579 since
     * a reported clause the parser misreads is still reported;
     * most misses are stances of actors the extraction does not give the statement to, or positions implied).
     */
    @Test
    void sharedStanceGoldHasNoSignError() {
        assertEquals(0.0, scores.get("stances.sign_errors").asDouble(), scores.toString());
        assertTrue(scores.get("stances.accuracy").asDouble() >= 0.57, scores.toString());
    }

    /**
     * Seed 000 is an interview whose two columns were read across as one: once ingest has rejoined
     * them, each of Viktor Mizin's answers (the turns "Mizin:" in the reading of it kept with the
     * ingest tests) is a statement of his, whole.
     */
    @Test
    void theInterviewsAnswersAreMizins() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String interview = null;
        String mizin = null;
        List<JsonNode> records = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(export)) {
            JsonNode r = json.readTree(line);
            records.add(r);
            if (r.get("type").asText().equals("document") && r.get("file").asText().startsWith("000_")) {
                interview = r.get("id").asText();
            }
            if (r.get("type").asText().equals("actor") && r.get("name").asText().equals("Viktor Mizin")) {
                mizin = r.get("id").asText();
            }
        }
        assertTrue(interview != null && mizin != null, "seed 000 and Viktor Mizin are in the export");
        StringBuilder his = new StringBuilder();
        for (JsonNode r : records) {
            if (r.get("type").asText().equals("statement") && r.get("doc").asText().equals(interview)
                    && mizin.equals(r.path("speaker").asText())) {
                his.append(r.get("text").asText().replaceAll("\\s+", " ")).append('\n');
            }
        }
        List<String> answers = new java.util.ArrayList<>();
        try (var in = SeedQualityTest.class.getResourceAsStream("/columns/000-sentences.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("Mizin: ")) {
                    answers.add(line.substring("Mizin: ".length()));
                }
            }
        }
        assertEquals(9, answers.size(), "the interview has nine answers");
        List<String> missing = answers.stream().filter(a -> his.indexOf(a) < 0).toList();
        assertEquals(List.of(), missing, his.toString());
    }

    @Test
    void theExportCarriesTheContractsRecords() throws Exception {
        ObjectMapper json = new ObjectMapper();
        long actors = 0;
        long statements = 0;
        long events = 0;
        long stances = 0;
        for (String line : Files.readAllLines(export)) {
            JsonNode r = json.readTree(line);
            switch (r.get("type").asText()) {
                case "actor" -> {
                    actors++;
                    for (String f : List.of("id", "name", "kind", "aliases", "roles", "mentions")) {
                        assertTrue(r.has(f), f + " missing: " + line);
                    }
                }
                case "statement" -> {
                    statements++;
                    for (String f : List.of("id", "doc", "speaker", "kind", "text", "start", "end", "date", "cue", "issues")) {
                        assertTrue(r.has(f), f + " missing: " + line);
                    }
                }
                case "event" -> {
                    events++;
                    for (String f : List.of("id", "kind", "actors", "target", "place", "date", "doc", "text", "start", "end")) {
                        assertTrue(r.has(f), f + " missing: " + line);
                    }
                }
                case "stance" -> {
                    stances++;
                    for (String f : List.of("id", "actor", "issue", "polarity", "doc", "date", "evidence", "confidence")) {
                        assertTrue(r.has(f), f + " missing: " + line);
                    }
                }
                default -> {
                }
            }
        }
        assertTrue(actors > 20 && statements > 30 && events > 10 && stances > 15,
                actors + " " + statements + " " + events + " " + stances);
    }
}
