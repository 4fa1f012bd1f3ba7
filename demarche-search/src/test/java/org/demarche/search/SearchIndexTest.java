package org.demarche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search index over the example corpus: phrases with their marks, facets, dates, order, and its budget. */
class SearchIndexTest {

    @TempDir
    static Path tmp;
    static Workspace ws;
    static SearchIndex index;

    @BeforeAll
    static void build() throws Exception {
        ws = SeedWorkspace.build(tmp.resolve("ws"));
        index = SearchIndex.open(ws);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
        ws.close();
    }

    private static SearchIndex.Result search(String q, Map<String, List<String>> filters) {
        return index.search(new SearchIndex.Request(q, filters, 50, 0));
    }

    @Test
    void aPhraseIsFoundWithItsWordsMarked() {
        SearchIndex.Result r = search("\"territorial integrity\"", Map.of());
        assertTrue(r.total() >= 2, r.toString());
        for (SearchIndex.Hit h : r.hits()) {
            int[] mark = h.snippet().marks().get(0);
            assertEquals("territorial integrity", h.snippet().text().substring(mark[0], mark[1]).toLowerCase());
        }
        // all the words must match (AND), so a word that is not in the corpus finds nothing
        assertEquals(0, search("Kosovo zyxwvut", Map.of()).total());
    }

    @Test
    void facetsCountAndFilter() {
        SearchIndex.Result all = search("Kosovo", Map.of());
        long documents = all.facets().get("type").stream().filter(c -> c.value().equals("document"))
                .mapToLong(SearchIndex.Count::count).sum();
        assertEquals(5, documents, "every seed speaks of Kosovo");
        SearchIndex.Result statements = search("Kosovo", Map.of("type", List.of("statement")));
        assertEquals(all.total() - documents, statements.total());
        assertTrue(statements.hits().stream().allMatch(h -> h.type().equals("statement")));
        SearchIndex.Result ap = search("Kosovo", Map.of("publisher", List.of("Associated Press")));
        assertTrue(ap.total() > 0 && ap.hits().stream().allMatch(h -> h.file().startsWith("002")), ap.toString());
    }

    @Test
    void datesNarrowAndOrder() {
        SearchIndex.Result in2008 = index.search(new SearchIndex.Request("Kosovo", Map.of(), 50, 0, "2008", "2008", false));
        assertTrue(in2008.total() > 0);
        assertTrue(in2008.hits().stream().allMatch(h -> h.date().startsWith("2008")), in2008.toString());
        SearchIndex.Result byDate = index.search(new SearchIndex.Request("Kosovo", Map.of(), 50, 0, null, null, true));
        String previous = "";
        for (SearchIndex.Hit h : byDate.hits()) {
            if (h.date() != null) {
                assertTrue(previous.compareTo(h.date()) <= 0, previous + " then " + h.date());
                previous = h.date();
            }
        }
        assertTrue(previous.startsWith("2008"), "the latest dated seed is of 2008");
    }

    @Test
    void aQueryOverItsBudgetOrBoundsIsRefusedWithTheReason() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            many.append("word").append(i).append(" OR ");
        }
        many.append("Kosovo");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search(many.toString(), Map.of()));
        assertTrue(e.getMessage().contains("64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SearchIndex.Request("Kosovo", Map.of(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> search("Kosovo", Map.of("colour", List.of("red"))));
    }
}
