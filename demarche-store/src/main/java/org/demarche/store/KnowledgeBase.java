package org.demarche.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.demarche.model.Extraction;

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

    public record ActorRow(long id, String name, String kind, List<String> aliases, int mentions) {}

    public record RoleRow(long actorId, String title, Long ofActorId, String date, long documentId, int start,
                          int end, String text) {}

    public record StatementRow(long id, long documentId, Long speakerId, String kind, String text, int start, int end,
                               String date, String cue, String foundBy, Double confidence) {}

    public record EventRow(long id, long documentId, String kind, List<Long> actorIds, Long targetId, String place,
                           String date, String text, int start, int end) {}

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

    public void forEachActor(Consumer<ActorRow> action) {
        Map<Long, List<String>> aliases = new HashMap<>();
        query("SELECT actor_id, alias FROM actor_alias ORDER BY actor_id, alias",
                rs -> aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        query("SELECT id, name, kind, mentions FROM actor ORDER BY id", rs -> action.accept(new ActorRow(rs.getLong(1),
                rs.getString(2), rs.getString(3), aliases.getOrDefault(rs.getLong(1), List.of()), rs.getInt(4))));
    }

    /** Roles by workspace actor, in date order, with the words that show them. */
    public Map<Long, List<RoleRow>> roles() {
        Map<Long, List<RoleRow>> out = new LinkedHashMap<>();
        query("SELECT l.actor_id, r.title, o.actor_id, r.date_iso, r.document_id, r.start_offset, r.end_offset, "
                + "SUBSTRING(d.clean_text, r.start_offset + 1, r.end_offset - r.start_offset) "
                + "FROM actor_role r JOIN local_actor l ON r.local_actor_id = l.id "
                + "LEFT JOIN local_actor o ON r.of_local_id = o.id JOIN document d ON d.id = r.document_id "
                + "ORDER BY l.actor_id, r.date_iso NULLS LAST, r.id", rs -> {
                    Long of = Sql.longOrNull(rs, 3);
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RoleRow(rs.getLong(1),
                            rs.getString(2), of, rs.getString(4), rs.getLong(5), rs.getInt(6), rs.getInt(7),
                            rs.getString(8)));
                });
        return out;
    }

    /** The workspace actors each document names, by document id. */
    public Map<Long, List<Long>> actorIdsByDocument() {
        Map<Long, List<Long>> out = new HashMap<>();
        query("SELECT DISTINCT document_id, actor_id FROM local_actor WHERE actor_id IS NOT NULL ORDER BY document_id, actor_id",
                rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
        return out;
    }

    /** Statement ids by "document:actor", without their texts: the evidence of each role in its document. */
    public Map<String, List<Long>> statementIdsBySpeaker() {
        Map<String, List<Long>> out = new HashMap<>();
        query("SELECT s.id, s.document_id, l.actor_id FROM statement s JOIN local_actor l ON s.speaker_id = l.id "
                + "WHERE l.actor_id IS NOT NULL ORDER BY s.document_id, s.start_offset",
                rs -> out.computeIfAbsent(rs.getLong(2) + ":" + rs.getLong(3), k -> new ArrayList<>()).add(rs.getLong(1)));
        return out;
    }

    public void forEachStatement(Consumer<StatementRow> action) {
        query("SELECT s.id, s.document_id, l.actor_id, s.kind, s.text, s.start_offset, s.end_offset, s.date_iso, s.cue, "
                + "s.found_by, s.confidence "
                + "FROM statement s LEFT JOIN local_actor l ON s.speaker_id = l.id ORDER BY s.document_id, s.start_offset",
                rs -> {
                    Long speaker = Sql.longOrNull(rs, 3);
                    Double confidence = Sql.doubleOrNull(rs, 11);
                    action.accept(new StatementRow(rs.getLong(1), rs.getLong(2), speaker, rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), confidence));
                });
    }

    public void forEachEvent(Consumer<EventRow> action) {
        Map<Long, List<Long>> actors = new HashMap<>();
        // a document stored by a run whose merge is still to come has local actors without an actor: left out
        query("SELECT ea.event_id, l.actor_id FROM event_actor ea JOIN local_actor l ON ea.local_actor_id = l.id "
                + "WHERE l.actor_id IS NOT NULL ORDER BY ea.event_id", rs -> actors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
        query("SELECT e.id, e.document_id, e.kind, t.actor_id, e.place, e.date_iso, e.text, e.start_offset, e.end_offset "
                + "FROM event e LEFT JOIN local_actor t ON e.target_local_id = t.id ORDER BY e.document_id, e.start_offset",
                rs -> {
                    Long target = Sql.longOrNull(rs, 4);
                    action.accept(new EventRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            actors.getOrDefault(rs.getLong(1), List.of()), target, rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getInt(8), rs.getInt(9)));
                });
    }

    private void query(String sql, Sql.Each handler) {
        this.sql.each("read the knowledge base", sql, handler);
    }
}
