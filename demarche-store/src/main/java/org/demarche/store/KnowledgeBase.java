package org.demarche.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.demarche.model.Actor;
import org.demarche.model.ActorKind;
import org.demarche.model.Event;
import org.demarche.model.EventKind;
import org.demarche.model.Extraction;
import org.demarche.model.Mention;
import org.demarche.model.RecordId;
import org.demarche.model.Role;
import org.demarche.model.Statement;
import org.demarche.model.StatementKind;

/**
 * What extraction adds to the workspace: local actors, mentions, statements, roles and events
 * per document, and the workspace-wide actors merged from them. Shares the workspace's
 * connection and transaction.
 */
public final class KnowledgeBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A document's actor, as stored. */
    public record LocalActorRow(long id, long documentId, String name, String kind, String key, List<String> forms) {}

    /** A merged actor to store: its id, and the local actors it gathers. */
    public record MergedActor(long id, String name, String kind, Set<String> aliases, List<Long> locals) {}

    private final Workspace workspace;
    private final Sql sql;

    KnowledgeBase(Workspace workspace) {
        this.workspace = workspace;
        this.sql = workspace.sql();
    }

    /** Stores one document's extraction (part of the current transaction). */
    public void insert(long documentId, Extraction x) {
        String what = "store the extraction of document " + documentId;
        long[] local = new long[x.actors().size()];
        for (Extraction.LocalActor a : x.actors()) {
            String forms = sql.run(what, c -> JSON.writeValueAsString(a.forms()));
            local[a.index()] = sql.insert(what, "INSERT INTO local_actor (document_id, name, kind, merge_key, forms) "
                    + "VALUES (?,?,?,?,?)", documentId, a.name(), a.kind().label(), a.key(), forms);
        }
        sql.batch(what, "INSERT INTO mention (document_id, local_actor_id, kind, text, start_offset, end_offset) "
                + "VALUES (?,?,?,?,?,?)", x.mentions(), (ps, m) -> Sql.bind(null, ps, documentId, local(m.actor(), local),
                m.kind(), truncate(m.text(), 4096), m.start(), m.end()));
        sql.batch(what, "INSERT INTO statement (document_id, speaker_id, kind, text, start_offset, end_offset, date_iso, "
                + "cue, found_by, confidence) VALUES (?,?,?,?,?,?,?,?,?,?)", x.statements(), (ps, s) -> Sql.bind(null, ps,
                documentId, local(s.speaker(), local), s.kind().name().toLowerCase(), s.text(), s.start(), s.end(),
                s.date(), s.cue(), s.foundBy(), Double.isNaN(s.confidence()) ? null : s.confidence()));
        sql.batch(what, "INSERT INTO actor_role (document_id, local_actor_id, title, of_local_id, date_iso, start_offset, "
                + "end_offset) VALUES (?,?,?,?,?,?,?)", x.roles(), (ps, r) -> Sql.bind(null, ps, documentId,
                local[r.actor()], truncate(r.title(), 1024), local(r.ofActor(), local), r.date(), r.start(), r.end()));
        List<long[]> eventActors = new ArrayList<>();
        for (Extraction.Happening e : x.events()) {
            long id = sql.insert(what, "INSERT INTO event (document_id, kind, target_local_id, place, date_iso, text, "
                    + "start_offset, end_offset) VALUES (?,?,?,?,?,?,?,?)", documentId, e.kind(), local(e.target(), local),
                    e.place() == null ? null : truncate(e.place(), 1024), e.date(), e.text(), e.start(), e.end());
            for (int a : e.actors()) {
                eventActors.add(new long[] {id, local[a]});
            }
        }
        sql.batch(what, "MERGE INTO event_actor (event_id, local_actor_id) VALUES (?,?)", eventActors,
                (ps, ea) -> Sql.bind(null, ps, ea[0], ea[1]));
    }

    /** The stored id of a document's actor by its index, or null for none (-1). */
    private static Long local(int index, long[] local) {
        return index < 0 ? null : local[index];
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Every document's actors, for the merge. */
    public void forEachLocalActor(Consumer<LocalActorRow> action) {
        sql.each("read local actors", "SELECT id, document_id, name, kind, merge_key, forms FROM local_actor ORDER BY id",
                rs -> action.accept(new LocalActorRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), JSON.readValue(rs.getString(6), new TypeReference<List<String>>() {}))));
    }

    /** Replaces the workspace-wide actors with a new merge (part of the current transaction). */
    public void replaceActors(List<MergedActor> merged) {
        String what = "store merged actors";
        sql.update(what, "UPDATE local_actor SET actor_id = NULL");
        sql.update(what, "DELETE FROM actor_alias");
        sql.update(what, "DELETE FROM actor");
        sql.batch(what, "INSERT INTO actor (id, name, kind, mentions) VALUES (?,?,?,0)", merged,
                (ps, m) -> Sql.bind(null, ps, m.id(), truncate(m.name(), 1024), m.kind()));
        List<Object[]> aliases = new ArrayList<>();
        List<long[]> locals = new ArrayList<>();
        for (MergedActor m : merged) {
            m.aliases().forEach(alias -> aliases.add(new Object[] {m.id(), truncate(alias, 1024)}));
            m.locals().forEach(l -> locals.add(new long[] {m.id(), l}));
        }
        sql.batch(what, "INSERT INTO actor_alias (actor_id, alias) VALUES (?,?)", aliases, (ps, a) -> Sql.bind(null, ps, a));
        sql.batch(what, "UPDATE local_actor SET actor_id = ? WHERE id = ?", locals, (ps, l) -> Sql.bind(null, ps, l[0], l[1]));
        sql.update(what, "UPDATE actor a SET mentions = (SELECT COUNT(*) FROM mention m JOIN local_actor l "
                + "ON m.local_actor_id = l.id WHERE l.actor_id = a.id)");
    }

    // ---- reading for export and questions ----------------------------------------------------

    /** Every actor with its aliases, in id order; without roles (for finding actors by name). */
    public void forEachActor(Consumer<Actor> action) {
        forEachActor(false, action);
    }

    /** Every actor with its aliases and, if asked, its roles (as the export has them), in id order. */
    public void forEachActor(boolean withRoles, Consumer<Actor> action) {
        forEachActor(withRoles ? roles(null) : Map.of(), action);
    }

    /**
     * Every actor with its aliases and its roles' titles, states or organisations and dates only (not their words
     * nor their evidence): for the questions that need whom a person speaks for. Reading the words of every role
     * reads the text of every document that has one: 10 s of the 12 a network of the whole UNGDC corpus took.
     */
    public void forEachActorWithRoleTitles(Consumer<Actor> action) {
        Map<RecordId, List<Role>> roles = new LinkedHashMap<>();
        query("SELECT l.actor_id, r.title, o.actor_id, r.date_iso, r.until_iso, r.document_id, r.start_offset, "
                + "r.end_offset FROM actor_role r JOIN local_actor l ON r.local_actor_id = l.id "
                + "LEFT JOIN local_actor o ON r.of_local_id = o.id WHERE l.actor_id IS NOT NULL "
                + "ORDER BY l.actor_id, r.date_iso NULLS LAST, r.id", rs -> roles.computeIfAbsent(
                        RecordId.actor(rs.getLong(1)), k -> new ArrayList<>()).add(new Role(rs.getString(2),
                        RecordId.Type.ACTOR.orNull(Sql.longOrNull(rs, 3)), rs.getString(4), rs.getString(5), List.of(),
                        RecordId.document(rs.getLong(6)), null, rs.getInt(7), rs.getInt(8), null)));
        forEachActor(roles, action);
    }

    private void forEachActor(Map<RecordId, List<Role>> roles, Consumer<Actor> action) {
        Map<Long, List<String>> aliases = new HashMap<>();
        query("SELECT actor_id, alias FROM actor_alias ORDER BY actor_id, alias",
                rs -> aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        query("SELECT id, name, kind, mentions FROM actor ORDER BY id", rs -> {
            RecordId id = RecordId.actor(rs.getLong(1));
            action.accept(new Actor(id, rs.getString(2), ActorKind.parse(rs.getString(3)),
                    aliases.getOrDefault(rs.getLong(1), List.of()), roles.getOrDefault(id, List.of()), rs.getInt(4)));
        });
    }

    /**
     * Roles by workspace actor (one, or all when null), in date order, with the words that show them and, as their
     * evidence, what the actor said in that document.
     */
    public Map<RecordId, List<Role>> roles(Long actorId) {
        Object[] args = actorId == null ? new Object[0] : new Object[] {actorId};
        Map<String, List<RecordId>> spoken = new HashMap<>();
        query("SELECT s.id, s.document_id, l.actor_id FROM statement s JOIN local_actor l ON s.speaker_id = l.id "
                + "WHERE l.actor_id IS NOT NULL" + (actorId == null ? "" : " AND l.actor_id = ?")
                + " ORDER BY s.document_id, s.start_offset", rs -> spoken.computeIfAbsent(rs.getLong(2) + ":"
                + rs.getLong(3), k -> new ArrayList<>()).add(RecordId.statement(rs.getLong(1))), args);
        Map<RecordId, List<Role>> out = new LinkedHashMap<>();
        query("SELECT l.actor_id, r.title, o.actor_id, r.date_iso, r.document_id, r.start_offset, r.end_offset, "
                + "SUBSTRING(d.clean_text, r.start_offset + 1, r.end_offset - r.start_offset), r.until_iso "
                + "FROM actor_role r JOIN local_actor l ON r.local_actor_id = l.id "
                + "LEFT JOIN local_actor o ON r.of_local_id = o.id JOIN document d ON d.id = r.document_id "
                + (actorId == null ? "" : "WHERE l.actor_id = ? ")
                + "ORDER BY l.actor_id, r.date_iso NULLS LAST, r.id", rs -> out.computeIfAbsent(
                        RecordId.actor(rs.getLong(1)), k -> new ArrayList<>()).add(new Role(rs.getString(2),
                        RecordId.Type.ACTOR.orNull(Sql.longOrNull(rs, 3)), rs.getString(4), rs.getString(9),
                        spoken.getOrDefault(rs.getLong(5) + ":" + rs.getLong(1), List.of()),
                        RecordId.document(rs.getLong(5)), rs.getString(8), rs.getInt(6), rs.getInt(7), null)), args);
        return out;
    }

    /** The workspace actors each document names, by document id. */
    public Map<Long, List<Long>> actorIdsByDocument() {
        Map<Long, List<Long>> out = new HashMap<>();
        query("SELECT DISTINCT document_id, actor_id FROM local_actor WHERE actor_id IS NOT NULL ORDER BY document_id, actor_id",
                rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
        return out;
    }

    /** Every statement with what it says on the issues, as the export has them, in document and text order. */
    public void forEachStatement(Consumer<Statement> action) {
        Map<Long, List<Statement.Issue>> issues = workspace.stances().issuesByStatement();
        query("SELECT s.id, s.document_id, l.actor_id, s.kind, s.text, s.start_offset, s.end_offset, s.date_iso, s.cue, "
                + "s.found_by, s.confidence "
                + "FROM statement s LEFT JOIN local_actor l ON s.speaker_id = l.id ORDER BY s.document_id, s.start_offset",
                rs -> action.accept(new Statement(RecordId.statement(rs.getLong(1)), RecordId.document(rs.getLong(2)),
                        RecordId.Type.ACTOR.orNull(Sql.longOrNull(rs, 3)), StatementKind.parse(rs.getString(4)),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        Sql.doubleOrNull(rs, 11), issues.getOrDefault(rs.getLong(1), List.of()), null, null)));
    }

    /** The ISO 3166-1 alpha-3 code of each workspace actor that is a state, from its merge key ("s:RUS"). */
    public Map<Long, String> stateCodes() {
        Map<Long, String> out = new HashMap<>();
        query("SELECT actor_id, MIN(merge_key) FROM local_actor WHERE actor_id IS NOT NULL AND merge_key LIKE 's:%' "
                + "GROUP BY actor_id", rs -> out.put(rs.getLong(1), rs.getString(2).substring(2)));
        return out;
    }

    public void forEachEvent(Consumer<Event> action) {
        Map<Long, List<RecordId>> actors = new HashMap<>();
        // a document stored by a run whose merge is still to come has local actors without an actor: left out
        query("SELECT ea.event_id, l.actor_id FROM event_actor ea JOIN local_actor l ON ea.local_actor_id = l.id "
                + "WHERE l.actor_id IS NOT NULL ORDER BY ea.event_id",
                rs -> actors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(RecordId.actor(rs.getLong(2))));
        query("SELECT e.id, e.document_id, e.kind, t.actor_id, e.place, e.date_iso, e.text, e.start_offset, e.end_offset "
                + "FROM event e LEFT JOIN local_actor t ON e.target_local_id = t.id ORDER BY e.document_id, e.start_offset",
                rs -> action.accept(new Event(RecordId.event(rs.getLong(1)), EventKind.parse(rs.getString(3)),
                        actors.getOrDefault(rs.getLong(1), List.of()), RecordId.Type.ACTOR.orNull(Sql.longOrNull(rs, 4)),
                        rs.getString(5), rs.getString(6), RecordId.document(rs.getLong(2)), rs.getString(7), rs.getInt(8),
                        rs.getInt(9))));
    }

    /**
     * Statements with their document's file and their speaker's name, newest last, filtered by speaker, document,
     * issue and date range (ISO prefixes, inclusive: from "2007" to "2008" covers both years); a statement's date
     * is the document's where it has none. Any filter may be null.
     */
    public List<Statement> statements(Long actorId, Long documentId, String issue, String from, String to, int limit) {
        return statements(actorId, documentId, issue, from, to, limit, null);
    }

    /** These statements (by number), in time order: what a network's link stands on. */
    public List<Statement> statements(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : statements(null, null, null, null, null, ids.size(), ids);
    }

    private List<Statement> statements(Long actorId, Long documentId, String issue, String from, String to, int limit,
                                       Collection<Long> ids) {
        StringBuilder query = new StringBuilder("SELECT s.id, s.document_id, d.file, l.actor_id, a.name, s.kind, s.text, "
                + "s.start_offset, s.end_offset, COALESCE(s.date_iso, d.published), s.cue, s.found_by, s.confidence "
                + "FROM statement s JOIN document d ON d.id = s.document_id LEFT JOIN local_actor l ON l.id = s.speaker_id "
                + "LEFT JOIN actor a ON a.id = l.actor_id WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (actorId != null) {
            query.append(" AND l.actor_id = ?");
            args.add(actorId);
        }
        if (documentId != null) {
            query.append(" AND s.document_id = ?");
            args.add(documentId);
        }
        if (ids != null) {
            query.append(" AND s.id = ANY(?)");
            args.add(Sql.longs(ids));
        }
        if (issue != null) {
            query.append(" AND EXISTS (SELECT 1 FROM statement_issue i WHERE i.statement_id = s.id AND i.issue = ?)");
            args.add(issue);
        }
        if (from != null) {
            query.append(" AND COALESCE(s.date_iso, d.published) >= ?");
            args.add(from);
        }
        if (to != null) {
            query.append(" AND COALESCE(s.date_iso, d.published) < ?");
            args.add(to + "\uffff"); // every date that starts with "to" is in
        }
        query.append(" ORDER BY COALESCE(s.date_iso, d.published) NULLS LAST, s.document_id, s.start_offset LIMIT ?");
        args.add(Math.max(1, limit));
        List<Statement> out = sql.list("read the statements", query.toString(), rs -> new Statement(
                RecordId.statement(rs.getLong(1)), RecordId.document(rs.getLong(2)),
                RecordId.Type.ACTOR.orNull(Sql.longOrNull(rs, 4)), StatementKind.parse(rs.getString(6)), rs.getString(7),
                rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11), rs.getString(12),
                Sql.doubleOrNull(rs, 13), List.of(), rs.getString(3), rs.getString(5)), args.toArray());
        if (out.isEmpty()) {
            return out;
        }
        Map<Long, List<Statement.Issue>> issues = workspace.stances().issuesOf(out.stream().map(s -> s.id().number()).toList());
        return out.stream().map(s -> s.withIssues(issues.getOrDefault(s.id().number(), List.of()))).toList();
    }

    /** What a document's text is marked with: mentions (actors, places, dates) in text order. */
    public List<Mention> mentions(long documentId) {
        return sql.list("read the mentions", "SELECT m.kind, m.start_offset, m.end_offset, l.actor_id, m.text "
                + "FROM mention m LEFT JOIN local_actor l ON l.id = m.local_actor_id WHERE m.document_id = ? "
                + "ORDER BY m.start_offset", rs -> new Mention(rs.getString(1), rs.getInt(2), rs.getInt(3),
                RecordId.Type.ACTOR.orNull(Sql.longOrNull(rs, 4)), rs.getString(5)), documentId);
    }

    /** Document files by id (for answers that name a record's document). */
    public Map<Long, String> files() {
        Map<Long, String> out = new HashMap<>();
        query("SELECT id, file FROM document", rs -> out.put(rs.getLong(1), rs.getString(2)));
        return out;
    }

    private void query(String sql, Sql.Each handler, Object... args) {
        this.sql.each("read the knowledge base", sql, handler, args);
    }
}
