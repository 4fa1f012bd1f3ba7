package org.demarche.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.demarche.export.JsonlExporter;
import org.demarche.ingest.Corpora;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.model.Document;
import org.demarche.model.Extraction;
import org.demarche.nlp.Extractor;
import org.demarche.nlp.NlpExtractor;
import org.demarche.pipeline.IngestListener;
import org.demarche.pipeline.IngestRunner;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Correcting in the page, in a real browser, on the example corpus: a stance's polarity set and a statement given
 * another speaker on an actor's page, a missed statement added by selecting its words in the reader; then the
 * corpus is ingested again with one file changed and a new extraction version, and every correction still holds
 * in the export, the matrix and the network. Writes are refused without the session's token or from elsewhere.
 */
class CorrectingPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUE = "kosovo-independence";

    private static Path tmp;
    private static Path corpus;
    private static Workspace ws;
    private static ApiServer server;
    private static Browser chromium;
    private static final NlpExtractor NLP = new NlpExtractor();

    @BeforeAll
    static void open() throws Exception {
        tmp = Files.createTempDirectory("demarche-correcting-");
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (var files = Files.list(Corpora.examples())) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Files.copy(p, corpus.resolve(p.getFileName()));
            }
        }
        ws = Workspace.open(tmp.resolve("ws"));
        ingest(NLP);
        server = new ApiServer(ws, "127.0.0.1", 0, 2).takeCorrections("ann");
        server.start();
        chromium = new Browser();
    }

    @AfterAll
    static void close() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        server.close();
        ws.close();
        try (var files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void ingest(Extractor extractor) throws Exception {
        new IngestRunner(ws, new DocumentIngester(), IngestRunner.Options.defaults(), extractor, 300_000)
                .withStances(Codebook.read(Corpora.examples().resolve("codebook.yml")))
                .run(List.of(corpus), Manifest.read(Corpora.examples().resolve("manifest.csv")), new IngestListener() {});
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode row(JsonNode matrix, String name) {
        for (JsonNode a : matrix.get("actors")) {
            if (a.get("name").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no row for " + name);
    }

    /** The positions in a matrix row's cells (one stance each, for the actor chosen). */
    private static List<String> positions(JsonNode row) {
        List<String> out = new ArrayList<>();
        row.get("cells").forEach(c -> out.add(c.get("position").asText()));
        return out;
    }

    private static String edgePolarity(String actorName) throws Exception {
        JsonNode w = get("/api/network?issue=" + ISSUE + "&type=affiliation&min_confidence=0").get("windows").get(0);
        String id = null;
        for (JsonNode n : w.get("nodes")) {
            if (n.get("label").asText().equals(actorName)) {
                id = n.get("id").asText();
            }
        }
        for (JsonNode e : w.get("edges")) {
            if (e.get("source").asText().equals(id)) {
                return e.get("polarity").asText();
            }
        }
        throw new AssertionError("no edge from " + actorName);
    }

    private static List<JsonNode> export() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonlExporter(false).export(ws, out);
        List<JsonNode> kb = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                kb.add(JSON.readTree(line));
            }
        }
        return kb;
    }

    /** Waits for the page to say what became of the correction of this action. */
    private void waitForResult(String action) {
        chromium.wait.until(ExpectedConditions.textMatches(By.id("correction-result"), java.util.regex.Pattern.compile(
                "correction \\d+ \\(" + action + "\\): applied|not done")));
        String said = chromium.driver.findElement(By.id("correction-result")).getText();
        assertTrue(said.contains("applied"), said);
    }

    @Test
    void correctionsMadeInThePageHoldThroughAReingest() throws Exception {
        // an actor with one stance on the issue, not Lavrov or Churkin (whose statements change below)
        JsonNode matrix = get("/api/stances?issue=" + ISSUE + "&min_confidence=0&limit=500");
        JsonNode chosen = null;
        for (JsonNode a : matrix.get("actors")) {
            int stances = 0;
            for (JsonNode c : a.get("cells")) {
                stances += c.get("stances").size();
            }
            String name = a.get("name").asText();
            if (stances == 1 && !name.contains("Lavrov") && !name.contains("Churkin")) {
                chosen = a;
                break;
            }
        }
        assertTrue(chosen != null, "an actor with one stance");
        String actorName = chosen.get("name").asText();
        String was = positions(chosen).get(0);
        String flipped = was.equals("oppose") ? "support" : "oppose";
        String stanceId = chosen.get("cells").elements().next().get("stances").get(0).asText();

        chromium.driver.get(base() + "/#/actor/" + chosen.get("actor").asText());
        chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("coder"), "correcting as ann"));
        chromium.unlessStale(() -> new Select(chromium.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("select.set-polarity[data-stance='" + stanceId + "']")))).selectByValue(flipped));
        waitForResult("stance");
        assertEquals(List.of(flipped), positions(row(get("/api/stances?issue=" + ISSUE + "&min_confidence=0&limit=500"),
                actorName)));
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#positions .human")));

        // one of Lavrov's statements is Churkin's
        String lavrov = get("/api/actors?name=Sergei%20Lavrov").get("actors").get(0).get("id").asText();
        chromium.driver.get(base() + "/#/actor/" + lavrov);
        // the page before (another actor's) has statements with controls too: this one's heading first
        chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Lavrov"));
        String[] statement = new String[1];
        chromium.unlessStale(() -> {
            WebElement first = chromium.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#statements li .controls")));
            statement[0] = first.getAttribute("data-for");
            first.findElement(By.cssSelector("form.speaker input")).sendKeys("Vitaly Churkin");
            first.findElement(By.cssSelector("form.speaker button")).click();
        });
        String words = get("/api/statements?ids=" + statement[0]).get("statements").get(0).get("text").asText();
        waitForResult("speaker");
        JsonNode now = get("/api/statements?ids=" + statement[0]).get("statements").get(0);
        assertEquals("Vitaly Churkin", now.get("speaker_name").asText());
        assertEquals("human", now.get("source").asText());
        assertEquals("ann", now.get("coder").asText());
        chromium.shot("correcting-actor");

        // words of the reader no statement holds, selected, become a statement of Lavrov's
        String doc = now.get("doc").asText();
        JsonNode d = get("/api/documents/" + doc);
        String text = d.get("text").asText();
        int start = -1;
        int end = -1;
        for (String sentence : text.split("(?<=[.?!])\\s+")) {
            int at = text.indexOf(sentence);
            boolean free = true;
            for (JsonNode s : d.get("statements")) {
                free &= at + sentence.length() <= s.get("start").asInt() || at >= s.get("end").asInt();
            }
            if (free && sentence.length() > 40 && sentence.length() < 300) {
                start = at;
                end = at + sentence.length();
                break;
            }
        }
        assertTrue(start >= 0, "words no statement holds");
        chromium.driver.get(base() + "/#/doc/" + doc);
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reader-controls form.add")));
        ((JavascriptExecutor) chromium.driver).executeScript(
                "const reader = document.getElementById('reader'), want = [arguments[0], arguments[1]], at = [];"
                + "const walk = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT); let seen = 0;"
                + "for (let n = walk.nextNode(); n; n = walk.nextNode()) { const len = n.textContent.length;"
                + "  for (let i = 0; i < 2; i++) if (!at[i] && want[i] >= seen && want[i] <= seen + len) at[i] = [n, want[i] - seen];"
                + "  seen += len; }"
                + "const r = document.createRange(); r.setStart(at[0][0], at[0][1]); r.setEnd(at[1][0], at[1][1]);"
                + "const s = document.getSelection(); s.removeAllRanges(); s.addRange(r);", start, end);
        chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selection"), "[" + start + ", " + end + ")"));
        WebElement add = chromium.driver.findElement(By.cssSelector("#reader-controls form.add"));
        add.findElement(By.name("speaker")).sendKeys("Sergei Lavrov");
        add.findElement(By.cssSelector("button")).click();
        waitForResult("add");
        String added = text.substring(start, end);
        assertTrue(get("/api/documents/" + doc).get("statements").findValuesAsText("text").contains(added), added);
        chromium.shot("correcting-reader");

        // the file of the corrected statement changes, and the extraction has a new version: every document is
        // read again, every id made anew; the corrections hold in the export, the matrix and the network
        Path file = corpus.resolve(d.get("file").asText());
        Files.writeString(file, "Updated: a line added at the top of the file.\n\n" + Files.readString(file, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        ingest(new Extractor() {
            @Override
            public Extraction extract(Document document) {
                return NLP.extract(document);
            }

            @Override
            public String version() {
                return NLP.version() + "+bumped";
            }
        });
        server.checkForChanges();
        List<JsonNode> kb = export();
        JsonNode respoken = kb.stream().filter(r -> r.get("type").asText().equals("statement")
                && r.get("text").asText().equals(words)).findFirst().orElseThrow();
        String churkin = kb.stream().filter(r -> r.get("type").asText().equals("actor")
                && r.get("name").asText().equals("Vitaly Churkin")).findFirst().orElseThrow().get("id").asText();
        assertEquals(churkin, respoken.get("speaker").asText());
        assertEquals("human", respoken.get("source").asText());
        assertTrue(kb.stream().anyMatch(r -> r.get("type").asText().equals("statement") && r.get("text").asText().equals(added)
                && r.get("found_by").asText().equals("person")), "the added statement is made again");
        assertTrue(kb.stream().anyMatch(r -> r.get("type").asText().equals("stance") && r.get("issue").asText().equals(ISSUE)
                && r.get("polarity").asText().equals(flipped) && r.get("source").asText().equals("human")));
        assertEquals(List.of(flipped), positions(row(get("/api/stances?issue=" + ISSUE + "&min_confidence=0&limit=500"),
                actorName)));
        assertEquals(flipped, edgePolarity(actorName));
    }

    @Test
    void writesAreRefusedFromElsewhereWithoutTheTokenOrWhenNotAllowed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int logged = get("/api/corrections").get("corrections").size();
        String body = "{\"action\":\"reject\",\"args\":[\"s1\"]}";
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/corrections"))
                .header("Origin", base()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noToken.statusCode(), noToken.body());
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/corrections"))
                .header("Origin", "http://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains("evil.example"), elsewhere.body());
        // the same workspace served without --allow-corrections writes nothing
        try (ApiServer readOnly = new ApiServer(ws, "127.0.0.1", 0, 2)) {
            readOnly.start();
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + readOnly.port()
                    + "/api/corrections")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("--allow-corrections"), refused.body());
        }
        assertEquals(logged, get("/api/corrections").get("corrections").size(), "nothing refused was logged");
    }
}
