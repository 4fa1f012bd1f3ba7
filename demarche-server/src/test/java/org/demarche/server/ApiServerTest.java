package org.demarche.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over the example corpus: answers with their sources, and bad requests refused cleanly. */
class ApiServerTest {

    @TempDir
    static Path tmp;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void serve() throws Exception {
        ServedWorkspace.start(tmp);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ServedWorkspace.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + " -> " + r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void searchFindsPhrasesWithTheirSourceAndFacets() throws Exception {
        JsonNode r = ok("/api/search?q=%22territorial+integrity%22&type=statement");
        assertTrue(r.get("total").asInt() >= 2, r.toString());
        JsonNode hit = r.get("hits").get(0);
        String text = hit.get("snippet").get("text").asText();
        JsonNode mark = hit.get("snippet").get("marks").get(0);
        assertEquals("territorial integrity", text.substring(mark.get(0).asInt(), mark.get(1).asInt()).toLowerCase());
        assertTrue(hit.get("doc").asText().matches("d\\d+") && hit.get("end").asInt() > hit.get("start").asInt());
        assertTrue(r.get("facets").get("actor").size() > 0);
        JsonNode filtered = ok("/api/search?q=Kosovo&position=kosovo-independence:oppose");
        assertTrue(filtered.get("total").asInt() > 0 && filtered.get("total").asInt() < ok("/api/search?q=Kosovo").get("total").asInt());
    }

    @Test
    void stanceMatrixActorsAndDocumentsAnswer() throws Exception {
        JsonNode m = ok("/api/stances?issue=kosovo-independence");
        boolean russiaOpposes = false;
        for (JsonNode a : m.get("actors")) {
            if (a.get("name").asText().equals("Russia")) {
                russiaOpposes = a.get("cells").toString().contains("\"oppose\"");
            }
        }
        assertTrue(russiaOpposes, m.toString());
        assertTrue(ok("/api/shifts?issue=kosovo-independence").has("shifts"));
        JsonNode actors = ok("/api/actors?name=lavrov");
        String id = actors.get("actors").get(0).get("id").asText();
        JsonNode lavrov = ok("/api/actors/" + id);
        assertTrue(lavrov.get("actor").get("roles").size() >= 2, lavrov.toString());
        assertTrue(lavrov.get("statements").size() >= 3);
        JsonNode st = lavrov.get("statements").get(0);
        JsonNode doc = ok("/api/documents/" + st.get("doc").asText());
        String words = doc.get("text").asText().substring(st.get("start").asInt(), st.get("end").asInt());
        assertEquals(st.get("text").asText(), words, "a statement's offsets point at its words");
        assertTrue(doc.get("marks").size() > 0);
        assertTrue(ok("/api/issues").size() >= 5);
        assertTrue(ok("/api/timeline?issue=kosovo-independence").get("positions").size() > 0);
        assertTrue(ok("/api/statements?actor=Lavrov&from=2008&to=2008").get("statements").size() > 0);
        assertTrue(ok("/api/openapi.json").get("paths").has("/api/stances"));
    }

    @Test
    void badRequestsGetAClearFourHundredNeverAStackTrace() throws Exception {
        String[][] cases = {
            {"/api/documents/../../../etc/passwd", "4"}, {"/api/documents/x1", "400"}, {"/api/documents/d99999", "404"},
            {"/api/search?q=%22unbalanced", "400"}, {"/api/search?nofacet=1&limit=0", "400"}, {"/api/stances", "400"},
            {"/api/stances?issue=%3Cscript%3E", "400"}, {"/api/statements?from=yesterday", "400"}, {"/api/nope", "404"},
            {"/../../etc/passwd", "404"}, {"/api/search?limit=abc", "400"}
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get(c[0]);
            assertTrue(String.valueOf(r.statusCode()).startsWith(c[1]), c[0] + " -> " + r.statusCode() + " " + r.body());
            JsonNode body = JSON.readTree(r.body());
            assertFalse(body.get("error").asText().isBlank(), c[0]);
            assertFalse(r.body().contains("at org.") || r.body().contains("Exception"), r.body());
        }
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(ServedWorkspace.base() + "/api/search"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void everyResponseCarriesAStrictContentSecurityPolicy() throws Exception {
        for (String path : new String[] {"/", "/app.js", "/api/issues", "/api/nope"}) {
            HttpResponse<String> r = get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe"), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        assertEquals(200, get("/uplot.js").statusCode(), "the charting library is served from the jar");
    }

    @Test
    void hostileTextComesBackAsText() throws Exception {
        JsonNode r = ok("/api/search?q=onerror&type=document");
        assertEquals(1, r.get("total").asInt(), r.toString());
        JsonNode doc = ok("/api/documents/" + r.get("hits").get(0).get("doc").asText());
        assertTrue(doc.get("text").asText().contains("<script>window.pwned=1</script>"));
    }

    @Test
    void searchTakesADateRangeAndAnOrder() throws Exception {
        JsonNode in2008 = ok("/api/search?q=Kosovo&from=2008&to=2008&limit=50");
        assertTrue(in2008.get("total").asInt() > 0, in2008.toString());
        for (JsonNode h : in2008.get("hits")) {
            assertTrue(h.get("date").asText().startsWith("2008"), h.toString());
        }
        assertTrue(in2008.get("total").asInt() < ok("/api/search?q=Kosovo").get("total").asInt());
        JsonNode byDate = ok("/api/search?q=Kosovo&sort=date&limit=50");
        String previous = "";
        for (JsonNode h : byDate.get("hits")) {
            if (h.hasNonNull("date")) {
                assertTrue(previous.compareTo(h.get("date").asText()) <= 0, byDate.toString());
                previous = h.get("date").asText();
            }
        }
        assertEquals(400, get("/api/search?q=Kosovo&sort=loudest").statusCode());
        assertEquals(400, get("/api/search?q=Kosovo&from=2008-13").statusCode());
    }

    @Test
    void overviewDocumentListAndNetworkAnswer() throws Exception {
        JsonNode o = ok("/api/overview");
        assertEquals(7, o.get("documents").asInt());
        assertTrue(o.get("most_active").get(0).get("id").asText().matches("a\\d+"), o.toString());
        assertTrue(o.get("issues").size() >= 5);
        JsonNode wire = ok("/api/documents?publisher=hostile+wire");
        assertEquals(1, wire.get("total").asInt());
        assertEquals(ServedWorkspace.HOSTILE_TITLE, wire.get("documents").get(0).get("title").asText());
        assertEquals(4, ok("/api/documents?from=1999&to=2008").get("total").asInt(), "the dated seeds (the op-ed has no date)");

        JsonNode n = ok("/api/network?issue=kosovo-independence&type=conflict&min_confidence=0");
        JsonNode edge = n.get("windows").get(0).get("edges").get(0);
        JsonNode behind = ok("/api/statements?ids=" + String.join(",", JSON.convertValue(edge.get("statements"),
                java.util.List.class)));
        assertEquals(edge.get("statements").size(), behind.get("statements").size());
        HttpResponse<String> gexf = get("/api/network.gexf?all=1&window=1y");
        assertEquals(200, gexf.statusCode());
        assertTrue(gexf.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        assertTrue(gexf.body().contains("version=\"1.3\""));
        assertTrue(get("/api/network.graphml?issue=kosovo-independence").body().contains("<graphml"));
        assertEquals(400, get("/api/network").statusCode(), "an issue or all");
        assertEquals(400, get("/api/network?all=1&window=3+weeks").statusCode());
        assertEquals(400, get("/api/network?all=1&normalize=loudness").statusCode());
        assertEquals(400, get("/api/statements?ids=s1,x2").statusCode());
        assertEquals(0, ok("/api/corrections").get("corrections").size(), "no one has corrected this workspace");
    }
}
