package org.demarche.questions;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.demarche.model.Actor;
import org.demarche.model.Mention;
import org.demarche.model.RecordId;
import org.demarche.model.Role;
import org.demarche.model.Stance;
import org.demarche.model.Statement;
import org.demarche.model.StoredDocument;
import org.demarche.store.Workspace;

/**
 * The questions people ask of a workspace (who is this actor, what did they say, when, where do they stand),
 * answered the same for the command line and the HTTP API, as the domain's records. Every answer carries the
 * document and offsets of the words it comes from. The SQL is the store's.
 */
public final class Questions {

    /** One actor's page: the actor with its roles (each naming the actor it is of), positions, statements. */
    public record ActorAnswer(Actor actor, List<Stance> positions, List<Statement> statements) {}

    /** Positions and statements in time order, for an actor or an issue. */
    public record TimelineAnswer(List<Stance> positions, List<Statement> statements) {}

    /** A document for the reader: its record, its cleaned text, what the text is marked with, its statements. */
    public record DocumentAnswer(@JsonUnwrapped StoredDocument document, String text, List<Mention> marks,
                                 List<Statement> statements) {}

    /** A list of actors: how many match, and the first of them. */
    public record ActorList(int total, List<Actor> actors) {}

    /** The actor a name, an alias or an id (a12) stands for (case-insensitive); the most mentioned wins a tie. */
    public static Optional<Actor> actor(Workspace ws, String nameOrId) {
        List<Actor> all = new ArrayList<>();
        ws.kb().forEachActor(all::add);
        String n = nameOrId.strip();
        if (RecordId.is(RecordId.Type.ACTOR, n)) {
            RecordId id = RecordId.parse(n);
            return all.stream().filter(a -> a.id().equals(id)).findFirst();
        }
        Comparator<Actor> byMentions = Comparator.comparingInt(Actor::mentions);
        Optional<Actor> exact = all.stream().filter(a -> a.name().equalsIgnoreCase(n)).max(byMentions);
        if (exact.isPresent()) {
            return exact;
        }
        return all.stream().filter(a -> a.aliases().stream().anyMatch(x -> x.equalsIgnoreCase(n))).max(byMentions);
    }

    /**
     * Actors of a kind (null: any) whose name or an alias contains a text (null: any), case ignored; the most
     * mentioned first, at most limit of them, with their roles.
     */
    public static ActorList actors(Workspace ws, String kind, String nameContains, int limit) {
        String needle = nameContains == null ? null : nameContains.toLowerCase(Locale.ROOT);
        List<Actor> out = new ArrayList<>();
        ws.kb().forEachActor(a -> {
            if ((kind == null || a.kind().label().equals(kind)) && (needle == null
                    || a.name().toLowerCase(Locale.ROOT).contains(needle)
                    || a.aliases().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains(needle)))) {
                out.add(a);
            }
        });
        out.sort(Comparator.comparingInt(Actor::mentions).reversed().thenComparing(Actor::name));
        List<Actor> first = out.subList(0, Math.min(Math.max(1, limit), out.size()));
        if (first.isEmpty()) {
            return new ActorList(0, List.of());
        }
        Map<RecordId, List<Role>> roles = ws.kb().roles(first.size() == 1 ? first.get(0).id().number() : null);
        Map<RecordId, String> names = names(ws);
        return new ActorList(out.size(), first.stream().map(a -> a.withRoles(named(roles.getOrDefault(a.id(), List.of()),
                names))).toList());
    }

    /** One actor's page, with at most limit statements; empty if no actor has this id. */
    public static Optional<ActorAnswer> actorPage(Workspace ws, RecordId id, int limit) {
        Optional<Actor> a = actor(ws, id.toString());
        if (a.isEmpty()) {
            return Optional.empty();
        }
        List<Role> roles = named(ws.kb().roles(id.number()).getOrDefault(id, List.of()), names(ws));
        return Optional.of(new ActorAnswer(a.get().withRoles(roles), positions(ws, id, null),
                statements(ws, id, null, null, null, limit)));
    }

    /**
     * Statements, newest last, filtered by speaker, issue and date range (ISO prefixes, inclusive: from "2007" to
     * "2008" covers both years). Any filter may be null.
     */
    public static List<Statement> statements(Workspace ws, RecordId actor, String issue, String from, String to, int limit) {
        return ws.kb().statements(actor == null ? null : actor.number(), null, issue, from, to, limit);
    }

    /** Positions and statements (at most 500) in time order, for an actor and/or an issue. */
    public static TimelineAnswer timeline(Workspace ws, RecordId actor, String issue) {
        return new TimelineAnswer(positions(ws, actor, issue), statements(ws, actor, issue, null, null, 500));
    }

    /** A document for the reader, if stored. */
    public static Optional<DocumentAnswer> document(Workspace ws, RecordId id) {
        return ws.document(id.number()).map(d -> {
            List<Statement> said = new ArrayList<>(ws.kb().statements(null, id.number(), null, null, null,
                    Integer.MAX_VALUE));
            said.sort(Comparator.comparingInt(Statement::start));
            return new DocumentAnswer(d, d.document().cleanText(), ws.kb().mentions(id.number()), said);
        });
    }

    /** Stances, oldest first, for an actor and/or an issue (either may be null), with their file and actor's name. */
    public static List<Stance> positions(Workspace ws, RecordId actor, String issue) {
        List<Stance> out = new ArrayList<>();
        Map<Long, String> files = ws.kb().files();
        Map<RecordId, String> names = names(ws);
        ws.stances().forEachStance(issue, t -> {
            if (actor == null || t.actor().equals(actor)) {
                out.add(t.named(files.get(t.doc().number()), names.get(t.actor())));
            }
        });
        out.sort(Comparator.comparing((Stance p) -> p.date() == null ? "9999" : p.date()).thenComparing(Stance::id));
        return out;
    }

    /** Every actor's name by id. */
    static Map<RecordId, String> names(Workspace ws) {
        Map<RecordId, String> names = new HashMap<>();
        ws.kb().forEachActor(a -> names.put(a.id(), a.name()));
        return names;
    }

    private static List<Role> named(List<Role> roles, Map<RecordId, String> names) {
        return roles.stream().map(r -> r.of() == null ? r : r.named(names.get(r.of()))).toList();
    }

    private Questions() {}
}
