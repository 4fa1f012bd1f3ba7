package org.demarche.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.demarche.model.Polarity;
import org.demarche.model.RecordId;
import org.demarche.model.Stance;
import org.demarche.model.Statement;
import org.demarche.model.StatementKind;

/**
 * The stance side of the knowledge base: what each statement says on each issue
 * (statement_issue) and each actor's position per issue and document (stance, with its
 * evidence). Computed from stored statements, so a new codebook needs no new parse.
 */
public final class StanceTables {

    /**
     * What the stance stage reads for one document: its text and date, its statements (each speaker the
     * document's own actor, l7), and for each person the states they speak for.
     */
    public record Input(long documentId, String text, String published, List<Statement> statements,
                        Map<RecordId, List<RecordId>> speaksFor) {}

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
        RecordId d = RecordId.document(documentId);
        List<Statement> statements = sql.list(what, "SELECT id, speaker_id, kind, text, start_offset, end_offset, date_iso, "
                + "cue, found_by, confidence FROM statement WHERE document_id = ? ORDER BY start_offset, id",
                rs -> new Statement(RecordId.statement(rs.getLong(1)), d,
                        RecordId.Type.LOCAL_ACTOR.orNull(Sql.longOrNull(rs, 2)), StatementKind.parse(rs.getString(3)),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        Sql.doubleOrNull(rs, 10), List.of(), null, null), documentId);
        // a person with a title of a state speaks for it
        Map<RecordId, List<RecordId>> speaksFor = new HashMap<>();
        sql.each(what, "SELECT DISTINCT r.local_actor_id, r.of_local_id "
                + "FROM actor_role r JOIN local_actor p ON p.id = r.local_actor_id "
                + "JOIN local_actor s ON s.id = r.of_local_id "
                + "WHERE r.document_id = ? AND p.kind = 'person' AND s.kind = 'state'",
                rs -> speaksFor.computeIfAbsent(RecordId.Type.LOCAL_ACTOR.of(rs.getLong(1)), k -> new ArrayList<>())
                        .add(RecordId.Type.LOCAL_ACTOR.of(rs.getLong(2))), documentId);
        return new Input(documentId, doc[0], doc[1], statements, speaksFor);
    }

    /**
     * Replaces a document's findings (what its statements say on the issues) and stances (each actor the document's
     * own, l7), as part of the current transaction.
     */
    public void replace(long documentId, List<Statement> found, List<Stance> stances, String fingerprint) {
        String what = "store the stances of document " + documentId;
        sql.update(what, "DELETE FROM statement_issue WHERE statement_id IN (SELECT id FROM statement WHERE document_id = ?)",
                documentId);
        sql.update(what, "DELETE FROM stance WHERE document_id = ?", documentId);
        List<Object[]> issues = new ArrayList<>();
        for (Statement s : found) {
            for (Statement.Issue i : s.issues()) {
                issues.add(new Object[] {s.id().number(), i.issue(), i.polarity().id(),
                        i.cue() == null || i.cue().length() <= 4000 ? i.cue() : i.cue().substring(0, 4000),
                        i.confidence(), i.support(), i.oppose()});
            }
        }
        sql.batch(what, "INSERT INTO statement_issue (statement_id, issue, polarity, cue_text, confidence, support_weight, "
                + "oppose_weight) VALUES (?,?,?,?,?,?,?)", issues, (ps, row) -> Sql.bind(null, ps, row));
        List<long[]> evidence = new ArrayList<>();
        for (Stance t : stances) {
            long id = sql.insert(what, "INSERT INTO stance (document_id, local_actor_id, issue, polarity, date_iso, "
                    + "confidence, support_weight, oppose_weight) VALUES (?,?,?,?,?,?,?,?)", documentId,
                    t.actor().number(), t.issue(), t.polarity().id(), t.date(), t.confidence(), t.supportWeight(),
                    t.opposeWeight());
            int rank = 0;
            for (RecordId s : t.evidence()) {
                evidence.add(new long[] {id, s.number(), rank++});
            }
        }
        sql.batch(what, "INSERT INTO stance_evidence (stance_id, statement_id, rank) VALUES (?,?,?)", evidence,
                (ps, e) -> Sql.bind(null, ps, e[0], e[1], (int) e[2]));
        sql.update(what, "UPDATE document SET stance_fingerprint = ? WHERE id = ?", fingerprint, documentId);
    }

    /** What every statement says on the issues, by statement id. */
    public Map<Long, List<Statement.Issue>> issuesByStatement() {
        return issues("SELECT statement_id, issue, polarity, confidence, support_weight, oppose_weight, cue_text "
                + "FROM statement_issue ORDER BY statement_id, issue");
    }

    /** What these statements say on the issues, by statement id. */
    public Map<Long, List<Statement.Issue>> issuesOf(Collection<Long> statementIds) {
        return issues("SELECT statement_id, issue, polarity, confidence, support_weight, oppose_weight, cue_text "
                + "FROM statement_issue WHERE statement_id = ANY(?)", Sql.longs(statementIds));
    }

    private Map<Long, List<Statement.Issue>> issues(String query, Object... args) {
        Map<Long, List<Statement.Issue>> out = new HashMap<>();
        sql.each("read the stances", query, rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new Statement.Issue(rs.getString(2), Polarity.parse(rs.getString(3)), rs.getDouble(4),
                        rs.getString(7), rs.getDouble(5), rs.getDouble(6))), args);
        return out;
    }

    /** Stances with their merged actor, optionally for one issue, in document and actor order. */
    public void forEachStance(String issue, Consumer<Stance> action) {
        Map<Long, List<RecordId>> evidence = new HashMap<>();
        Object[] args = issue == null ? new Object[0] : new Object[] {issue};
        sql.each("read the stances", "SELECT e.stance_id, e.statement_id FROM stance_evidence e JOIN stance t "
                + "ON t.id = e.stance_id" + (issue == null ? "" : " WHERE t.issue = ?") + " ORDER BY e.stance_id, e.rank",
                rs -> evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(RecordId.statement(rs.getLong(2))),
                args);
        sql.each("read the stances", "SELECT t.id, t.document_id, l.actor_id, t.issue, t.polarity, t.date_iso, t.confidence, "
                + "t.support_weight, t.oppose_weight FROM stance t JOIN local_actor l ON l.id = t.local_actor_id "
                + "WHERE l.actor_id IS NOT NULL" + (issue == null ? "" : " AND t.issue = ?")
                + " ORDER BY t.document_id, l.actor_id, t.issue",
                rs -> action.accept(new Stance(RecordId.stance(rs.getLong(1)), RecordId.actor(rs.getLong(3)),
                        rs.getString(4), Polarity.parse(rs.getString(5)), RecordId.document(rs.getLong(2)),
                        rs.getString(6), evidence.getOrDefault(rs.getLong(1), List.of()), rs.getDouble(7),
                        rs.getDouble(8), rs.getDouble(9), null, null)), args);
    }

    /**
     * The evidence statements with these ids, each with its document's file, its speaker's name in that document and
     * what it says on this one issue (the words that decided it), by statement id.
     */
    public Map<Long, Statement> evidence(Collection<Long> statementIds, String issue) {
        Map<Long, Statement> out = new HashMap<>();
        if (statementIds.isEmpty()) {
            return out;
        }
        sql.each("read the evidence", "SELECT s.id, s.document_id, d.file, l.name, s.text, s.date_iso, s.start_offset, "
                + "s.end_offset, i.polarity, i.cue_text, l.actor_id, s.kind, s.cue, s.found_by, s.confidence, i.confidence, "
                + "i.support_weight, i.oppose_weight FROM statement s JOIN document d ON d.id = s.document_id "
                + "LEFT JOIN local_actor l ON l.id = s.speaker_id "
                + "LEFT JOIN statement_issue i ON i.statement_id = s.id AND i.issue = ? "
                + "WHERE s.id = ANY(?)", rs -> {
                    String polarity = rs.getString(9);
                    List<Statement.Issue> on = polarity == null ? List.of() : List.of(new Statement.Issue(issue,
                            Polarity.parse(polarity), rs.getDouble(16), rs.getString(10), rs.getDouble(17), rs.getDouble(18)));
                    out.put(rs.getLong(1), new Statement(RecordId.statement(rs.getLong(1)), RecordId.document(rs.getLong(2)),
                            RecordId.Type.ACTOR.orNull(Sql.longOrNull(rs, 11)), StatementKind.parse(rs.getString(12)),
                            rs.getString(5), rs.getInt(7), rs.getInt(8), rs.getString(6), rs.getString(13),
                            rs.getString(14), Sql.doubleOrNull(rs, 15), on, rs.getString(3), rs.getString(4)));
                }, issue, Sql.longs(statementIds));
        return out;
    }
}
