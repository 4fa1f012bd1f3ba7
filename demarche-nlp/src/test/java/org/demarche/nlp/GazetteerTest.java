package org.demarche.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.demarche.ingest.Corpora;
import org.junit.jupiter.api.Test;

/** States as collected metadata and news name them. */
class GazetteerTest {

    private final Gazetteer g = Gazetteer.get();

    private String code(String name) {
        return g.byName(name).map(Gazetteer.State::code).orElse(null);
    }

    @Test
    void formalNamesCodesAndTyposFindTheirState() {
        assertEquals("RUS", code("Russian Federation"));
        assertEquals("RUS", code("RUS"));
        assertEquals("ARG", code("Argentine Republic"));
        assertEquals("BOL", code("Bolivia, Plurinational State of"));
        assertEquals("KOR", code("Korea, Republic of"));
        assertEquals("HUN", code("Hungrary"));
        assertEquals("MAR", code("Moroco"));
        assertEquals("BLR", code("Byelorussian Soviet Socialist Repulic"));
        assertEquals("RUS", g.byCapital("Moscow").map(Gazetteer.State::code).orElse(null));
        assertEquals("SRB", g.byCapital("Belgrade").map(Gazetteer.State::code).orElse(null));
        assertEquals("RUS", g.byDemonym("Russian").map(Gazetteer.State::code).orElse(null));
    }

    /** The UNGDC manifest names the state of every statement: nearly all must be found. */
    @Test
    void theUngdcManifestsStatesAreKnown() throws Exception {
        List<String> missing = new ArrayList<>();
        int total = 0;
        try (Reader r = Files.newBufferedReader(Corpora.ungdc().resolve("manifest.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                String state = rec.get("speaker_for");
                total++;
                if (g.byName(state).isEmpty()) {
                    missing.add(state);
                }
            }
        }
        assertTrue(missing.size() < total / 100, missing.size() + " of " + total + " not found, e.g. "
                + missing.stream().distinct().limit(20).toList());
    }
}
