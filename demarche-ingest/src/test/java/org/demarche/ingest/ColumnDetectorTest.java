package org.demarche.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interleaved columns are recognised in seed 000 and nowhere else: the other seeds, UNGDC statements, prose. */
class ColumnDetectorTest {

    @Test
    void theInterleavedInterviewIsRecognised() throws Exception {
        ColumnDetector.Finding f = ColumnDetector.detect(Files.readString(Corpora.seed("000"), StandardCharsets.UTF_8));
        assertNotNull(f);
        assertTrue(f.width() > 50 && f.width() < 65, f.toString());
        assertTrue(f.wideLines() > f.lines() / 2, f.toString());
    }

    @Test
    void noFalseAlarmOnTheOtherSeedsOrOnAThousandSpeeches() throws Exception {
        for (String seed : List.of("001", "002", "003", "004")) {
            assertNull(ColumnDetector.detect(Files.readString(Corpora.seed(seed), StandardCharsets.UTF_8)), seed);
        }
        List<String> alarms = new ArrayList<>();
        for (Path p : Corpora.ungdcSample(1000)) {
            if (ColumnDetector.detect(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)) != null) {
                alarms.add(p.getFileName().toString());
            }
        }
        assertEquals(List.of(), alarms);
        // ordinary prose, one paragraph a line
        StringBuilder prose = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            prose.append("The minister said on Tuesday that talks would resume. They had stalled in March. ".repeat(1 + i % 3))
                    .append('\n');
        }
        assertNull(ColumnDetector.detect(prose.toString()));
    }

    @Test
    void theDocumentCarriesTheWarning() throws Exception {
        byte[] bytes = Files.readAllBytes(Corpora.seed("000"));
        var d = new DocumentIngester().ingest("000.txt", "000.txt", bytes, "x".repeat(64),
                org.demarche.model.DocumentMetadata.EMPTY);
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("two columns")), d.warnings().toString());
    }
}
