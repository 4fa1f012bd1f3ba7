package org.demarche.network;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch of time one network covers, [start, end). The whole span is one window with no bounds; fixed periods
 * ({@code 1y}, {@code 6m}) cut the span into consecutive windows; a sliding window ({@code 4y/1y}: four years long,
 * moved by one) gives overlapping ones, as DNA's moving time window does.
 */
public record TimeWindow(String label, LocalDate start, LocalDate end) {

    public static final TimeWindow ALL = new TimeWindow("all", null, null);

    private static final Pattern SPEC = Pattern.compile("(\\d+)([ym])(?:/(\\d+)([ym]))?");
    /** Enough windows for a century in months; more is a typing slip, not an analysis. */
    static final int MAX_WINDOWS = 1200;

    public boolean contains(LocalDate day) {
        return day != null && (start == null || !day.isBefore(start)) && (end == null || day.isBefore(end));
    }

    /** An ISO date, possibly only a year or a month, as the first day it names; null when it is not a date. */
    public static LocalDate firstDay(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        String s = iso.trim();
        try {
            return switch (s.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(s), 1, 1);
                case 7 -> LocalDate.parse(s + "-01");
                default -> LocalDate.parse(s.substring(0, Math.min(10, s.length())));
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** Checks a window spec: {@code all}, {@code Ny}, {@code Nm}, or {@code LENGTH/STEP} such as {@code 4y/1y}. */
    public static void check(String spec) {
        if (spec == null || spec.equalsIgnoreCase("all")) {
            return;
        }
        Matcher m = SPEC.matcher(spec.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || (m.group(3) != null && Integer.parseInt(m.group(3)) == 0)) {
            throw new IllegalArgumentException("window '" + spec
                    + "': give all, a period such as 1y or 6m, or a sliding window LENGTH/STEP such as 4y/1y");
        }
    }

    /** The windows a spec cuts [first, last] into; {@link #ALL} alone when the spec is all or no date is known. */
    public static List<TimeWindow> of(String spec, LocalDate first, LocalDate last) {
        check(spec);
        if (spec == null || spec.equalsIgnoreCase("all") || first == null || last == null) {
            return List.of(ALL);
        }
        Matcher m = SPEC.matcher(spec.trim().toLowerCase(Locale.ROOT));
        m.matches();
        int length = Integer.parseInt(m.group(1));
        boolean years = m.group(2).equals("y");
        int step = m.group(3) == null ? length : Integer.parseInt(m.group(3));
        boolean stepYears = m.group(3) == null ? years : m.group(4).equals("y");
        // windows start on a whole year (or month), so that periods read as calendar periods
        LocalDate start = years && stepYears ? LocalDate.of(first.getYear(), 1, 1) : first.withDayOfMonth(1);
        List<TimeWindow> out = new ArrayList<>();
        while (!start.isAfter(last)) {
            LocalDate end = years ? start.plusYears(length) : start.plusMonths(length);
            out.add(new TimeWindow(label(start, end, years), start, end));
            if (out.size() > MAX_WINDOWS) {
                throw new IllegalArgumentException("window '" + spec + "' cuts the span into more than "
                        + MAX_WINDOWS + " windows: take a longer step");
            }
            start = stepYears ? start.plusYears(step) : start.plusMonths(step);
        }
        return out;
    }

    private static String label(LocalDate start, LocalDate end, boolean years) {
        LocalDate lastDay = end.minusDays(1);
        if (years) {
            return start.getYear() == lastDay.getYear() ? String.valueOf(start.getYear())
                    : start.getYear() + "–" + lastDay.getYear();
        }
        String a = start.toString().substring(0, 7);
        String b = lastDay.toString().substring(0, 7);
        return a.equals(b) ? a : a + "–" + b;
    }
}
