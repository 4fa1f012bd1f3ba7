package org.demarche.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.demarche.model.Polarity;
import org.demarche.stance.Codebook;
import org.demarche.stance.StanceTimeline;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.StanceTables;
import org.demarche.store.Workspace;

/** What the stance questions (stances, shifts) read from a workspace for one issue. */
public final class IssueQuestion {

    public final String issue;
    public final String label;
    public final List<StanceTimeline.Point> points = new ArrayList<>();
    /** stance id -> its evidence statement ids, strongest first */
    public final Map<Long, List<Long>> evidence = new HashMap<>();
    public final Map<Long, KnowledgeBase.ActorRow> actors = new HashMap<>();
    /** person -> the state it speaks for */
    private Map<Long, Long> speaksFor;

    private IssueQuestion(String issue, String label) {
        this.issue = issue;
        this.label = label;
    }

    /** Loads the issue's stances; a usage error (unknown issue) is an IllegalArgumentException with the ids there are. */
    public static IssueQuestion load(Workspace ws, String issue, double minConfidence) {
        Codebook codebook = Codebooks.active(ws);
        Codebook.Issue known = codebook.issue(issue).orElseThrow(() -> new IllegalArgumentException("no issue '" + issue
                + "' in the workspace's codebook; its issues are: "
                + String.join(", ", codebook.issues().stream().map(Codebook.Issue::id).toList())));
        IssueQuestion q = new IssueQuestion(issue, known.label());
        ws.stances().forEachStance(issue, t -> {
            if (t.confidence() >= minConfidence) {
                q.points.add(new StanceTimeline.Point(t.id(), t.actorId(), t.date(), Polarity.parse(t.polarity()),
                        t.confidence()));
                q.evidence.put(t.id(), t.evidence());
            }
        });
        ws.kb().forEachActor(a -> q.actors.put(a.id(), a));
        q.speaksFor = NetworkQuestion.speaksFor(ws, q.actors);
        return q;
    }

    public String name(long actor) {
        KnowledgeBase.ActorRow a = actors.get(actor);
        return a == null ? "a" + actor : a.name();
    }

    /** The strongest evidence statement of a stance, with what it says. */
    public StanceTables.Evidence firstEvidence(Workspace ws, StanceTimeline.Point p) {
        List<Long> ids = evidence.getOrDefault(p.id(), List.of());
        if (ids.isEmpty()) {
            return null;
        }
        return ws.stances().evidence(List.of(ids.get(0)), issue).get(ids.get(0));
    }

    /** The actor × period matrix as plain maps and lists (for JSON), the most documented actors first. */
    public Map<String, Object> matrixJson(int years, String kind, int limit) {
        StanceTimeline.Matrix m = matrix(years, kind);
        Map<Long, Long> speaksFor = this.speaksFor == null ? Map.of() : this.speaksFor;
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("issue", issue);
        root.put("label", label);
        root.put("periods", m.periods());
        List<Object> rows = new ArrayList<>();
        m.rows().entrySet().stream().limit(Math.max(1, limit)).forEach(e -> {
            long actor = e.getKey();
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("actor", "a" + actor);
            a.put("name", name(actor));
            a.put("kind", actors.containsKey(actor) ? actors.get(actor).kind() : null);
            // a person is shown under the state it speaks for
            Long state = speaksFor.get(actor);
            a.put("speaks_for", state == null ? null : "a" + state);
            Map<String, Object> byPeriod = new LinkedHashMap<>();
            e.getValue().forEach((period, c) -> {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("position", c.kind().id());
                for (Polarity p : Polarity.values()) {
                    cell.put(p.id(), c.count(p));
                }
                cell.put("stances", c.points().stream().map(p -> "t" + p.id()).toList());
                // how sure the surest stance of the cell is: the page shows it
                cell.put("confidence", c.points().stream().mapToDouble(StanceTimeline.Point::confidence).max().orElse(0));
                cell.put("evidence", c.points().stream()
                        .flatMap(p -> evidence.getOrDefault(p.id(), List.of()).stream().limit(1))
                        .map(s -> "s" + s).toList());
                byPeriod.put(period, cell);
            });
            a.put("cells", byPeriod);
            rows.add(a);
        });
        root.put("actors", rows);
        root.put("total_actors", m.rows().size());
        return root;
    }

    /** The matrix, for actors of one kind (null: all). */
    public StanceTimeline.Matrix matrix(int years, String kind) {
        List<StanceTimeline.Point> chosen = points.stream()
                .filter(p -> kind == null || actors.containsKey(p.actor()) && actors.get(p.actor()).kind().equals(kind))
                .toList();
        return StanceTimeline.matrix(chosen, Math.max(1, years));
    }

    /** The shifts with the strongest evidence on each side, as plain maps (for JSON). */
    public List<Map<String, Object>> shiftsJson(Workspace ws, int years) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (StanceTimeline.Shift s : StanceTimeline.shifts(matrix(years, null))) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("actor", "a" + s.actor());
            r.put("name", name(s.actor()));
            r.put("from", Map.of("period", s.fromPeriod(), "position", s.from().id()));
            r.put("to", Map.of("period", s.toPeriod(), "position", s.to().id()));
            r.put("before", side(ws, s.before()));
            r.put("after", side(ws, s.after()));
            records.add(r);
        }
        return records;
    }

    private Map<String, Object> side(Workspace ws, StanceTimeline.Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stance", "t" + p.id());
        m.put("polarity", p.polarity().id());
        m.put("date", p.date());
        m.put("confidence", p.confidence());
        StanceTables.Evidence e = firstEvidence(ws, p);
        if (e != null) {
            m.put("statement", "s" + e.statementId());
            m.put("doc", e.file());
            m.put("doc_id", "d" + e.documentId());
            m.put("speaker", e.speaker());
            m.put("cue", e.cue());
            m.put("text", e.text());
            m.put("start", e.start());
            m.put("end", e.end());
        }
        return m;
    }
}
