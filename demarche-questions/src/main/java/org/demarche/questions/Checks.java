package org.demarche.questions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.demarche.stance.Codebook;
import org.demarche.model.Actor;
import org.demarche.model.ActorKind;
import org.demarche.model.Polarity;
import org.demarche.model.StatementKind;
import org.demarche.store.Workspace;

/**
 * The checks every question's options and parameters pass, the same on the command line and in the
 * API: bounds, dates, kinds, polarities, issue ids and actors (by name, alias or id, as
 * {@code statements} resolves them). A value that fails is a {@link Refused} naming the option and
 * what it may be; the command line answers it with exit 2, the API with a 4xx.
 */
public final class Checks {

    /** Bounds shared by the command line and the API. */
    public static final int MAX_STATEMENTS = 1000;
    public static final int MAX_ACTORS = 5000;
    public static final int MAX_DOCUMENTS = 20000;
    public static final int MAX_MATRIX_ROWS = 1000;
    public static final int MAX_ACTOR_STATEMENTS = 500;
    public static final int MAX_YEARS = 50;

    public static final List<String> ACTOR_KINDS = Arrays.stream(ActorKind.values()).map(ActorKind::label).toList();
    public static final List<String> POLARITIES = Arrays.stream(Polarity.values()).map(Polarity::id).toList();
    public static final List<String> STATEMENT_KINDS = Arrays.stream(StatementKind.values()).map(StatementKind::id).toList();
    public static final List<String> TYPES = List.of("statement", "document");

    private static final Pattern ISO = Pattern.compile("\\d{4}(-\\d{2}){0,2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** A value the caller got wrong; {@link #status} is what the API answers. */
    public static final class Refused extends IllegalArgumentException {
        public final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new Refused(400, name + " must be between " + min + " and " + max + " (not " + value + ")");
        }
        return value;
    }

    public static double fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new Refused(400, name + " must be between 0 and 1 (not " + value + ")");
        }
        return value;
    }

    /** An ISO date of reduced precision (2007, 2007-07, 2007-07-18) that exists in the calendar; null passes. */
    public static String date(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!ISO.matcher(value).matches() || !exists(value)) {
            throw new Refused(400, name + " must be an ISO date that exists: 2007, 2007-07 or 2007-07-18 (not '"
                    + value + "')");
        }
        return value;
    }

    /** True for a year, a year and month, or a full date that the calendar has ("2008-02-30" has none). */
    public static boolean exists(String isoPrefix) {
        try {
            switch (isoPrefix.length()) {
                case 4 -> Integer.parseInt(isoPrefix);
                case 7 -> YearMonth.parse(isoPrefix);
                case 10 -> LocalDate.parse(isoPrefix);
                default -> {
                    return false;
                }
            }
            return true;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }

    /** A from..to pair of dates, each valid, from not after to. */
    public static void dates(String fromName, String from, String toName, String to) {
        date(fromName, from);
        date(toName, to);
        if (from != null && to != null && from.compareTo(to) > 0 && !to.startsWith(from)) {
            throw new Refused(400, fromName + " " + from + " is after " + toName + " " + to);
        }
    }

    public static String year(String name, String value) {
        if (value != null && !YEAR.matcher(value).matches()) {
            throw new Refused(400, name + " must be a year of four digits (not '" + value + "')");
        }
        return value;
    }

    public static String oneOf(String name, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new Refused(400, name + " must be one of " + String.join(", ", allowed) + " (not '" + value + "')");
        }
        return value;
    }

    /** An issue id of the workspace's codebook; null passes. */
    public static String issue(String name, Workspace ws, String id) {
        if (id == null) {
            return null;
        }
        Codebook codebook = Codebooks.active(ws);
        if (codebook.issue(id).isEmpty()) {
            throw new Refused(400, "no issue '" + id + "' in the workspace's codebook (" + name + "); its issues are: "
                    + String.join(", ", codebook.issues().stream().map(Codebook.Issue::id).toList()));
        }
        return id;
    }

    /** The actor a name, an alias or an id stands for (the most mentioned wins a tie). */
    public static Actor actor(Workspace ws, String nameOrId) {
        return Questions.actor(ws, nameOrId).orElseThrow(() -> new Refused(404, "no actor named '" + nameOrId
                + "' (demarche actors --name TEXT, or /api/actors?name=TEXT, lists them)"));
    }

    private Checks() {}
}
