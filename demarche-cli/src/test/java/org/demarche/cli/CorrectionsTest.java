package org.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrections that stick: a person rejects a statement, gives another its speaker and sets a stance; the
 * corrections survive re-ingesting a changed file, one whose words are gone is orphaned (never moved onto other
 * words), an undo takes one back, and the log moves to another workspace.
 */
class CorrectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String ws;
    private Path seeds;

    /** A private copy of the example corpus, free to change. */
    private Path copySeeds() throws Exception {
        Path examples = Path.of(System.getProperty("demarche.repo", "..")).toAbsolutePath().normalize()
                .resolve("examples/kosovo");
        Path target = Files.createDirectories(tmp.resolve("seeds"));
        try (var files = Files.list(examples)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, target.resolve(p.getFileName()));
            }
        }
        return target;
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, status, String.join(" ", args) + "\n" + out + err);
        return out.toString();
    }

    private void ingest(String workspace) {
        run("ingest", "--workspace", workspace, "--threads", "1", "--manifest", seeds.resolve("manifest.csv").toString(),
                "--codebook", seeds.resolve("codebook.yml").toString(), seeds.toString());
    }

    private List<JsonNode> export(String workspace) throws Exception {
        Path out = tmp.resolve("kb-" + System.nanoTime() + ".jsonl");
        run("export", "--workspace", workspace, "--out", out.toString());
        return Files.readAllLines(out).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Optional<JsonNode> statementWith(List<JsonNode> kb, String words) {
        return kb.stream().filter(r -> r.get("type").asText().equals("statement") && r.get("text").asText().contains(words))
                .findFirst();
    }

    private static String actorId(List<JsonNode> kb, String name) {
        return kb.stream().filter(r -> r.get("type").asText().equals("actor") && r.get("name").asText().equals(name))
                .map(r -> r.get("id").asText()).findFirst().orElseThrow(() -> new AssertionError("no actor " + name));
    }

    @Test
    void correctionsSurviveReingestAndOrphanWhenTheirWordsAreGone() throws Exception {
        seeds = copySeeds();
        ws = tmp.resolve("ws").toString();
        ingest(ws);
        List<JsonNode> kb = export(ws);
        // three statements of the AP story (seed 002) and one of Lavrov's stances
        List<JsonNode> ap = kb.stream().filter(r -> r.get("type").asText().equals("statement")).filter(r ->
                kb.stream().anyMatch(d -> d.get("id").asText().equals(r.get("doc").asText())
                        && d.get("file").asText().startsWith("002"))).toList();
        assertTrue(ap.size() >= 3, ap.toString());
        String rejectedWords = ap.get(0).get("text").asText();
        String respokenWords = ap.get(1).get("text").asText();
        String churkin = actorId(kb, "Vitaly Churkin");
        run("correct", "--workspace", ws, "--coder", "ana", "--note", "the reporter's words", "reject",
                ap.get(0).get("id").asText());
        run("correct", "--workspace", ws, "--coder", "ana", "speaker", ap.get(1).get("id").asText(), churkin);
        // ids are those of the current export: the stances of the corrected document were made again
        List<JsonNode> now = export(ws);
        JsonNode stance = now.stream().filter(r -> r.get("type").asText().equals("stance")
                && r.get("actor").asText().equals(actorId(now, "Sergei Lavrov"))).findFirst().orElseThrow();
        String flipped = stance.get("polarity").asText().equals("oppose") ? "support" : "oppose";
        run("correct", "--workspace", ws, "--coder", "ben", "stance", stance.get("id").asText(), flipped);

        List<JsonNode> corrected = export(ws);
        assertTrue(statementWith(corrected, rejectedWords).isEmpty(), "rejected");
        JsonNode respoken = statementWith(corrected, respokenWords).orElseThrow();
        assertEquals(churkin, respoken.get("speaker").asText());
        assertEquals("human", respoken.get("source").asText());
        assertEquals("ana", respoken.get("coder").asText());
        JsonNode set = corrected.stream().filter(r -> r.get("type").asText().equals("stance")
                && r.get("source").asText().equals("human")).findFirst().orElseThrow();
        assertEquals(flipped, set.get("polarity").asText());
        assertEquals("ben", set.get("coder").asText());
        assertTrue(corrected.stream().filter(r -> r.get("type").asText().equals("statement"))
                .allMatch(r -> r.has("source")), "every statement says where it comes from");

        // the file changes (a line before the story): its hash, offsets and ids change; the corrections hold
        Path story = Files.list(seeds).filter(p -> p.getFileName().toString().startsWith("002")).findFirst().orElseThrow();
        String text = Files.readString(story, StandardCharsets.UTF_8);
        Files.writeString(story, "Corrected on 4 March: an earlier version misspelt a name.\n\n" + text, StandardCharsets.UTF_8);
        ingest(ws);
        List<JsonNode> again = export(ws);
        assertTrue(statementWith(again, rejectedWords).isEmpty(), "still rejected after re-ingest");
        assertEquals(churkin, statementWith(again, respokenWords).orElseThrow().get("speaker").asText());
        assertTrue(again.stream().anyMatch(r -> r.get("type").asText().equals("stance")
                && r.get("source").asText().equals("human") && r.get("polarity").asText().equals(flipped)));

        // the words of the second correction leave the file: it is orphaned, and applied to no other words
        Files.writeString(story, Files.readString(story, StandardCharsets.UTF_8).replace(respokenWords,
                "a sentence that says something else entirely"), StandardCharsets.UTF_8);
        ingest(ws);
        String log = run("corrections", "--workspace", ws);
        assertTrue(log.lines().anyMatch(l -> l.startsWith("2 ") && l.contains("orphaned")), log);
        assertTrue(log.lines().anyMatch(l -> l.startsWith("1 ") && l.contains("[applied")), log);
        List<JsonNode> orphaned = export(ws);
        assertTrue(orphaned.stream().filter(r -> r.get("type").asText().equals("statement"))
                .noneMatch(r -> r.get("source").asText().equals("human")), "nothing else took the orphan's speaker");

        // undo the rejection: at the next ingest the document is read again and the statement is back
        run("corrections", "--workspace", ws, "--undo", "1", "--coder", "ana");
        ingest(ws);
        assertTrue(statementWith(export(ws), rejectedWords).isPresent(), "undone");
        assertTrue(run("corrections", "--workspace", ws).lines().anyMatch(l -> l.startsWith("1 ") && l.contains("[undone")));

        // the log moves to another workspace of the same corpus, and does the same there
        Path logFile = tmp.resolve("log.jsonl");
        run("corrections", "--workspace", ws, "--export", logFile.toString());
        String other = tmp.resolve("other").toString();
        ingest(other);
        run("corrections", "--workspace", other, "--import", logFile.toString(), "--coder", "ben");
        List<JsonNode> there = export(other);
        assertTrue(statementWith(there, rejectedWords).isPresent(), "the undo came along");
        assertTrue(there.stream().anyMatch(r -> r.get("type").asText().equals("stance")
                && r.get("source").asText().equals("human") && r.get("polarity").asText().equals(flipped)));
    }

    @Test
    void badCorrectionsAreRefusedWithOneLine() throws Exception {
        seeds = copySeeds();
        ws = tmp.resolve("ws").toString();
        Files.createDirectories(Path.of(ws));
        StringWriter err = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "correct", "--workspace", ws, "reject"));
        assertEquals(2, Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "correct", "--workspace", ws, "paint", "s1"));
        assertTrue(err.toString().contains("takes 1 argument") && err.toString().contains("no action 'paint'"), err.toString());
    }
}
