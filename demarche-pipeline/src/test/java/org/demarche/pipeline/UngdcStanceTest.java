package org.demarche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Stance quality on UN General Debate statements, measured by the project's scorer against
 * gold made by reading them (eval/ungdc-stance): a development set the rules were tuned on,
 * and a held-out set they were not. Also: a new codebook redoes the stances, not the parse.
 */
class UngdcStanceTest {

    @TempDir
    static Path tmp;

    private static Path workspace;
    private static Path export;
    private static final Set<Long> statementIds = new HashSet<>();

    @BeforeAll
    static void ingestBothSets() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String set : List.of("dev", "test")) {
            for (String name : Files.readAllLines(gold(set).resolve("documents.txt"))) {
                if (!name.isBlank()) {
                    files.add(find(name.strip()));
                }
            }
        }
        workspace = tmp.resolve("ws");
        try (Workspace ws = Workspace.open(workspace)) {
            new IngestRunner(ws, new DocumentIngester(), IngestRunner.Options.defaults(), new NlpExtractor(), 300_000)
                    .withStances(Codebook.read(shared().resolve("eval/codebook.yml")))
                    .run(files, Manifest.read(Corpora.ungdc().resolve("manifest.csv")), new IngestListener() {});
            ws.kb().forEachStatement(s -> statementIds.add(s.id().number()));
            export = tmp.resolve("ungdc.jsonl");
            try (OutputStream out = Files.newOutputStream(export)) {
                new JsonlExporter(false).export(ws, out);
            }
        }
    }

    private static Path shared() {
        return Path.of(System.getProperty("demarche.shared", "../../shared"));
    }

    private static Path gold(String set) {
        return Corpora.repo().resolve("eval/ungdc-stance").resolve(set);
    }

    private static Path find(String name) throws IOException {
        try (Stream<Path> sessions = Files.list(Corpora.ungdc())) {
            return sessions.map(s -> s.resolve(name)).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IOException(name + " is not in the UNGDC corpus"));
        }
    }

    private static JsonNode score(String set) throws Exception {
        Path json = tmp.resolve(set + ".json");
        Process p = new ProcessBuilder("python3", shared().resolve("eval/score.py").toString(), "--export",
                export.toString(), "--gold", gold(set).toString(), "--json", json.toString(), "--verbose").inheritIO().start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void developmentSetMeetsTheTargets() throws Exception {
        JsonNode s = score("dev");
        assertTrue(s.get("stances.accuracy").asDouble() >= 0.85, s.toString());
        assertTrue(s.get("stances.macro_f1").asDouble() >= 0.80, s.toString());
    }

    /** Statements, years and issues the rules were not tuned on (first run: accuracy 0.923, macro F1 0.859). */
    @Test
    void heldOutSetMeetsTheTargets() throws Exception {
        JsonNode s = score("test");
        assertTrue(s.get("stances.accuracy").asDouble() >= 0.85, s.toString());
        assertTrue(s.get("stances.macro_f1").asDouble() >= 0.80, s.toString());
    }

    @Test
    void everyStanceLinksToStatementsThatDiscussTheIssue() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> withIssue = new HashSet<>();
        List<JsonNode> stances = new ArrayList<>();
        for (String line : Files.readAllLines(export)) {
            JsonNode r = json.readTree(line);
            if (r.get("type").asText().equals("statement")) {
                for (JsonNode i : r.get("issues")) {
                    withIssue.add(r.get("id").asText() + "/" + i.get("issue").asText());
                    assertFalse(i.get("cue").asText().isBlank(), line); // the words that decided it
                }
            } else if (r.get("type").asText().equals("stance")) {
                stances.add(r);
            }
        }
        assertTrue(stances.size() >= 27, "stances: " + stances.size());
        for (JsonNode t : stances) {
            for (String f : List.of("id", "actor", "issue", "polarity", "doc", "date", "evidence", "confidence")) {
                assertTrue(t.has(f) && !t.get(f).isNull(), f + " missing: " + t);
            }
            assertTrue(t.get("date").asText().matches("\\d{4}(-\\d{2}){0,2}"), t.toString());
            assertTrue(t.get("evidence").size() > 0, t.toString());
            for (JsonNode e : t.get("evidence")) {
                assertTrue(withIssue.contains(e.asText() + "/" + t.get("issue").asText()), t.toString());
            }
        }
    }

    /** A new codebook is applied to the stored statements: nothing is read or parsed again. */
    @Test
    void aNewCodebookRedoesOnlyTheStances() throws Exception {
        Codebook other = Codebook.parse("other.yml", """
                issues:
                  - id: nuclear-disarmament
                    terms: [nuclear disarmament, nuclear weapons, Non-Proliferation Treaty]
                """);
        try (Workspace ws = Workspace.open(workspace)) {
            StanceStage stage = new StanceStage(ws, other, 2);
            int redone = stage.run(new IngestListener() {});
            assertEquals(27, redone);
            assertEquals(0, stage.run(new IngestListener() {}), "a second run finds nothing to redo");
            Set<Long> after = new HashSet<>();
            ws.kb().forEachStatement(s -> after.add(s.id().number()));
            assertEquals(statementIds, after, "statements are kept as they were");
            Set<String> issues = new HashSet<>();
            ws.stances().forEachStance(null, t -> issues.add(t.issue()));
            assertEquals(Set.of("nuclear-disarmament"), issues);
        }
    }
}
