package org.demarche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.demarche.export.JsonlExporter;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.nlp.NlpExtractor;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stances on speeches nobody tuned on: the shared development set of UN General Debate
 * (state, issue) pairs labelled by roll-call votes (../shared/eval/dev/ungdc-stance, 177 pairs,
 * six issues none of the training issues is), scored by ../shared/eval/score.py, and the
 * calibration of the stances' confidence on it. The floors are the level reached when they were
 * set (issue 14), so that a drop fails; the targets (accuracy 0.85, macro-F1 0.70, sign
 * errors 0.03) are not reached: most misses are speeches that name the issue without taking a
 * side in words while their state voted yes.
 */
class VoteStanceFloorTest {

    @TempDir
    static Path tmp;

    private static Path export;

    private static Path dev() {
        return Path.of(System.getProperty("demarche.shared", "../../shared")).resolve("eval/dev/ungdc-stance");
    }

    @BeforeAll
    static void ingest() throws Exception {
        List<Path> files = new ArrayList<>();
        try (var docs = Files.list(dev().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            new IngestRunner(ws, new DocumentIngester(), IngestRunner.Options.defaults(), new NlpExtractor(), 300_000)
                    .withStances(Codebook.read(dev().resolve("codebook.yml")))
                    .run(files, Manifest.read(dev().resolve("manifest.csv")), new IngestListener() {});
            export = tmp.resolve("dev.jsonl");
            try (OutputStream out = Files.newOutputStream(export)) {
                new JsonlExporter(false).export(ws, out);
            }
        }
    }

    private static String run(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void voteLabelledSpeechesStayAtTheirLevel() throws Exception {
        Path json = tmp.resolve("scores.json");
        run(dev().resolve("../../score.py").normalize().toString(), "--export", export.toString(), "--gold",
                dev().toString(), "--json", json.toString());
        JsonNode s = new ObjectMapper().readTree(json.toFile());
        // reached: accuracy 0.661, macro-F1 0.537, sign errors 0.045 (8 of 177), since who suffers a harm and who does it
        // are read (passive victims, judgements of a harm done to X, what the speakers impose themselves, the codebook's
        // other side's words), two negations cancel and an extraposed "it" refers to nothing (before: 0.650, 0.517,
        // 0.051; 0.548, 0.414, 0.062; before issue 14: 0.446, 0.308, 0.113)
        assertTrue(s.get("stances.accuracy").asDouble() >= 0.655, s.toString());
        assertTrue(s.get("stances.macro_f1").asDouble() >= 0.53, s.toString());
        assertTrue(s.get("stances.sign_errors").asDouble() <= 0.048, s.toString());
    }

    @Test
    void confidenceIsCalibrated() throws Exception {
        String out = run(org.demarche.ingest.Corpora.repo().resolve("eval/stance-train/reliability.py").toString(),
                "--export", export.toString(), "--gold", dev().toString());
        double ece = Double.parseDouble(out.replaceAll("(?s).*expected calibration error ([0-9.]+).*", "$1"));
        // reached: 0.122 (0.062 on the training issues left out in turn; one of the 171 pairs moves it by about 0.005);
        // 0.126 before the readings of harms and negations and the model retrained on them. It was 0.086 before the words read more sides
        // (accuracy 0.548 -> 0.650), 0.150 with those readings and the model's class probability as the confidence, and
        // 0.128 since the confidence is learnt as the chance that the words' side is right. What is left: where the words
        // find no side, they are right 3 times in 10 here and 1 in 10 on the training issues (more abstentions here).
        // Issue 14's target, 0.10, is not met; this floor guards the level reached.
        assertTrue(ece <= 0.135, out);
    }
}
