package org.demarche.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.demarche.model.ActorKind;
import org.demarche.model.RecordId;
import org.demarche.model.StatementKind;
import org.demarche.stance.Codebook;
import org.demarche.store.Corrections;
import org.demarche.store.Corrections.Entry;
import org.demarche.store.Workspace;

/**
 * A person's correction, from what they name (ids of the current knowledge base, any name of an actor, the
 * words of a document) to an entry of the log anchored by content, checked, logged and applied at once. The
 * one place for the command line ({@code demarche correct}) and the page (POST /api/corrections).
 *
 * <p>The arguments of each action:
 * <pre>
 *   reject STATEMENT            confirm STATEMENT           speaker STATEMENT ACTOR
 *   kind STATEMENT direct|indirect                          kind ACTOR person|state|organization|other
 *   date STATEMENT DATE         stance STANCE support|oppose|neutral|none|confirm
 *   add DOCUMENT WORDS SPEAKER  add DOCUMENT START END SPEAKER   (a missed statement; --kind, --date)
 *   merge ACTOR ACTOR           split ACTOR FORM            rename ACTOR NAME
 *   role ACTOR TITLE STATEMENT  role ACTOR TITLE DOCUMENT WORDS  role ACTOR TITLE DOCUMENT START END   (--date: from)
 *   end-role ACTOR TITLE DATE
 * </pre>
 */
public final class Corrector {

    /**
     * What a person asks: an action, its arguments, and the options some actions take.
     *
     * @throws IllegalArgumentException when the action is unknown or takes another number of arguments
     */
    public record Request(String action, List<String> args, String date, String kind, String note) {
        public Request {
            action = action == null ? "" : action.strip().toLowerCase(Locale.ROOT);
            args = args == null ? List.of() : List.copyOf(args);
            List<Integer> arity = ARITY.get(action);
            if (arity == null) {
                throw new IllegalArgumentException("no action '" + action + "' (" + String.join(", ", actions()) + ")");
            }
            if (!arity.contains(args.size())) {
                throw new IllegalArgumentException(action + " takes " + arity.stream().map(String::valueOf)
                        .reduce((x, y) -> x + " or " + y).orElseThrow() + (arity.equals(List.of(1)) ? " argument" : " arguments")
                        + ", not " + args.size());
            }
        }
    }

    /** How many arguments each action takes (one or more ways). */
    private static final Map<String, List<Integer>> ARITY = Map.ofEntries(Map.entry("reject", List.of(1)),
            Map.entry("confirm", List.of(1)), Map.entry("speaker", List.of(2)), Map.entry("kind", List.of(2)),
            Map.entry("date", List.of(2)), Map.entry("add", List.of(3, 4)), Map.entry("stance", List.of(2)),
            Map.entry("merge", List.of(2)), Map.entry("split", List.of(2)), Map.entry("rename", List.of(2)),
            Map.entry("role", List.of(3, 4, 5)), Map.entry("end-role", List.of(3)));

    public static final List<String> STANCE_VALUES = List.of("support", "oppose", "neutral", "none", "confirm");
    private static final Pattern ISO = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    private Corrector() {}

    /** The actions a person can ask for (undo is {@code corrections --undo}). */
    public static List<String> actions() {
        return Corrections.ACTIONS.stream().filter(ARITY::containsKey).toList();
    }

