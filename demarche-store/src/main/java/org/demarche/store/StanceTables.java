package org.demarche.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The stance side of the knowledge base: what each statement says on each issue
 * (statement_issue) and each actor's position per issue and document (stance, with its
 * evidence). Computed from stored statements, so a new codebook needs no new parse.
 */
public final class StanceTables {

    /** What the stance stage reads for one document. */
    public record Input(long documentId, String text, String published, List<StatementSpan> statements,
                        Map<Long, List<Long>> speaksFor) {}

    public record StatementSpan(long id, Long speaker, int start, int end, String date, String cue) {}

    /** One statement's finding on one issue, to store. */
    public record IssueRow(long statementId, String issue, String polarity, double confidence, double support,
                           double oppose, String cue) {}

    /** One stance of a document, to store (actor is the document's local actor). */
    public record StanceRow(long actor, String issue, String polarity, String date, double confidence,
                            double support, double oppose, List<Long> evidence) {}

    /** A stance as read back, with the merged actor, for the export and the questions. */
    public record StanceView(long id, long documentId, long actorId, String issue, String polarity, String date,
                             double confidence, double support, double oppose, List<Long> evidence) {}

    private final Connection db;
    private final Workspace workspace;

    StanceTables(Workspace workspace, Connection db) {
        this.workspace = workspace;
        this.db = db;
    }

