package org.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's commands (spec/CONTRACT.md sections 1 and 4) on the bundled example corpus. */
class CliTest {

    private static final Path EXAMPLES =
            Path.of(System.getProperty("demarche.repo", "..")).toAbsolutePath().normalize().resolve("examples/kosovo");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("type", "id", "file", "source", "url", "title",
            "published", "publisher", "author", "speaker", "language", "chars", "boilerplate_chars", "warnings");

    @Test
    void ingestThenExportGivesOneDocumentRecordPerSeed(@TempDir Path tmp) throws Exception {
        String ws = tmp.resolve("ws").toString();
        assertEquals(0, Main.run("ingest", "--workspace", ws, "--manifest", EXAMPLES.resolve("manifest.csv").toString(),
                "--codebook", EXAMPLES.resolve("codebook.yml").toString(), EXAMPLES.toString()));
        Path out = tmp.resolve("kb.jsonl");
        assertEquals(0, Main.run("export", "--workspace", ws, "--format", "jsonl", "--out", out.toString()));
        List<String> all = Files.readAllLines(out);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = all.stream().filter(l -> read(json, l).get("type").asText().equals("document")).toList();
        assertEquals(5, lines.size());
        assertTrue(all.stream().anyMatch(l -> l.contains("\"type\":\"statement\"")));
        assertTrue(all.stream().anyMatch(l -> l.contains("\"type\":\"actor\"")));
        for (String line : lines) {
            JsonNode r = json.readTree(line);
            for (String f : DOCUMENT_FIELDS) {
                assertTrue(r.has(f), "missing " + f + " in " + line);
            }
            assertEquals("document", r.get("type").asText());
            assertTrue(r.get("chars").asInt() > 1000);
            assertEquals("en", r.get("language").asText());
        }
        JsonNode ap = lines.stream().map(l -> read(json, l)).filter(r -> r.get("file").asText().startsWith("002"))
                .findFirst().orElseThrow();
        assertEquals("2008-03-03", ap.get("published").asText());
        assertEquals("Associated Press", ap.get("publisher").asText());
        assertTrue(ap.get("boilerplate_chars").asInt() > 0);
        JsonNode oped = lines.stream().map(l -> read(json, l)).filter(r -> r.get("file").asText().startsWith("004"))
                .findFirst().orElseThrow();
        assertEquals("Alexander Botsan-Kharchenko", oped.get("speaker").asText());
        assertEquals("Russia", oped.get("speaker_for").asText());

        // where they stand: the matrix, as a grid, as JSON and as a picture
        StringWriter grid = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(grid, true), null, "stances", "--workspace", ws, "--issue",
                "kosovo-independence"));
        assertTrue(grid.toString().contains("Russia") && grid.toString().matches("(?s).*\\bO\\d.*"), grid.toString());
        StringWriter matrix = new StringWriter();
        Path svg = tmp.resolve("matrix.svg");
        assertEquals(0, Main.run(new PrintWriter(matrix, true), null, "stances", "--workspace", ws, "--issue",
                "kosovo-independence", "--json", "--svg", svg.toString()));
        JsonNode m = json.readTree(matrix.toString());
        assertTrue(m.get("periods").size() >= 3, matrix.toString()); // 2007, 2008 and the undated op-ed at least
        JsonNode russia = null;
        for (JsonNode a : m.get("actors")) {
            if (a.get("name").asText().equals("Russia")) {
                russia = a;
            }
        }
        assertTrue(russia != null && russia.get("cells").toString().contains("\"oppose\""), matrix.toString());
        assertTrue(Files.readString(svg).startsWith("<svg") && Files.readString(svg).contains("Russia"));
        // within a period: only the stances dated in it
        StringWriter period = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(period, true), null, "stances", "--workspace", ws, "--issue",
                "kosovo-independence", "--json", "--from", "2008", "--to", "2008"));
        JsonNode inPeriod = json.readTree(period.toString());
        assertTrue(inPeriod.get("periods").size() >= 1, period.toString());
        for (JsonNode p : inPeriod.get("periods")) {
            assertTrue(p.asText().startsWith("2008"), period.toString());
        }
        StringWriter shifts = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(shifts, true), null, "shifts", "--workspace", ws, "--issue",
                "kosovo-independence", "--json"));
        assertTrue(json.readTree(shifts.toString()).has("shifts"));
        assertEquals(2, Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "stances", "--workspace", ws, "--issue", "no-such-issue"));

        // questions: search with facets and highlighting, an actor's page, statements, a timeline
        StringWriter found = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(found, true), null, "search", "--workspace", ws, "--json",
                "--type", "statement", "\"territorial integrity\""));
        JsonNode hits = json.readTree(found.toString());
        assertTrue(hits.get("total").asInt() >= 2, found.toString());
        JsonNode first = hits.get("hits").get(0);
        String snippet = first.get("snippet").get("text").asText();
        JsonNode mark = first.get("snippet").get("marks").get(0);
        assertEquals("territorial integrity", snippet.substring(mark.get(0).asInt(), mark.get(1).asInt()).toLowerCase());
        assertTrue(hits.get("facets").get("actor").size() > 0, found.toString());
        StringWriter lavrov = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(lavrov, true), null, "actor", "--workspace", ws, "Lavrov"));
        // his 1999 call for "a quick resolution of Kosovo's political status" is neutral (as the shared gold reads it), 2008 against
        assertTrue(lavrov.toString().contains("ambassador")
                && lavrov.toString().matches("(?s).*kosovo-independence: [^\\n]*2008-03-03 oppose.*"), lavrov.toString());
        StringWriter said = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(said, true), null, "statements", "--workspace", ws, "--json",
                "--issue", "kosovo-independence", "--from", "2008", "--to", "2008"));
        for (JsonNode st : json.readTree(said.toString()).get("statements")) {
            assertTrue(st.get("date").asText().startsWith("2008"), st.toString());
        }
        StringWriter line = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(line, true), null, "timeline", "--workspace", ws, "--issue",
                "kosovo-independence"));
        assertTrue(line.toString().contains("Russia"), line.toString());

        // every option is checked: exit 2 and one line naming it, whatever the command
        String[][] refused = {
            {"statements", "--from", "2007-13-45"}, {"statements", "--from", "2008-02-30"},
            {"statements", "--from", "2009", "--to", "2008"}, {"statements", "--limit", "0"},
            {"stances", "--issue", "kosovo-independence", "--min-confidence", "2"},
            {"stances", "--issue", "kosovo-independence", "--years", "0"},
            {"stances", "--issue", "kosovo-independence", "--kind", "country"}, {"shifts", "--issue", "kosovo-independence", "--years", "0"},
            {"shifts", "--issue", "kosovo-independence", "--from", "2009", "--to", "2008"},
            {"stances", "--issue", "kosovo-independence", "--from", "2008-02-30"},
            {"actors", "--kind", "country"}, {"actors", "--limit", "0"}, {"actor", "--limit", "0", "Lavrov"},
            {"search", "--stance", "against"}, {"search", "--kind", "quoted"}, {"search", "--type", "page"},
            {"search", "--year", "20x8"}, {"search", "--actor", "Nobody Atall"}, {"search", "--issue", "no-such-issue"},
            {"search", "--offset", "99999999"}, {"search", "--offset", "2147483647"}, {"search", "--limit", "0"},
            {"search", "--limit", "201"}, {"search", "--offset", "-1"},
            {"timeline", "--actor", "Nobody Atall"}, {"timeline", "--issue", "no-such-issue"},
            {"statements", "--actor", "Nobody Atall"}, {"statements", "--issue", "no-such-issue"},
            {"serve", "--port", "70000"}, {"ingest", "--threads", "0", "x"}, {"search", "--", "a~ b~ c~ d~ e~"},
        };
        int oneLine = 0;
        for (String[] args : refused) {
            StringWriter err = new StringWriter();
            String[] full = new String[args.length + 1];
            full[0] = args[0];
            full[1] = "--workspace=" + ws;
            System.arraycopy(args, 1, full, 2, args.length - 1);
            int status = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), full);
            assertEquals(2, status, String.join(" ", args) + " -> " + err);
            assertEquals(1, err.toString().lines().count(), String.join(" ", args) + " -> " + err);
            assertTrue(err.toString().startsWith("demarche: "), err.toString());
            oneLine++;
        }
        System.out.printf("CliTest: %d bad options tried, %d refused with exit 2 and one line%n", refused.length, oneLine);
        // an actor by an alias: search resolves it as statements does
        StringWriter byAlias = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(byAlias, true), null, "search", "--workspace", ws, "--json", "--actor", "Lavrov"));
        assertTrue(json.readTree(byAlias.toString()).get("total").asInt() > 0, byAlias.toString());

        // a crash after documents were stored and before their actors were merged: the export finishes the merge
        // first, and no id in it points to a record it does not hold
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + Path.of(ws).toAbsolutePath()
                .resolve("knowledge") + ";AUTO_SERVER=TRUE", "demarche", "")) {
            c.createStatement().execute("MERGE INTO setting (name, content) KEY (name) VALUES ('actor_merge_pending', '1')");
            c.createStatement().execute("UPDATE local_actor SET actor_id = NULL");
            c.createStatement().execute("DELETE FROM actor_alias");
            c.createStatement().execute("DELETE FROM actor");
        }
        Path afterCrash = tmp.resolve("after-crash.jsonl");
        StringWriter mergeNotice = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(mergeNotice, true), "export",
                "--workspace", ws, "--out", afterCrash.toString()));
        assertTrue(mergeNotice.toString().contains("finished the actor merge"), mergeNotice.toString());
        List<JsonNode> records = Files.readAllLines(afterCrash).stream().map(l -> read(json, l)).toList();
        Set<String> ids = new java.util.HashSet<>();
        records.forEach(r -> ids.add(r.get("id").asText()));
        int references = 0;
        for (JsonNode r : records) {
            List<JsonNode> refs = new java.util.ArrayList<>();
            for (String f : List.of("speaker", "actor", "target", "doc")) {
                if (r.hasNonNull(f) && !r.get("type").asText().equals("document")) {
                    refs.add(r.get(f));
                }
            }
            if (r.has("actors")) {
                r.get("actors").forEach(refs::add);
            }
            if (r.has("evidence")) {
                r.get("evidence").forEach(refs::add);
            }
            for (JsonNode ref : refs) {
                assertTrue(ids.contains(ref.asText()), "dangling " + ref + " in " + r);
                references++;
            }
        }
        assertTrue(references > 50, "references checked: " + references);
        assertEquals(all.stream().filter(l -> l.contains("\"type\":\"actor\"")).count(),
                records.stream().filter(r -> r.get("type").asText().equals("actor")).count(), "the same actors again");

        // ingesting again changes nothing
        assertEquals(0, Main.run("ingest", "--workspace", ws, "--manifest", EXAMPLES.resolve("manifest.csv").toString(),
                EXAMPLES.toString()));
        Path again = tmp.resolve("again.jsonl");
        assertEquals(0, Main.run("export", "--workspace", ws, "--out", again.toString()));
        assertEquals(all, Files.readAllLines(again));
    }

    /** The search index follows the workspace: a changed file's old words are no longer found. */
    @Test
    void searchFollowsReingest(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        Path story = corpus.resolve("002.txt");
        Files.copy(EXAMPLES.resolve("002_45ed76d0f631c29a.txt"), story);
        String ws = tmp.resolve("ws").toString();
        assertEquals(0, Main.run("ingest", "--workspace", ws, "--no-extract", corpus.toString()));
        assertEquals(1, total(ws, "\"frozen conflict\""));
        Files.writeString(story, Files.readString(story).replace("frozen conflict", "stalemate"));
        assertEquals(0, Main.run("ingest", "--workspace", ws, "--no-extract", corpus.toString()));
        assertEquals(0, total(ws, "\"frozen conflict\""));
        assertEquals(1, total(ws, "stalemate"));
        assertEquals(2, Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "search", "--workspace", ws, "\"unbalanced"));
    }

    private static int total(String ws, String query) throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out, true), null, "search", "--workspace", ws, "--json", query));
        return new ObjectMapper().readTree(out.toString()).get("total").asInt();
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path tmp) throws Exception {
        assertEquals(2, Main.run("ingest", "--no-such-option", EXAMPLES.toString()));
        assertEquals(2, Main.run("ingest", "--workspace", tmp.resolve("ws").toString()));
        assertEquals(2, Main.run("export", "--workspace", tmp.resolve("nothing-here").toString()));
        assertEquals(2, Main.run("export", "--workspace", tmp.resolve("ws").toString(), "--format", "xml"));
        Path badManifest = tmp.resolve("bad.csv");
        Files.writeString(badManifest, "path,title\nx.txt,X\n");
        assertEquals(2, Main.run("ingest", "--workspace", tmp.resolve("ws").toString(), "--manifest",
                badManifest.toString(), EXAMPLES.toString()));
        Path badCodebook = tmp.resolve("cb.yml");
        Files.writeString(badCodebook, "issues:\n  - id: a\n    terms: [x]\n  - id: a\n    terms: [y]\n");
        assertEquals(2, Main.run("ingest", "--workspace", tmp.resolve("ws2").toString(), "--codebook",
                badCodebook.toString(), EXAMPLES.toString()));
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("ws2")), "refused before any work started");
    }

    @Test
    void aMissingInputIsReportedAndTheRestIsIngested(@TempDir Path tmp) throws Exception {
        String ws = tmp.resolve("ws").toString();
        assertEquals(0, Main.run("ingest", "--workspace", ws, "--no-extract",
                EXAMPLES.resolve("001_5b1dba479f85dabc.txt").toString(), tmp.resolve("no-such-file.txt").toString()));
        Path out = tmp.resolve("kb.jsonl");
        assertEquals(0, Main.run("export", "--workspace", ws, "--out", out.toString()));
        assertEquals(1, Files.readAllLines(out).size(), "one document, nothing extracted");
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
