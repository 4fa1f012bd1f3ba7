package org.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs refused or taken as the README says: junk whatever its name, links, names with control
 * characters, manifests and codebooks with a byte-order mark, duplicate rows, impossible dates,
 * unknown codebook keys. Each refusal is one line naming the input; the rest goes on.
 */
class BadInputsTest {

    private static final Path EXAMPLES =
            Path.of(System.getProperty("demarche.repo", "..")).toAbsolutePath().normalize().resolve("examples/kosovo");

    private record Run(int status, String out, String err) {}

    /** Runs a command line; its stderr is what the command and the progress reporter (System.err) print. */
    private static synchronized Run run(String... args) {
        StringWriter out = new StringWriter();
        java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new java.io.PrintStream(progress, true, StandardCharsets.UTF_8));
            System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
            PrintWriter err = new PrintWriter(System.err, true);
            status = Main.run(new PrintWriter(out, true), err, args);
        } finally {
            System.setErr(stderr);
            System.setOut(stdout);
        }
        return new Run(status, out + printed.toString(StandardCharsets.UTF_8), progress.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badFilesAreRefusedOneLineEachAndTheRestIsStored(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        byte[] junk = new byte[200 * 1024];
        new Random(7).nextBytes(junk);
        List<String> junkNames = List.of("junk.html", "junk.htm", "junk.txt", "junk.pdf", "junk.docx", "junk.rtf");
        for (String name : junkNames) {
            Files.write(corpus.resolve(name), junk);
        }
        Files.write(corpus.resolve("evil\nname.txt"), junk);
        Files.copy(EXAMPLES.resolve("001_5b1dba479f85dabc.txt"), corpus.resolve("ok.txt"));
        Files.copy(EXAMPLES.resolve("002_45ed76d0f631c29a.txt"), outside.resolve("elsewhere.txt"));
        Files.copy(EXAMPLES.resolve("003_ab43830253b2613d.txt"), corpus.resolve("two.txt"));
        Files.createSymbolicLink(corpus.resolve("inside-link.txt"), corpus.resolve("two.txt"));
        Files.createSymbolicLink(corpus.resolve("outside-link.txt"), outside.resolve("elsewhere.txt"));
        Files.createSymbolicLink(corpus.resolve("folder-link"), outside);
        // a manifest outside the corpus, with a byte-order mark, a row listed twice and impossible dates
        Path manifest = tmp.resolve("manifest.csv");
        Files.writeString(manifest, "\uFEFFfile,title,published\nok.txt,First,2008-13-45\nok.txt,Later,2008-02-30\n",
                StandardCharsets.UTF_8);
        String ws = tmp.resolve("ws").toString();
        Run r = run("ingest", "--workspace", ws, "--no-extract", "--all-files", "--manifest", manifest.toString(),
                corpus.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        int handled = 0;
        for (String name : junkNames) {
            assertEquals(1, lines.stream().filter(l -> l.contains(name + ": ")).count(), name + " in\n" + r.err());
            handled++;
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("evil\\nname.txt: ")), r.err());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("name.txt")), "the name cannot split its line: " + r.err());
        handled++;
        assertTrue(lines.stream().anyMatch(l -> l.contains("outside-link.txt: a link to a file outside")), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.contains("folder-link: a link to a folder")), r.err());
        handled += 2;
        assertTrue(lines.stream().anyMatch(l -> l.contains("manifest.csv:2: 'published' is not a date the calendar has")), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.contains("manifest.csv:3: 'published' is not a date the calendar has")), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.contains("manifest.csv:3: ok.txt is listed twice: the later row wins")), r.err());
        handled += 3; // the byte-order mark is accepted: the manifest was read at all
        assertTrue(r.out().contains("10 failed") || r.out().contains("failed"), r.out());

        Path out = tmp.resolve("kb.jsonl");
        assertEquals(0, run("export", "--workspace", ws, "--out", out.toString()).status());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> docs = Files.readAllLines(out).stream().map(l -> read(json, l)).toList();
        assertEquals(2, docs.size(), "ok.txt and two.txt (the link inside is read: the same content), no junk: " + docs);
        JsonNode ok = docs.stream().filter(d -> d.get("file").asText().equals("ok.txt")).findFirst().orElseThrow();
        assertEquals("Later", ok.get("title").asText(), "the later row wins");
        assertTrue(ok.get("published").isNull(), "an impossible date is never stored: " + ok);
        handled += 2;

        // codebooks: a byte-order mark is accepted, an unknown key refused with its line
        Path bom = tmp.resolve("bom.yml");
        Files.writeString(bom, "\uFEFFissues:\n  - id: a\n    terms: [Kosovo]\n", StandardCharsets.UTF_8);
        assertEquals(0, run("ingest", "--workspace", ws, "--no-extract", "--codebook", bom.toString(), corpus.toString()).status());
        Path typo = tmp.resolve("typo.yml");
        Files.writeString(typo, "issues:\n  - id: a\n    terms: [Kosovo]\n    contrary-terms: [Serbia]\n");
        Run refused = run("ingest", "--workspace", ws, "--no-extract", "--codebook", typo.toString(), corpus.toString());
        assertEquals(2, refused.status());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("typo.yml:4: unknown key 'contrary-terms'"), refused.err());
        handled += 2;
        System.out.printf("BadInputsTest: 16 bad inputs tried, %d handled as documented%n", handled);
        assertEquals(16, handled);
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
