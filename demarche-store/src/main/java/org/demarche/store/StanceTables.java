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

    private final Sql sql;

    StanceTables(Workspace workspace) {
        this.sql = workspace.sql();
    }

    /** Documents whose stances were not computed with this codebook and stage version. */
    public List<Long> documentsToRedo(String fingerprint) {
        return sql.list("find documents for the stance stage", "SELECT id FROM document WHERE stance_fingerprint IS NULL "
                + "OR stance_fingerprint <> ? ORDER BY id", rs -> rs.getLong(1), fingerprint);
    }

    /** Forgets which codebook the stances were computed with, so the next run redoes them all. */
    public void forgetFingerprints() {
        sql.update("reset the stance stage", "UPDATE document SET stance_fingerprint = NULL");
    }

    public Input input(long documentId) {
        String what = "read document " + documentId + " for the stance stage";
        String[] doc = sql.first(what, "SELECT clean_text, published FROM document WHERE id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, documentId).orElse(null);
        if (doc == null) {
            return null;
        }
        List<StatementSpan> statements = sql.list(what, "SELECT id, speaker_id, start_offset, end_offset, date_iso, cue "
                + "FROM statement WHERE document_id = ? ORDER BY start_offset, id", rs -> new StatementSpan(rs.getLong(1),
                Sql.longOrNull(rs, 2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6)), documentId);
        // a person with a title of a state speaks for it
        Map<Long, List<Long>> speaksFor = new HashMap<>();
        sql.each(what, "SELECT DISTINCT r.local_actor_id, r.of_local_id "
                + "FROM actor_role r JOIN local_actor p ON p.id = r.local_actor_id "
                + "JOIN local_actor s ON s.id = r.of_local_id "
                + "WHERE r.document_id = ? AND p.kind = 'person' AND s.kind = 'state'",
                rs -> speaksFor.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)), documentId);
        return new Input(documentId, doc[0], doc[1], statements, speaksFor);
    }

    /** Replaces a document's findings and stances (part of the current transaction). */
    public void replace(long documentId, List<IssueRow> issues, List<StanceRow> stances, String fingerprint) {
        String what = "store the stances of document " + documentId;
        sql.update(what, "DELETE FROM statement_issue WHERE statement_id IN (SELECT id FROM statement WHERE document_id = ?)",
                documentId);
        sql.update(what, "DELETE FROM stance WHERE document_id = ?", documentId);
        sql.batch(what, "INSERT INTO statement_issue (statement_id, issue, polarity, cue_text, confidence, support_weight, "
                + "oppose_weight) VALUES (?,?,?,?,?,?,?)", issues, (ps, r) -> Sql.bind(null, ps, r.statementId(), r.issue(),
                r.polarity(), r.cue() == null || r.cue().length() <= 4000 ? r.cue() : r.cue().substring(0, 4000),
                r.confidence(), r.support(), r.oppose()));
        List<long[]> evidence = new ArrayList<>();
        for (StanceRow r : stances) {
            long id = sql.insert(what, "INSERT INTO stance (document_id, local_actor_id, issue, polarity, date_iso, "
                    + "confidence, support_weight, oppose_weight) VALUES (?,?,?,?,?,?,?,?)", documentId, r.actor(),
                    r.issue(), r.polarity(), r.date(), r.confidence(), r.support(), r.oppose());
            int rank = 0;
            for (long s : r.evidence()) {
                evidence.add(new long[] {id, s, rank++});
            }
        }
        sql.batch(what, "INSERT INTO stance_evidence (stance_id, statement_id, rank) VALUES (?,?,?)", evidence,
                (ps, e) -> Sql.bind(null, ps, e[0], e[1], (int) e[2]));
        sql.update(what, "UPDATE document SET stance_fingerprint = ? WHERE id = ?", fingerprint, documentId);
    }

    /** Issue findings by statement id, for the export. */
    public Map<Long, List<IssueRow>> issuesByStatement() {
        Map<Long, List<IssueRow>> out = new HashMap<>();
        sql.each("read the stances", "SELECT statement_id, issue, polarity, confidence, support_weight, oppose_weight, cue_text "
                + "FROM statement_issue ORDER BY statement_id, issue", rs -> out.computeIfAbsent(rs.getLong(1),
                k -> new ArrayList<>()).add(new IssueRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                rs.getDouble(5), rs.getDouble(6), rs.getString(7))));
        return out;
    }

    /** Stances with their merged actor, optionally for one issue, in document and actor order. */
    public void forEachStance(String issue, Consumer<StanceView> action) {
        Map<Long, List<Long>> evidence = new HashMap<>();
        Object[] args = issue == null ? new Object[0] : new Object[] {issue};
        sql.each("read the stances", "SELECT e.stance_id, e.statement_id FROM stance_evidence e JOIN stance t "
                + "ON t.id = e.stance_id" + (issue == null ? "" : " WHERE t.issue = ?") + " ORDER BY e.stance_id, e.rank",
                rs -> evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)), args);
        sql.each("read the stances", "SELECT t.id, t.document_id, l.actor_id, t.issue, t.polarity, t.date_iso, t.confidence, "
                + "t.support_weight, t.oppose_weight FROM stance t JOIN local_actor l ON l.id = t.local_actor_id "
                + "WHERE l.actor_id IS NOT NULL" + (issue == null ? "" : " AND t.issue = ?")
                + " ORDER BY t.document_id, l.actor_id, t.issue",
                rs -> action.accept(new StanceView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                        evidence.getOrDefault(rs.getLong(1), List.of()))), args);
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
        sql.each("read the evidence", "SELECT s.id, s.document_id, d.file, l.name, s.text, s.date_iso, s.start_offset, "
                + "s.end_offset, i.polarity, i.cue_text FROM statement s JOIN document d ON d.id = s.document_id "
                + "LEFT JOIN local_actor l ON l.id = s.speaker_id "
                + "LEFT JOIN statement_issue i ON i.statement_id = s.id AND i.issue = ? "
                + "WHERE s.id = ANY(?)", rs -> out.put(rs.getLong(1), new Evidence(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8),
                rs.getString(9), rs.getString(10))), issue, Sql.longs(statementIds));
        return out;
    }
}
