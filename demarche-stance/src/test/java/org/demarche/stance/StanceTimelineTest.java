package org.demarche.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.demarche.model.Polarity;
import org.demarche.stance.StanceTimeline.CellKind;
import org.demarche.stance.StanceTimeline.Matrix;
import org.demarche.stance.StanceTimeline.Point;
import org.demarche.stance.StanceTimeline.Shift;
import org.junit.jupiter.api.Test;

/** The matrix and the shifts on a small history: actor 1 supports, wavers, then opposes; actor 2 holds. */
class StanceTimelineTest {

    private final List<Point> history = List.of(
            new Point(1, 1, "2007-07-23", Polarity.SUPPORT, 0.8),
            new Point(2, 1, "2007-09", Polarity.SUPPORT, 0.6),
            new Point(3, 1, "2008-03-03", Polarity.SUPPORT, 0.7),
            new Point(4, 1, "2008-09", Polarity.OPPOSE, 0.9),
            new Point(5, 1, "2009", Polarity.NEUTRAL, 0.5),
            new Point(6, 1, "2010-09", Polarity.OPPOSE, 0.75),
            new Point(7, 2, "2008-09", Polarity.OPPOSE, 0.7),
            new Point(8, 2, null, Polarity.OPPOSE, 0.6));

    @Test
    void cellsCountAndMixedPeriodsShow() {
        Matrix m = StanceTimeline.matrix(history, 1);
        assertEquals(List.of("2007", "2008", "2009", "2010", StanceTimeline.UNDATED), m.periods());
        assertEquals(List.of(1L, 2L), List.copyOf(m.rows().keySet()), "the actor with most records first");
        assertEquals(CellKind.SUPPORT, m.rows().get(1L).get("2007").kind());
        assertEquals(2, m.rows().get(1L).get("2007").count(Polarity.SUPPORT));
        assertEquals(CellKind.MIXED, m.rows().get(1L).get("2008").kind());
        assertEquals(CellKind.NEUTRAL, m.rows().get(1L).get("2009").kind());
        assertEquals(List.of("2005–2009", "2010–2014", StanceTimeline.UNDATED), StanceTimeline.matrix(history, 5).periods());
    }

    @Test
    void shiftsSkipWaveringAndKeepTheStrongestWordsOnEachSide() {
        List<Shift> shifts = StanceTimeline.shifts(StanceTimeline.matrix(history, 1));
        assertEquals(1, shifts.size(), shifts::toString);
        Shift s = shifts.get(0);
        assertEquals(1L, s.actor());
        assertEquals("2007", s.fromPeriod());
        assertEquals("2010", s.toPeriod());
        assertEquals(1L, s.before().id(), "the surest support of 2007");
        assertEquals(6L, s.after().id());
    }
}