    /**
     * Checks the request against the knowledge base, logs it and applies the log; returns the entry as applied
     * (status applied or orphaned, and why).
     *
     * @throws IllegalArgumentException with one line naming what is wrong; nothing is logged then
     */
    public static Entry correct(Workspace ws, Codebook codebook, int threads, String coder, Request r) {
        if (coder == null || coder.isBlank()) {
            throw new IllegalArgumentException("a correction needs the coder's name");
        }
        Corrections c = ws.corrections();
        Entry e = entry(c, coder.strip(), r);
        long id = c.append(e);
        ws.commit();
        CorrectionStage.runAndIndex(ws, codebook, threads);
        return c.list().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    /** The entry for a request, its targets found in the current knowledge base and anchored by content. */
    static Entry entry(Corrections c, String coder, Request r) {
        String a = r.action();
        List<String> args = r.args();
        Corrections.Builder b = Entry.of(a).coder(coder).note(r.note());
        String first = args.get(0);
        String second = args.size() > 1 ? args.get(1) : null;
        switch (a) {
            case "reject", "confirm", "speaker", "date" -> {
                RecordId s = id(first, RecordId.Type.STATEMENT);
                b.at(statement(c, s));
                Corrections.StatementNow now = c.statementNow(s).orElseThrow();
                if (a.equals("speaker")) {
                    b.value(actorName(c, second)).machine(now.speaker());
                } else if (a.equals("date")) {
                    b.date(date("DATE", second)).machine(now.date());
                } else if (a.equals("confirm")) {
                    // what the person confirms: the statement with its speaker and kind (the agreement report's items)
                    b.value(now.speaker()).kind(now.kind()).machine("statement");
                } else {
                    b.machine("statement");
                }
            }
            case "kind" -> {
                if (RecordId.is(RecordId.Type.STATEMENT, first)) {
                    RecordId s = RecordId.parse(first);
                    b.at(statement(c, s)).value(oneOf("KIND", second, StatementKind.values()))
                            .machine(c.statementNow(s).orElseThrow().kind());
                } else {
                    b.actor(actorName(c, first)).value(oneOf("KIND", second, ActorKind.values()));
                }
            }
            case "add" -> {
                RecordId doc = id(first, RecordId.Type.DOCUMENT);
                b.at(words(c, doc, args.subList(1, args.size() - 1))).value(actorName(c, args.get(args.size() - 1)))
                        .machine("none").date(date("--date", r.date()))
                        .kind(r.kind() == null ? null : oneOf("--kind", r.kind(), StatementKind.values()));
            }
            case "stance" -> {
                RecordId t = id(first, RecordId.Type.STANCE);
                String value = second.strip().toLowerCase(Locale.ROOT);
                if (!STANCE_VALUES.contains(value)) {
                    throw new IllegalArgumentException("POLARITY must be one of " + String.join(", ", STANCE_VALUES)
                            + " (not '" + second + "')");
                }
                Entry at = c.stanceAnchor(t).orElseThrow(() -> new IllegalArgumentException("no stance " + t));
                b.at(at).actor(at.actor()).issue(at.issue()).value(value).machine(at.machine());
            }
            case "role" -> {
                b.actor(actorName(c, first)).value(text("TITLE", second)).date(date("--date", r.date()));
                String source = args.get(2);
                if (args.size() == 3) {
                    b.at(statement(c, id(source, RecordId.Type.STATEMENT)));
                } else {
                    b.at(words(c, id(source, RecordId.Type.DOCUMENT), args.subList(3, args.size())));
                }
            }
            case "end-role" -> b.actor(actorName(c, first)).value(text("TITLE", second)).date(date("DATE", args.get(2)));
            case "merge" -> b.actor(actorName(c, first)).value(actorName(c, second));
            default -> b.actor(actorName(c, first)).value(text(a.equals("split") ? "FORM" : "NAME", second)); // split, rename
        }
        return b.build();
    }

    private static Entry statement(Corrections c, RecordId s) {
        return c.statementAnchor(s).orElseThrow(() -> new IllegalArgumentException("no statement " + s));
    }

    /** The words of a document, given as START END or as the words themselves (their first place). */
    private static Entry words(Corrections c, RecordId doc, List<String> given) {
        Optional<Entry> at;
        if (given.size() == 2) {
            if (!NUMBER.matcher(given.get(0)).matches() || !NUMBER.matcher(given.get(1)).matches()) {
                throw new IllegalArgumentException("START and END must be character offsets (not '" + given.get(0) + "', '"
                        + given.get(1) + "')");
            }
            at = c.wordsAnchor(doc, Integer.parseInt(given.get(0)), Integer.parseInt(given.get(1)));
            if (at.isEmpty()) {
                throw new IllegalArgumentException("no document " + doc);
            }
        } else {
            String w = text("WORDS", given.get(0));
            at = c.wordsAnchor(doc, w);
            if (at.isEmpty()) {
                throw new IllegalArgumentException("the words '" + abbreviate(w) + "' are not in " + doc);
            }
        }
        return at.get();
    }

    private static String actorName(Corrections c, String nameOrId) {
        long id = c.actor(text("ACTOR", nameOrId)).orElseThrow(() -> new IllegalArgumentException("no actor named "
                + nameOrId));
        return c.actorName(id);
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank() || value.length() > 1000) {
            throw new IllegalArgumentException(name + " must be 1 to 1000 characters");
        }
        return value.strip();
    }

    private static String date(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!ISO.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException(name + " must be an ISO date: 2007, 2007-07 or 2007-07-18 (not '" + value
                    + "')");
        }
        return value.strip();
    }

    private static String oneOf(String name, String value, Enum<?>[] allowed) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        List<String> ids = java.util.Arrays.stream(allowed).map(x -> x.name().toLowerCase(Locale.ROOT)).toList();
        if (!ids.contains(v)) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", ids) + " (not '" + value + "')");
        }
        return v;
    }

    private static RecordId id(String value, RecordId.Type type) {
        if (!RecordId.is(type, value)) {
            throw new IllegalArgumentException("'" + value + "' is not a " + type.name().toLowerCase(Locale.ROOT)
                    + " id (" + type.letter() + "5)");
        }
        return RecordId.parse(value);
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 60 ? t.substring(0, 59) + "…" : t;
    }
}
