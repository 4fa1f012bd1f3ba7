package org.demarche.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The questions people ask of a workspace (who is this actor, what did they say, when), as
 * SQL reads shared by the command line and the HTTP API. Every answer carries the document
 * and offsets of the words it comes from.
 */
public final class Questions {

    /** A statement with where it is, who said it, and what it says on which issue. */
    public record Said(long id, long documentId, String file, Long speakerId, String speaker, String kind, String text,
                       int start, int end, String date, String cue, List<StanceTables.IssueRow> issues) {}

    /** A stance with its document, for an actor's page or an issue's timeline. */
    public record Position(long id, long documentId, String file, long actorId, String actor, String issue,
                           String polarity, String date, double confidence, List<Long> evidence) {}

    private final Workspace workspace;
    private final Sql sql;

    Questions(Workspace workspace) {
        this.workspace = workspace;
        this.sql = workspace.sql();
    }

    /** The actor a name or alias stands for (case-insensitive); the most mentioned wins a tie. */
    public Optional<KnowledgeBase.ActorRow> actor(String nameOrId) {
        List<KnowledgeBase.ActorRow> all = new ArrayList<>();
        workspace.kb().forEachActor(all::add);
        String n = nameOrId.strip();
        if (n.matches("a\\d+")) {
            long id = Long.parseLong(n.substring(1));
            return all.stream().filter(a -> a.id() == id).findFirst();
        }
        Comparator<KnowledgeBase.ActorRow> byMentions = Comparator.comparingInt(KnowledgeBase.ActorRow::mentions);
        Optional<KnowledgeBase.ActorRow> exact = all.stream().filter(a -> a.name().equalsIgnoreCase(n)).max(byMentions);
        if (exact.isPresent()) {
            return exact;
        }
        return all.stream().filter(a -> a.aliases().stream().anyMatch(x -> x.equalsIgnoreCase(n))).max(byMentions);
    }

    /**
     * Actors of a kind (null: any) whose name or an alias contains a text (null: any), case
     * ignored; the most mentioned first.
     */
    public List<KnowledgeBase.ActorRow> actors(String kind, String nameContains) {
        String needle = nameContains == null ? null : nameContains.toLowerCase(Locale.ROOT);
        List<KnowledgeBase.ActorRow> out = new ArrayList<>();
        workspace.kb().forEachActor(a -> {
            if ((kind == null || a.kind().equals(kind)) && (needle == null || a.name().toLowerCase(Locale.ROOT).contains(needle)
                    || a.aliases().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains(needle)))) {
                out.add(a);
            }
        });
        out.sort(Comparator.comparingInt(KnowledgeBase.ActorRow::mentions).reversed()
                .thenComparing(KnowledgeBase.ActorRow::name));
        return out;
    }

    /**
     * Statements, newest last, filtered by speaker, issue and date range (ISO prefixes,
     * inclusive: from "2007" to "2008" covers both years). Any filter may be null.
     */
    public List<Said> statements(Long actorId, String issue, String from, String to, int limit) {
        return statements(actorId, issue, from, to, limit, null);
    }

    /** These statements (ids without their prefix), in time order: what a network's link stands on. */
    public List<Said> statements(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : statements(null, null, null, null, ids.size(), null, ids);
    }

    private List<Said> statements(Long actorId, String issue, String from, String to, int limit, Long documentId) {
        return statements(actorId, issue, from, to, limit, documentId, null);
    }

    private List<Said> statements(Long actorId, String issue, String from, String to, int limit, Long documentId,
                                  java.util.Collection<Long> ids) {
        StringBuilder query = new StringBuilder("SELECT s.id, s.document_id, d.file, l.actor_id, a.name, s.kind, s.text, "
                + "s.start_offset, s.end_offset, COALESCE(s.date_iso, d.published), s.cue FROM statement s "
                + "JOIN document d ON d.id = s.document_id LEFT JOIN local_actor l ON l.id = s.speaker_id "
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
        List<Said> out = sql.list("read the statements", query.toString(), rs -> new Said(rs.getLong(1), rs.getLong(2),
                rs.getString(3), Sql.longOrNull(rs, 4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                rs.getInt(9), rs.getString(10), rs.getString(11), new ArrayList<>()), args.toArray());
        Map<Long, List<StanceTables.IssueRow>> issues = new HashMap<>();
        if (!out.isEmpty()) {
            sql.each("read the statements", "SELECT statement_id, issue, polarity, confidence, support_weight, "
                    + "oppose_weight, cue_text FROM statement_issue WHERE statement_id = ANY(?)",
                    rs -> issues.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StanceTables.IssueRow(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                            rs.getDouble(6), rs.getString(7))), Sql.longs(out.stream().map(Said::id).toList()));
        }
        out.forEach(s -> s.issues().addAll(issues.getOrDefault(s.id(), List.of())));
        return out;
    }

    /** A stretch of a document naming an actor, a place, a title or a date. */
    public record Mark(String kind, int start, int end, Long actorId, String text) {}

    /** What a document's text is marked with: mentions (actors, places, dates) in text order. */
    public List<Mark> marks(long documentId) {
        return sql.list("read the mentions", "SELECT m.kind, m.start_offset, m.end_offset, l.actor_id, m.text "
                + "FROM mention m LEFT JOIN local_actor l ON l.id = m.local_actor_id WHERE m.document_id = ? "
                + "ORDER BY m.start_offset", rs -> new Mark(rs.getString(1), rs.getInt(2), rs.getInt(3),
                Sql.longOrNull(rs, 4), rs.getString(5)), documentId);
    }

    /** A document's statements in text order. */
    public List<Said> statementsIn(long documentId) {
        List<Said> all = statements(null, null, null, null, Integer.MAX_VALUE, documentId);
        all.sort(Comparator.comparingInt(Said::start));
        return all;
    }

    /** Stances, oldest first, for an actor and/or an issue (either may be null). */
    public List<Position> positions(Long actorId, String issue) {
        List<Position> out = new ArrayList<>();
        Map<Long, String> files = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        workspace.kb().forEachActor(a -> names.put(a.id(), a.name()));
        sql.each("read the documents", "SELECT id, file FROM document", rs -> files.put(rs.getLong(1), rs.getString(2)));
        workspace.stances().forEachStance(issue, t -> {
            if (actorId == null || t.actorId() == actorId) {
                out.add(new Position(t.id(), t.documentId(), files.get(t.documentId()), t.actorId(), names.get(t.actorId()),
                        t.issue(), t.polarity(), t.date(), t.confidence(), t.evidence()));
            }
        });
        out.sort(Comparator.comparing((Position p) -> p.date() == null ? "9999" : p.date()).thenComparing(Position::id));
        return out;
    }
}
