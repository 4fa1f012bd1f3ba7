package org.demarche.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.demarche.model.Polarity;
import org.demarche.model.RecordId;
import org.demarche.model.Stance;
import org.demarche.stance.StanceTimeline.CellKind;
import org.demarche.stance.StanceTimeline.Matrix;
import org.demarche.stance.StanceTimeline.Shift;
import org.junit.jupiter.api.Test;

/** The matrix and the shifts on a small history: actor 1 supports, wavers, then opposes; actor 2 holds. */
class StanceTimelineTest {

    private final List<Stance> history = List.of(
            point(1, 1, "2007-07-23", Polarity.SUPPORT, 0.8),
            point(2, 1, "2007-09", Polarity.SUPPORT, 0.6),
            point(3, 1, "2008-03-03", Polarity.SUPPORT, 0.7),
            point(4, 1, "2008-09", Polarity.OPPOSE, 0.9),
            point(5, 1, "2009", Polarity.NEUTRAL, 0.5),
            point(6, 1, "2010-09", Polarity.OPPOSE, 0.75),
            point(7, 2, "2008-09", Polarity.OPPOSE, 0.7),
            point(8, 2, null, Polarity.OPPOSE, 0.6));

    /** A stored stance: its id, its actor, when, which way, how sure. */
    private static Stance point(long id, long actor, String date, Polarity polarity, double confidence) {
        return new Stance(RecordId.stance(id), RecordId.actor(actor), "an-issue", polarity, RecordId.document(1), date,
                List.of(), confidence, 0, 0, null, null);
    }

    @Test
    void cellsCountAndMixedPeriodsShow() {
        Matrix m = StanceTimeline.matrix(history, 1);
        assertEquals(List.of("2007", "2008", "2009", "2010", StanceTimeline.UNDATED), m.periods());
        assertEquals(List.of(RecordId.actor(1), RecordId.actor(2)), List.copyOf(m.rows().keySet()), "the actor with most records first");
        assertEquals(CellKind.SUPPORT, m.rows().get(RecordId.actor(1)).get("2007").kind());
        assertEquals(2, m.rows().get(RecordId.actor(1)).get("2007").count(Polarity.SUPPORT));
        assertEquals(CellKind.MIXED, m.rows().get(RecordId.actor(1)).get("2008").kind());
        assertEquals(CellKind.NEUTRAL, m.rows().get(RecordId.actor(1)).get("2009").kind());
        assertEquals(List.of("2005–2009", "2010–2014", StanceTimeline.UNDATED), StanceTimeline.matrix(history, 5).periods());
    }

    @Test
    void shiftsSkipWaveringAndKeepTheStrongestWordsOnEachSide() {
        List<Shift> shifts = StanceTimeline.shifts(StanceTimeline.matrix(history, 1));
        assertEquals(1, shifts.size(), shifts::toString);
        Shift s = shifts.get(0);
        assertEquals(RecordId.actor(1), s.actor());
        assertEquals("2007", s.fromPeriod());
        assertEquals("2010", s.toPeriod());
        assertEquals(RecordId.stance(1), s.before().id(), "the surest support of 2007");
        assertEquals(RecordId.stance(6), s.after().id());
    }
}
