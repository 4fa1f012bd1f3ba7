package org.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discourse network and the tidy tables of the bundled example corpus: who sides with whom on Kosovo's
 * independence, in files Gephi, Cytoscape, R and pandas open, every link going back to the statements.
 */
class NetworkAndTablesTest {

    private static final Path EXAMPLES =
            Path.of(System.getProperty("demarche.repo", "..")).toAbsolutePath().normalize().resolve("examples/kosovo");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static String ws;
    static List<JsonNode> export;

    @BeforeAll
    static void ingest() throws Exception {
        ws = tmp.resolve("ws").toString();
        assertEquals(0, Main.run("ingest", "--workspace", ws, "--manifest", EXAMPLES.resolve("manifest.csv").toString(),
                "--codebook", EXAMPLES.resolve("codebook.yml").toString(), EXAMPLES.toString()));
        Path out = tmp.resolve("kb.jsonl");
        assertEquals(0, Main.run("export", "--workspace", ws, "--out", out.toString()));
        export = Files.readAllLines(out).stream().map(NetworkAndTablesTest::read).toList();
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = args[0];
        all[1] = "--workspace=" + ws;
        System.arraycopy(args, 1, all, 2, args.length - 1);
        assertEquals(0, Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all), err.toString());
        return out.toString();
    }

    private static String idOf(String name) {
        return export.stream().filter(r -> r.get("type").asText().equals("actor") && r.get("name").asText().equals(name))
                .map(r -> r.get("id").asText()).findFirst().orElseThrow(() -> new AssertionError("no actor " + name));
    }

    @Test
    void theIndependenceNetworkPutsRussiaAndSerbiaOnOneSideAndTheUnitedStatesOnTheOther() throws Exception {
        JsonNode n = JSON.readTree(run("network", "--issue", "kosovo-independence", "--type", "subtract"));
        JsonNode all = n.get("windows").get(0);
        Map<String, Integer> community = new HashMap<>();
        all.get("nodes").forEach(v -> community.put(v.get("id").asText(), v.get("community").asInt()));
        String russia = idOf("Russia");
        String serbia = idOf("Serbia");
        String us = idOf("United States");
        assertEquals(community.get(russia), community.get(serbia), all.toString());
        assertNotEquals(community.get(russia), community.get(us), all.toString());
        assertTrue(all.get("polarisation").asDouble() > 0.5, "two camps: " + all.get("camps"));

        // every edge goes back to statements, and each of them is in the export
        Set<String> statements = new HashSet<>();
        export.stream().filter(r -> r.get("type").asText().equals("statement")).forEach(r -> statements.add(r.get("id").asText()));
        assertTrue(all.get("edges").size() > 0);
        boolean russiaAgainstUs = false;
        for (JsonNode e : all.get("edges")) {
            assertTrue(e.get("statements").size() > 0, e.toString());
            e.get("statements").forEach(s -> assertTrue(statements.contains(s.asText()), s.asText()));
            russiaAgainstUs |= Set.of(e.get("source").asText(), e.get("target").asText()).equals(Set.of(russia, us))
                    && e.get("weight").asDouble() < 0;
        }
        assertTrue(russiaAgainstUs, "Russia and the United States disagree on independence");
    }

    @Test
    void graphmlAndGexfValidateAndReadBack() throws Exception {
        Path graphml = tmp.resolve("independence.graphml");
        run("network", "--issue", "kosovo-independence", "--type", "congruence", "--format", "graphml", "--out",
                graphml.toString());
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // the published schemas, as JGraphT ships them
        sf.newSchema(getClass().getResource("/graphml.xsd")).newValidator().validate(new StreamSource(graphml.toFile()));
        Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(null, DefaultWeightedEdge::new);
        GraphMLImporter<String, DefaultWeightedEdge> in = new GraphMLImporter<>();
        in.setVertexFactory(id -> id);
        in.setSchemaValidation(true);
        in.importGraph(g, Files.newBufferedReader(graphml));
        assertTrue(g.containsVertex(idOf("Russia")) && g.containsEdge(idOf("Russia"), idOf("Serbia")));

        Path gexf = tmp.resolve("all.gexf");
        run("network", "--all", "--type", "conflict", "--window", "1y", "--level", "state", "--format", "gexf", "--out",
                gexf.toString());
        String text = Files.readString(gexf, StandardCharsets.UTF_8);
        assertTrue(text.contains("version=\"1.3\"") && text.contains("<spell "), "GEXF 1.3 with spells");
        // No registry ships the GEXF 1.3 schema; 1.3 keeps 1.2's elements and attributes and only renames the
        // namespace, so the file is checked against 1.2's published schema under 1.2's name.
        String as12 = text.replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace("version=\"1.3\"",
                "version=\"1.2\"");
        sf.newSchema(getClass().getResource("/gexf.xsd")).newValidator().validate(new StreamSource(new StringReader(as12)));
        Graph<String, DefaultWeightedEdge> h = new SimpleWeightedGraph<>(null, DefaultWeightedEdge::new);
        SimpleGEXFImporter<String, DefaultWeightedEdge> gin = new SimpleGEXFImporter<>();
        gin.setVertexFactory(id -> id);
        gin.setSchemaValidation(false);
        gin.importGraph(h, new StringReader(text));
        assertTrue(h.containsVertex(idOf("Russia")) && h.containsVertex(idOf("United States")), h.toString());
        assertTrue(h.containsEdge(idOf("Russia"), idOf("United States")), h.toString());
    }

    @Test
    void csvAndParquetTablesSayWhatTheJsonLinesExportSays() throws Exception {
        Path csv = tmp.resolve("csv");
        Path parquet = tmp.resolve("parquet");
        assertEquals(0, Main.run("export", "--workspace", ws, "--format", "csv", "--out", csv.toString()));
        assertEquals(0, Main.run("export", "--workspace", ws, "--format", "parquet", "--out", parquet.toString()));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (String type : List.of("document", "actor", "statement", "stance", "event")) {
                List<JsonNode> records = export.stream().filter(r -> r.get("type").asText().equals(type)).toList();
                for (String source : List.of("read_csv('" + csv.resolve(type + "s.csv") + "', header = true)",
                        "read_parquet('" + parquet.resolve(type + "s.parquet") + "')")) {
                    Map<String, JsonNode> byId = new HashMap<>();
                    records.forEach(r -> byId.put(r.get("id").asText(), r));
                    try (ResultSet rs = st.executeQuery("SELECT * FROM " + source)) {
                        int rows = 0;
                        while (rs.next()) {
                            rows++;
                            JsonNode r = byId.get(rs.getString("id"));
                            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                                String column = rs.getMetaData().getColumnName(c);
                                JsonNode v = r.get(column);
                                Object got = rs.getObject(c);
                                if (v == null || v.isNull()) {
                                    assertEquals(null, got, type + " " + column);
                                } else if (v.isNumber()) {
                                    assertEquals(v.asDouble(), ((Number) got).doubleValue(), 1e-9, type + " " + column);
                                } else {
                                    assertEquals(v.asText(), String.valueOf(got), type + " " + column);
                                }
                            }
                        }
                        assertEquals(records.size(), rows, source);
                    }
                }
            }
            // lists become tables of their own: an actor's aliases, a stance's evidence in rank order
            JsonNode lavrov = export.stream().filter(r -> r.get("type").asText().equals("actor")
                    && r.get("name").asText().equals("Sergei Lavrov")).findFirst().orElseThrow();
            try (ResultSet rs = st.executeQuery("SELECT value FROM read_parquet('" + parquet.resolve("actors_aliases.parquet")
                    + "') WHERE actor = '" + lavrov.get("id").asText() + "' ORDER BY rank")) {
                int i = 0;
                while (rs.next()) {
                    assertEquals(lavrov.get("aliases").get(i++).asText(), rs.getString(1));
                }
                assertEquals(lavrov.get("aliases").size(), i);
            }
        }
    }

    @Test
    void statementsCarryWebAnnotationSelectorsAndStatesTheirIsoCode() throws Exception {
        Path withText = tmp.resolve("with-text.jsonl");
        assertEquals(0, Main.run("export", "--workspace", ws, "--include-text", "--out", withText.toString()));
        Map<String, String> texts = new HashMap<>();
        List<JsonNode> records = Files.readAllLines(withText).stream().map(NetworkAndTablesTest::read).toList();
        records.stream().filter(r -> r.get("type").asText().equals("document"))
                .forEach(r -> texts.put(r.get("id").asText(), r.get("text").asText()));
        int checked = 0;
        for (JsonNode st : records) {
            if (!st.get("type").asText().equals("statement")) {
                continue;
            }
            String text = texts.get(st.get("doc").asText());
            int start = st.get("start").asInt();
            int end = st.get("end").asInt();
            JsonNode quote = st.get("selector").get(0);
            JsonNode position = st.get("selector").get(1);
            assertEquals("TextQuoteSelector", quote.get("type").asText());
            assertEquals(text.substring(start, end), quote.get("exact").asText());
            assertTrue(text.substring(0, start).endsWith(quote.get("prefix").asText()), quote.toString());
            assertTrue(text.substring(end).startsWith(quote.get("suffix").asText()), quote.toString());
            assertTrue(quote.get("prefix").asText().length() > 0 || start == 0);
            assertEquals("TextPositionSelector", position.get("type").asText());
            assertEquals(start, position.get("start").asInt());
            assertEquals(end, position.get("end").asInt());
            checked++;
        }
        assertTrue(checked > 50, checked + " statements");
        JsonNode russia = records.stream().filter(r -> r.get("type").asText().equals("actor")
                && r.get("name").asText().equals("Russia")).findFirst().orElseThrow();
        assertEquals("RUS", russia.get("iso3166").asText());
        JsonNode lavrov = records.stream().filter(r -> r.get("type").asText().equals("actor")
                && r.get("name").asText().equals("Sergei Lavrov")).findFirst().orElseThrow();
        assertTrue(!lavrov.has("iso3166"), "only states have a code");
    }
}
