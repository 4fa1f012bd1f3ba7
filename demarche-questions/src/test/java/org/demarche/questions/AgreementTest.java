package org.demarche.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.demarche.store.Corrections.Entry;
import org.junit.jupiter.api.Test;

/** The agreement report against figures worked out by hand. */
class AgreementTest {

    /** An entry as the log holds it: its number, the document by hash, the actor, the machine's and the coder's values. */
    private static Entry stance(long id, String coder, String doc, String actor, String machine, String value) {
        return new Entry(id, "2026-12-01T10:00:00Z", coder, "stance", doc, doc + ".txt", null, null, null, null, null, actor,
                "independence", value, null, null, machine, null, null, "applied", null);
    }

    private static Entry undo(long id, String coder, long undoes) {
        return new Entry(id, "2026-12-01T10:00:00Z", coder, "undo", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, undoes, "applied", null);
    }

    /*
     * Four stances, machine then person: (support, support), (oppose, support), (support, confirm), (oppose, oppose).
     * Agreement 3/4. Cohen: machine S2 O2, person S3 O1, p_e = (2*3 + 2*1)/16 = 0.5, kappa = (0.75-0.5)/0.5 = 0.5.
     * Krippendorff (nominal): pooled S5 O3, n = 8; observed disagreement 2/8 = 0.25; expected 2*5*3/(8*7) = 30/56;
     * alpha = 1 - 0.25 * 56/30 = 0.5333.
     */
    private static final List<Entry> LOG = List.of(
            stance(1, "ana", "h1", "Russia", "support", "support"),
            stance(2, "ana", "h1", "Serbia", "oppose", "support"),
            stance(3, "ana", "h2", "Russia", "support", "confirm"),
            stance(4, "ana", "h2", "Serbia", "oppose", "oppose"));

    @Test
    void machineAndPersonMatchTheHandCalculation() {
        Agreement.Figures p = Agreement.machineAndPersons(LOG).fields().stream()
                .filter(f -> f.field().equals("polarity")).findFirst().orElseThrow();
        assertEquals(4, p.items());
        assertEquals(3, p.agreed());
        assertEquals(0.75, p.percent(), 1e-9);
        assertEquals(0.5, p.kappa(), 1e-9);
        assertEquals(1 - 0.25 * 56 / 30.0, p.alpha(), 1e-9);
    }

    @Test
    void twoCodersOnTheSameItemsAndUndoneEntriesLeftOut() {
        // ben codes the same four stances: he agrees with ana on three; his fifth entry is taken back
        List<Entry> log = new java.util.ArrayList<>(LOG);
        log.add(stance(5, "ben", "h1", "Russia", "support", "support"));
        log.add(stance(6, "ben", "h1", "Serbia", "oppose", "oppose"));
        log.add(stance(7, "ben", "h2", "Russia", "support", "support"));
        log.add(stance(8, "ben", "h2", "Serbia", "oppose", "oppose"));
        log.add(stance(9, "ben", "h2", "Serbia", "oppose", "support"));
        log.add(undo(10, "ben", 9));
        List<Agreement.Report> pairs = Agreement.betweenCoders(log);
        assertEquals(1, pairs.size());
        assertEquals(List.of("ana", "ben"), pairs.get(0).coders());
        Agreement.Figures p = pairs.get(0).fields().stream().filter(f -> f.field().equals("polarity")).findFirst().orElseThrow();
        // ana S S S O, ben S O S O: 3/4; ana S3 O1, ben S2 O2: the same kappa and alpha as above
        assertEquals(4, p.items());
        assertEquals(0.75, p.percent(), 1e-9);
        assertEquals(0.5, p.kappa(), 1e-9);
        assertEquals(1 - 0.25 * 56 / 30.0, p.alpha(), 1e-9);
        // a field nobody coded has no figures
        Agreement.Figures speaker = pairs.get(0).fields().stream().filter(f -> f.field().equals("speaker")).findFirst()
                .orElseThrow();
        assertEquals(0, speaker.items());
        assertNull(speaker.kappa());
    }

    @Test
    void oneCategoryOnlyHasAShareButNoKappa() {
        Agreement.Figures p = Agreement.machineAndPersons(List.of(stance(1, "ana", "h1", "Russia", "support", "confirm")))
                .fields().stream().filter(f -> f.field().equals("polarity")).findFirst().orElseThrow();
        assertEquals(1.0, p.percent(), 1e-9);
        assertNull(p.kappa());
        assertNull(p.alpha());
    }
}
