package org.demarche.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a workspace holds at a glance, and its documents as a list: the page's home and document list. */
public final class Overview {

    /** How many stances one issue has, and from how many actors. */
    public record IssueCount(String issue, long stances, long actors) {}

    /** An actor and how many statements are attributed to it. */
    public record ActiveActor(long id, String name, String kind, long statements) {}

    /** A document as the list shows it. */
    public record Listed(long id, String file, String title, String published, String publisher, String author,
                         String speaker, long statements) {}

    /** The counts, the date range (ISO, reduced precision allowed), the most active actors and the latest documents. */
    public record Figures(long documents, long actors, long statements, long stances, String firstDate, String lastDate,
                          List<IssueCount> issues, List<ActiveActor> mostActive, List<Listed> latest) {}

    private static final String LISTED = "SELECT d.id, d.file, d.title, d.published, d.publisher, d.author, d.speaker, "
            + "(SELECT COUNT(*) FROM statement s WHERE s.document_id = d.id) FROM document d";

    private final Sql sql;

    Overview(Workspace workspace) {
        this.sql = workspace.sql();
    }

    public Figures figures(int top) {
        long documents = count("SELECT COUNT(*) FROM document");
        long actors = count("SELECT COUNT(*) FROM actor");
        long statements = count("SELECT COUNT(*) FROM statement");
        long stances = count("SELECT COUNT(*) FROM stance t JOIN local_actor l ON l.id = t.local_actor_id "
                + "WHERE l.actor_id IS NOT NULL");
        // dates said by documents and statements alike: a corpus of speeches has no statement dates of its own
        String[] range = sql.first("read the date range", "SELECT MIN(x), MAX(x) FROM (SELECT published AS x FROM document "
                + "UNION ALL SELECT date_iso FROM statement) WHERE x IS NOT NULL",
                rs -> new String[] {rs.getString(1), rs.getString(2)}).orElse(new String[2]);
        List<IssueCount> issues = sql.list("count the stances per issue", "SELECT t.issue, COUNT(*), COUNT(DISTINCT l.actor_id) "
                + "FROM stance t JOIN local_actor l ON l.id = t.local_actor_id WHERE l.actor_id IS NOT NULL "
                + "GROUP BY t.issue ORDER BY t.issue", rs -> new IssueCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
        List<ActiveActor> active = sql.list("find the most active actors", "SELECT a.id, a.name, a.kind, COUNT(*) AS n "
                + "FROM statement s JOIN local_actor l ON l.id = s.speaker_id JOIN actor a ON a.id = l.actor_id "
                + "GROUP BY a.id, a.name, a.kind ORDER BY n DESC, a.name LIMIT ?",
                rs -> new ActiveActor(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), top);
        List<Listed> latest = sql.list("list the latest documents", LISTED
                + " ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT ?", Overview::listed, top);
        return new Figures(documents, actors, statements, stances, range[0], range[1], issues, active, latest);
    }

    /**
     * Documents whose publisher contains a text (case ignored) and whose date falls in [from, to] (ISO prefixes,
     * inclusive; a document without a date is left out when a bound is given), in date order; with the total.
     */
    public Map.Entry<Long, List<Listed>> documents(String publisher, String from, String to, int limit, int offset) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (publisher != null && !publisher.isBlank()) {
            where.add("LOWER(d.publisher) LIKE ?");
            args.add("%" + publisher.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (from != null) {
            where.add("d.published >= ?");
            args.add(from);
        }
        if (to != null) {
            where.add("d.published < ?");
            args.add(to + "\uffff"); // "2008" covers every date of 2008
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = sql.first("count the documents", "SELECT COUNT(*) FROM document d" + filter, rs -> rs.getLong(1),
                args.toArray()).orElse(0L);
        List<Object> page = new ArrayList<>(args);
        page.add(limit);
        page.add(offset);
        List<Listed> out = sql.list("list the documents", LISTED + filter
                + " ORDER BY d.published NULLS LAST, d.id LIMIT ? OFFSET ?", Overview::listed, page.toArray());
        return Map.entry(total, out);
    }

    private static Listed listed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8));
    }

    private long count(String query) {
        return sql.first("count " + query.substring(query.lastIndexOf(' ') + 1), query, rs -> rs.getLong(1)).orElse(0L);
    }

    /** The figures as the API answers them (snake_case, record ids). */
    public static Map<String, Object> json(Figures f, Map<String, String> issueLabels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", f.documents());
        m.put("actors", f.actors());
        m.put("statements", f.statements());
        m.put("stances", f.stances());
        m.put("first_date", f.firstDate());
        m.put("last_date", f.lastDate());
        List<Object> issues = new ArrayList<>();
        for (Map.Entry<String, String> e : issueLabels.entrySet()) {
            IssueCount c = f.issues().stream().filter(i -> i.issue().equals(e.getKey())).findFirst()
                    .orElse(new IssueCount(e.getKey(), 0, 0));
            issues.add(Map.of("id", e.getKey(), "label", e.getValue(), "stances", c.stances(), "actors", c.actors()));
        }
        m.put("issues", issues);
        m.put("most_active", f.mostActive().stream().map(a -> Map.of("id", org.demarche.model.RecordId.actor(a.id()), "name", a.name(), "kind", a.kind(),
                "statements", a.statements())).toList());
        m.put("latest_documents", f.latest().stream().map(Overview::json).toList());
        return m;
    }

    public static Map<String, Object> json(Listed d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", org.demarche.model.RecordId.document(d.id()));
        m.put("file", d.file());
        m.put("title", d.title());
        m.put("published", d.published());
        m.put("publisher", d.publisher());
        m.put("author", d.author());
        m.put("speaker", d.speaker());
        m.put("statements", d.statements());
        return m;
    }
}