    /** Documents whose stances were not computed with this codebook and stage version. */
    public List<Long> documentsToRedo(String fingerprint) {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM document WHERE stance_fingerprint IS NULL "
                + "OR stance_fingerprint <> ? ORDER BY id")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("find documents for the stance stage", e);
        }
        return out;
    }

    /** Forgets which codebook the stances were computed with, so the next run redoes them all. */
    public void forgetFingerprints() {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("UPDATE document SET stance_fingerprint = NULL");
        } catch (SQLException e) {
            throw workspace.failure("reset the stance stage", e);
        }
    }

    public Input input(long documentId) {
        try {
            String text;
            String published;
            try (PreparedStatement ps = db.prepareStatement("SELECT clean_text, published FROM document WHERE id = ?")) {
                ps.setLong(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    text = rs.getString(1);
                    published = rs.getString(2);
                }
            }
            List<StatementSpan> statements = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT id, speaker_id, start_offset, end_offset, date_iso, cue "
                    + "FROM statement WHERE document_id = ? ORDER BY start_offset, id")) {
                ps.setLong(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long speaker = rs.getLong(2);
                        statements.add(new StatementSpan(rs.getLong(1), rs.wasNull() ? null : speaker, rs.getInt(3),
                                rs.getInt(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            // a person with a title of a state speaks for it
            Map<Long, List<Long>> speaksFor = new HashMap<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT DISTINCT r.local_actor_id, r.of_local_id "
                    + "FROM actor_role r JOIN local_actor p ON p.id = r.local_actor_id "
                    + "JOIN local_actor s ON s.id = r.of_local_id "
                    + "WHERE r.document_id = ? AND p.kind = 'person' AND s.kind = 'state'")) {
                ps.setLong(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        speaksFor.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            return new Input(documentId, text, published, statements, speaksFor);
        } catch (SQLException e) {
            throw workspace.failure("read document " + documentId + " for the stance stage", e);
        }
    }

    /** Replaces a document's findings and stances (part of the current transaction). */
    public void replace(long documentId, List<IssueRow> issues, List<StanceRow> stances, String fingerprint) {
        try {
            try (PreparedStatement ps = db.prepareStatement("DELETE FROM statement_issue WHERE statement_id IN "
                    + "(SELECT id FROM statement WHERE document_id = ?)")) {
                ps.setLong(1, documentId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement("DELETE FROM stance WHERE document_id = ?")) {
                ps.setLong(1, documentId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO statement_issue (statement_id, issue, polarity, "
                    + "cue_text, confidence, support_weight, oppose_weight) VALUES (?,?,?,?,?,?,?)")) {
                for (IssueRow r : issues) {
                    ps.setLong(1, r.statementId());
                    ps.setString(2, r.issue());
                    ps.setString(3, r.polarity());
                    if (r.cue() == null) {
                        ps.setNull(4, Types.VARCHAR);
                    } else {
                        ps.setString(4, r.cue().length() > 4000 ? r.cue().substring(0, 4000) : r.cue());
                    }
                    ps.setDouble(5, r.confidence());
                    ps.setDouble(6, r.support());
                    ps.setDouble(7, r.oppose());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO stance (document_id, local_actor_id, issue, polarity, "
                    + "date_iso, confidence, support_weight, oppose_weight) VALUES (?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement ev = db.prepareStatement("INSERT INTO stance_evidence (stance_id, statement_id, rank) "
                         + "VALUES (?,?,?)")) {
                for (StanceRow r : stances) {
                    ps.setLong(1, documentId);
                    ps.setLong(2, r.actor());
                    ps.setString(3, r.issue());
                    ps.setString(4, r.polarity());
                    ps.setString(5, r.date());
                    ps.setDouble(6, r.confidence());
                    ps.setDouble(7, r.support());
                    ps.setDouble(8, r.oppose());
                    ps.executeUpdate();
                    long id;
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    int rank = 0;
                    for (long s : r.evidence()) {
                        ev.setLong(1, id);
                        ev.setLong(2, s);
                        ev.setInt(3, rank++);
                        ev.addBatch();
                    }
                }
                ev.executeBatch();
            }
            try (PreparedStatement ps = db.prepareStatement("UPDATE document SET stance_fingerprint = ? WHERE id = ?")) {
                ps.setString(1, fingerprint);
                ps.setLong(2, documentId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw workspace.failure("store the stances of document " + documentId, e);
        }
    }

    /** Issue findings by statement id, for the export. */
    public Map<Long, List<IssueRow>> issuesByStatement() {
        Map<Long, List<IssueRow>> out = new HashMap<>();
        query("SELECT statement_id, issue, polarity, confidence, support_weight, oppose_weight, cue_text "
                + "FROM statement_issue ORDER BY statement_id, issue", rs -> out.computeIfAbsent(rs.getLong(1),
                k -> new ArrayList<>()).add(new IssueRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                rs.getDouble(5), rs.getDouble(6), rs.getString(7))));
        return out;
    }

    /** Stances with their merged actor, optionally for one issue, in document and actor order. */
    public void forEachStance(String issue, Consumer<StanceView> action) {
        Map<Long, List<Long>> evidence = new HashMap<>();
        String where = issue == null ? "" : " WHERE t.issue = ?";
        String evSql = "SELECT e.stance_id, e.statement_id FROM stance_evidence e JOIN stance t ON t.id = e.stance_id"
                + where + " ORDER BY e.stance_id, e.rank";
        String sql = "SELECT t.id, t.document_id, l.actor_id, t.issue, t.polarity, t.date_iso, t.confidence, "
                + "t.support_weight, t.oppose_weight FROM stance t JOIN local_actor l ON l.id = t.local_actor_id "
                + "WHERE l.actor_id IS NOT NULL" + (issue == null ? "" : " AND t.issue = ?")
                + " ORDER BY t.document_id, l.actor_id, t.issue";
        try {
            try (PreparedStatement ps = db.prepareStatement(evSql)) {
                if (issue != null) {
                    ps.setString(1, issue);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                if (issue != null) {
                    ps.setString(1, issue);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(new StanceView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                                evidence.getOrDefault(rs.getLong(1), List.of())));
                    }
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("read the stances", e);
        }
    }

    /** A statement that is evidence for a stance: its words, where it is, what decided it. */
    public record Evidence(long statementId, long documentId, String file, String speaker, String text, String date,
                           int start, int end, String polarity, String cue) {}

    /** The evidence statements with these ids, with what each says on the issue. */
    public Map<Long, Evidence> evidence(java.util.Collection<Long> statementIds, String issue) {
        Map<Long, Evidence> out = new HashMap<>();
        if (statementIds.isEmpty()) {
            return out;
        }
        String sql = "SELECT s.id, s.document_id, d.file, l.name, s.text, s.date_iso, s.start_offset, s.end_offset, "
                + "i.polarity, i.cue_text FROM statement s JOIN document d ON d.id = s.document_id "
                + "LEFT JOIN local_actor l ON l.id = s.speaker_id "
                + "LEFT JOIN statement_issue i ON i.statement_id = s.id AND i.issue = ? "
                + "WHERE s.id = ANY(?)";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, issue);
            ps.setArray(2, db.createArrayOf("BIGINT", statementIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                            rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("read the evidence", e);
        }
        return out;
    }

    private void query(String sql, KnowledgeBase.RowHandler handler) {
        try (Statement st = db.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw workspace.failure("read the stances", e);
        }
    }
}
