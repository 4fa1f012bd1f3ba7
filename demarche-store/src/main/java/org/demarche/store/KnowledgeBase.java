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

    private final Connection db;
    private final Workspace workspace;

    KnowledgeBase(Workspace workspace, Connection db) {
        this.workspace = workspace;
        this.db = db;
    }

    /** Stores one document's extraction (part of the current transaction). */
    public void insert(long documentId, Extraction x) {
        try {
            long[] local = new long[x.actors().size()];
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO local_actor (document_id, name, kind, "
                    + "merge_key, forms) VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                for (Extraction.LocalActor a : x.actors()) {
                    ps.setLong(1, documentId);
                    ps.setString(2, a.name());
                    ps.setString(3, a.kind().label());
                    ps.setString(4, a.key());
                    ps.setString(5, JSON.writeValueAsString(a.forms()));
                    ps.executeUpdate();
                    try (ResultSet k = ps.getGeneratedKeys()) {
                        k.next();
                        local[a.index()] = k.getLong(1);
                    }
                }
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO mention (document_id, local_actor_id, kind, "
                    + "text, start_offset, end_offset) VALUES (?,?,?,?,?,?)")) {
                for (Extraction.Mention m : x.mentions()) {
                    ps.setLong(1, documentId);
                    setLocal(ps, 2, m.actor(), local);
                    ps.setString(3, m.kind());
                    ps.setString(4, truncate(m.text(), 4096));
                    ps.setInt(5, m.start());
                    ps.setInt(6, m.end());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO statement (document_id, speaker_id, kind, text, "
                    + "start_offset, end_offset, date_iso, cue, found_by, confidence) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (Extraction.SaidText s : x.statements()) {
                    ps.setLong(1, documentId);
                    setLocal(ps, 2, s.speaker(), local);
                    ps.setString(3, s.kind().name().toLowerCase());
                    ps.setString(4, s.text());
                    ps.setInt(5, s.start());
                    ps.setInt(6, s.end());
                    ps.setString(7, s.date());
                    ps.setString(8, s.cue());
                    ps.setString(9, s.foundBy());
                    if (Double.isNaN(s.confidence())) {
                        ps.setNull(10, java.sql.Types.DOUBLE);
                    } else {
                        ps.setDouble(10, s.confidence());
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO actor_role (document_id, local_actor_id, title, "
                    + "of_local_id, date_iso, start_offset, end_offset) VALUES (?,?,?,?,?,?,?)")) {
                for (Extraction.Role r : x.roles()) {
                    ps.setLong(1, documentId);
                    ps.setLong(2, local[r.actor()]);
                    ps.setString(3, truncate(r.title(), 1024));
                    setLocal(ps, 4, r.ofActor(), local);
                    ps.setString(5, r.date());
                    ps.setInt(6, r.start());
                    ps.setInt(7, r.end());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ev = db.prepareStatement("INSERT INTO event (document_id, kind, target_local_id, place, "
                    + "date_iso, text, start_offset, end_offset) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement ea = db.prepareStatement("MERGE INTO event_actor (event_id, local_actor_id) VALUES (?,?)")) {
                for (Extraction.Happening e : x.events()) {
                    ev.setLong(1, documentId);
                    ev.setString(2, e.kind());
                    setLocal(ev, 3, e.target(), local);
                    ev.setString(4, e.place() == null ? null : truncate(e.place(), 1024));
                    ev.setString(5, e.date());
                    ev.setString(6, e.text());
                    ev.setInt(7, e.start());
                    ev.setInt(8, e.end());
                    ev.executeUpdate();
                    long id;
                    try (ResultSet k = ev.getGeneratedKeys()) {
                        k.next();
                        id = k.getLong(1);
                    }
                    for (int a : e.actors()) {
                        ea.setLong(1, id);
                        ea.setLong(2, local[a]);
                        ea.addBatch();
                    }
                }
                ea.executeBatch();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw workspace.failure("store the extraction of document " + documentId, e);
        }
    }

    private static void setLocal(PreparedStatement ps, int i, int index, long[] local) throws SQLException {
        if (index < 0) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, local[index]);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Every document's actors, for the merge. */
    public void forEachLocalActor(Consumer<LocalActorRow> action) {
        String sql = "SELECT id, document_id, name, kind, merge_key, forms FROM local_actor ORDER BY id";
        try (Statement st = db.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    List<String> forms = JSON.readValue(rs.getString(6), new TypeReference<>() {});
                    action.accept(new LocalActorRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), forms));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw workspace.failure("read local actors", e);
        }
    }

    /** Replaces the workspace-wide actors with a new merge (part of the current transaction). */
    public void replaceActors(List<MergedActor> merged) {
        try (Statement st = db.createStatement()) {
            st.execute("UPDATE local_actor SET actor_id = NULL");
            st.execute("DELETE FROM actor_alias");
            st.execute("DELETE FROM actor");
            try (PreparedStatement a = db.prepareStatement("INSERT INTO actor (id, name, kind, mentions) VALUES (?,?,?,0)");
                 PreparedStatement al = db.prepareStatement("INSERT INTO actor_alias (actor_id, alias) VALUES (?,?)");
                 PreparedStatement l = db.prepareStatement("UPDATE local_actor SET actor_id = ? WHERE id = ?")) {
                int n = 0;
                for (MergedActor m : merged) {
                    a.setLong(1, m.id());
                    a.setString(2, truncate(m.name(), 1024));
                    a.setString(3, m.kind());
                    a.addBatch();
                    for (String alias : m.aliases()) {
                        al.setLong(1, m.id());
                        al.setString(2, truncate(alias, 1024));
                        al.addBatch();
                    }
                    for (long local : m.locals()) {
                        l.setLong(1, m.id());
                        l.setLong(2, local);
                        l.addBatch();
                    }
                    if (++n % 2000 == 0) {
                        a.executeBatch();
                        al.executeBatch();
                        l.executeBatch();
                    }
                }
                a.executeBatch();
                al.executeBatch();
                l.executeBatch();
            }
            st.execute("UPDATE actor a SET mentions = (SELECT COUNT(*) FROM mention m JOIN local_actor l "
                    + "ON m.local_actor_id = l.id WHERE l.actor_id = a.id)");
        } catch (SQLException e) {
            throw workspace.failure("store merged actors", e);
        }
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
                    Long of = rs.getLong(3);
                    of = rs.wasNull() ? null : of;
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
                    Long speaker = rs.getLong(3);
                    speaker = rs.wasNull() ? null : speaker;
                    Double confidence = rs.getDouble(11);
                    confidence = rs.wasNull() ? null : confidence;
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
                    Long target = rs.getLong(4);
                    target = rs.wasNull() ? null : target;
                    action.accept(new EventRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            actors.getOrDefault(rs.getLong(1), List.of()), target, rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getInt(8), rs.getInt(9)));
                });
    }

    /** A row handler that may throw SQLException. */
    interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler) {
        try (Statement st = db.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("read the knowledge base", e);
        }
    }
}
