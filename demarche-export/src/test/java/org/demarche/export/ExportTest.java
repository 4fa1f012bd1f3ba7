package org.demarche.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
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
import org.demarche.search.SeedWorkspace;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export of the example corpus: the contract's records (spec/CONTRACT.md section 4) with every id they point to
 * present, statements that anchor in their document's words, and tidy tables that say what the JSON Lines say.
 */
class ExportTest {

    @TempDir
    static Path tmp;
    static Workspace ws;
    static Path jsonl;
    static List<JsonNode> records;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void export() throws Exception {
        ws = SeedWorkspace.build(tmp.resolve("ws"));
        jsonl = tmp.resolve("kb.jsonl");
        try (OutputStream out = Files.newOutputStream(jsonl)) {
            new JsonlExporter(true).export(ws, out);
        }
        records = Files.readAllLines(jsonl).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    private static List<JsonNode> of(String type) {
        return records.stream().filter(r -> r.get("type").asText().equals(type)).toList();
    }

    @Test
    void recordsHaveTheContractsFieldsAndEveryIdTheyNameExists() {
        assertEquals(5, of("document").size());
        Set<String> ids = new HashSet<>();
        for (JsonNode r : records) {
            assertTrue(ids.add(r.get("id").asText()), "one record per id: " + r.get("id"));
        }
        for (String f : List.of("id", "file", "source", "url", "title", "published", "publisher", "author", "speaker",
                "language", "chars", "boilerplate_chars", "warnings")) {
            of("document").forEach(d -> assertTrue(d.has(f), f));
        }
        for (JsonNode s : of("statement")) {
            assertTrue(ids.contains(s.get("doc").asText()), s.toString());
            assertTrue(s.get("speaker").isNull() || ids.contains(s.get("speaker").asText()), s.toString());
            assertTrue(List.of("direct", "indirect").contains(s.get("kind").asText()), s.toString());
        }
        for (JsonNode a : of("actor")) {
            for (JsonNode role : a.get("roles")) {
                assertTrue(role.get("of").isNull() || ids.contains(role.get("of").asText()), role.toString());
            }
        }
        assertTrue(of("statement").size() > 50 && of("actor").size() > 20, records.size() + " records");
    }

    @Test
    void statementsAnchorInTheirDocumentsWords() {
        Map<String, String> text = new HashMap<>();
        of("document").forEach(d -> text.put(d.get("id").asText(), d.get("text").asText()));
        for (JsonNode s : of("statement")) {
            String t = text.get(s.get("doc").asText());
            int start = s.get("start").asInt();
            int end = s.get("end").asInt();
            assertEquals(t.substring(start, end), s.get("text").asText());
            JsonNode quote = s.get("selector").get(0);
            assertEquals(s.get("text").asText(), quote.get("exact").asText());
            assertTrue(t.substring(0, start).endsWith(quote.get("prefix").asText()));
            assertTrue(t.substring(end).startsWith(quote.get("suffix").asText()));
            assertEquals(start, s.get("selector").get(1).get("start").asInt());
        }
        JsonNode russia = of("actor").stream().filter(a -> a.get("name").asText().equals("Russia")).findFirst().orElseThrow();
        assertEquals("RUS", russia.get("iso3166").asText());
    }

    @Test
    void csvAndParquetTablesReadBackAsTheExport() throws Exception {
        Map<String, Long> csv = TidyExporter.write(jsonl, TidyExporter.Format.CSV, tmp.resolve("csv"));
        Map<String, Long> parquet = TidyExporter.write(jsonl, TidyExporter.Format.PARQUET, tmp.resolve("parquet"));
        assertEquals(csv, parquet);
        assertEquals((long) of("statement").size(), csv.get("statements"));
        long aliases = of("actor").stream().mapToLong(a -> a.get("aliases").size()).sum();
        assertEquals(aliases, csv.get("actors_aliases"));
        assertEquals(2L * of("statement").size(), csv.get("statements_selector"));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (String source : List.of("read_csv('" + tmp.resolve("csv/documents.csv") + "', header = true)",
                    "read_parquet('" + tmp.resolve("parquet/documents.parquet") + "')")) {
                try (ResultSet rs = st.executeQuery("SELECT id, published, chars, text FROM " + source + " ORDER BY id")) {
                    int n = 0;
                    while (rs.next()) {
                        JsonNode d = of("document").stream().filter(x -> {
                            try {
                                return x.get("id").asText().equals(rs.getString(1));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }).findFirst().orElseThrow();
                        assertEquals(d.get("published").isNull() ? null : d.get("published").asText(), rs.getString(2));
                        assertEquals(d.get("chars").asLong(), rs.getLong(3));
                        assertEquals(d.get("text").asText(), rs.getString(4), "a whole text, line ends and quotes kept");
                        n++;
                    }
                    assertEquals(5, n, source);
                }
            }
        }
    }
}
