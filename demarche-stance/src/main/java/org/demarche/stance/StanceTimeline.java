package org.demarche.stance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.demarche.model.Polarity;
import org.demarche.model.RecordId;
import org.demarche.model.Stance;

/**
 * Stances over time for one issue: the actor × period matrix (support / oppose / neutral /
 * mixed, with counts) and the actors whose position changed between periods. Works on
 * stance records however they were stored; one pass to group, linear in their number.
 */
public final class StanceTimeline {

    /** The period a date falls in: its year (or the span of years it starts), or "undated". */
    static String period(String date, int years) {
        if (date == null || date.length() < 4 || !date.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return UNDATED;
        }
        int y = Integer.parseInt(date.substring(0, 4));
        if (years <= 1) {
            return Integer.toString(y);
        }
        int from = y - Math.floorMod(y, years);
        return from + "–" + (from + years - 1);
    }

    public static final String UNDATED = "undated";

    /** What a cell shows: mixed when the period holds both support and opposition. */
    public enum CellKind { SUPPORT, OPPOSE, NEUTRAL, MIXED;
        public String id() {
            return name().toLowerCase();
        }
    }

    /** One actor in one period: counts by polarity, and the stance records behind them, strongest first. */
    public record Cell(String period, Map<Polarity, Integer> counts, CellKind kind, List<Stance> points) {
        public int count(Polarity p) {
            return counts.getOrDefault(p, 0);
        }
    }

    /** The matrix: periods in order, and for each actor its cells by period. */
    public record Matrix(List<String> periods, Map<RecordId, Map<String, Cell>> rows) {}

    /** An actor's position moved from one period to a later one; the strongest record on each side. */
    public record Shift(RecordId actor, String fromPeriod, CellKind from, String toPeriod, CellKind to, Stance before,
                        Stance after) {}

    private StanceTimeline() {}

    /** Groups stances into periods of {@code years} years (1: by year). Actors with most records come first. */
    public static Matrix matrix(List<Stance> points, int years) {
        Map<RecordId, Map<String, List<Stance>>> grouped = new LinkedHashMap<>();
        TreeSet<String> periods = new TreeSet<>(Comparator.comparing((String p) -> p.equals(UNDATED)).thenComparing(p -> p));
        for (Stance p : points) {
            String period = period(p.date(), years);
            periods.add(period);
            grouped.computeIfAbsent(p.actor(), k -> new TreeMap<>()).computeIfAbsent(period, k -> new ArrayList<>()).add(p);
        }
        List<Map.Entry<RecordId, Map<String, List<Stance>>>> actors = new ArrayList<>(grouped.entrySet());
        actors.sort(Comparator.comparingInt((Map.Entry<RecordId, Map<String, List<Stance>>> e) ->
                -e.getValue().values().stream().mapToInt(List::size).sum()).thenComparing(Map.Entry::getKey));
        Map<RecordId, Map<String, Cell>> rows = new LinkedHashMap<>();
        for (Map.Entry<RecordId, Map<String, List<Stance>>> a : actors) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            a.getValue().forEach((period, list) -> cells.put(period, cell(period, list)));
            rows.put(a.getKey(), cells);
        }
        return new Matrix(new ArrayList<>(periods), rows);
    }

    static Cell cell(String period, List<Stance> list) {
        Map<Polarity, Integer> counts = new EnumMap<>(Polarity.class);
        for (Stance p : list) {
            counts.merge(p.polarity(), 1, Integer::sum);
        }
        int s = counts.getOrDefault(Polarity.SUPPORT, 0);
        int o = counts.getOrDefault(Polarity.OPPOSE, 0);
        CellKind kind = s > 0 && o > 0 ? CellKind.MIXED : s > 0 ? CellKind.SUPPORT : o > 0 ? CellKind.OPPOSE : CellKind.NEUTRAL;
        List<Stance> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingDouble(Stance::confidence).reversed().thenComparing(Stance::id));
        return new Cell(period, counts, kind, sorted);
    }

    /**
     * Actors whose position changed: between two periods in a row (undated left out) where they
     * took a side, the side differs. Neutral and mixed periods are passed over, so "support,
     * neutral, oppose" is one shift from support to oppose.
     */
    public static List<Shift> shifts(Matrix m) {
        List<Shift> out = new ArrayList<>();
        m.rows().forEach((actor, cells) -> {
            Cell last = null;
            for (String period : m.periods()) {
                Cell c = cells.get(period);
                if (c == null || period.equals(UNDATED) || (c.kind() != CellKind.SUPPORT && c.kind() != CellKind.OPPOSE)) {
                    continue;
                }
                if (last != null && last.kind() != c.kind()) {
                    out.add(new Shift(actor, last.period(), last.kind(), period, c.kind(), strongest(last),
                            strongest(c)));
                }
                last = c;
            }
        });
        return out;
    }

    private static Stance strongest(Cell c) {
        Polarity want = c.kind() == CellKind.SUPPORT ? Polarity.SUPPORT : Polarity.OPPOSE;
        return c.points().stream().filter(p -> p.polarity() == want).findFirst().orElse(c.points().get(0));
    }
}
