package org.demarche.questions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.model.Actor;
import org.demarche.model.Polarity;
import org.demarche.model.RecordId;
import org.demarche.model.Stance;
import org.demarche.model.Statement;
import org.demarche.stance.Codebook;
import org.demarche.stance.StanceTimeline;
import org.demarche.store.Workspace;

/** What the stance questions (stances, shifts) read from a workspace for one issue. */
public final class IssueQuestion {

    public final String issue;
    public final String label;
    /** The issue's stances, each with its evidence, strongest first. */
    public final List<Stance> points = new ArrayList<>();
    public final Map<RecordId, Actor> actors = new HashMap<>();
    /** person -> the state it speaks for (the page shows persons under it) */
    private Map<RecordId, RecordId> speaksFor = Map.of();

    private IssueQuestion(String issue, String label) {
        this.issue = issue;
        this.label = label;
    }

    /** Loads the issue's stances; a usage error (unknown issue) is an IllegalArgumentException with the ids there are. */
    public static IssueQuestion load(Workspace ws, String issue, double minConfidence) {
        return load(ws, issue, minConfidence, null, null);
    }

    /**
     * The same within a period (from, to: ISO dates or their prefixes, inclusive, either null): an issue
     * tied to events is read where they happen, not in every year a term of it is said.
     */
    public static IssueQuestion load(Workspace ws, String issue, double minConfidence, String from, String to) {
        Codebook codebook = Codebooks.active(ws);
        Codebook.Issue known = codebook.issue(issue).orElseThrow(() -> new IllegalArgumentException("no issue '" + issue
                + "' in the workspace's codebook; its issues are: "
                + String.join(", ", codebook.issues().stream().map(Codebook.Issue::id).toList())));
        IssueQuestion q = new IssueQuestion(issue, known.label());
        ws.stances().forEachStance(issue, t -> {
            if (t.confidence() >= minConfidence && within(t.date(), from, to)) {
                q.points.add(t);
            }
        });
        ws.kb().forEachActorWithRoleTitles(a -> q.actors.put(a.id(), a));
        q.speaksFor = NetworkQuestion.speaksFor(q.actors);
        return q;
    }

    /** Whether a date (or a prefix of one) lies in [from, to]; an undated stance lies in no bounded period. */
    static boolean within(String date, String from, String to) {
        if (from == null && to == null) {
            return true;
        }
        if (date == null) {
            return false;
        }
        return (from == null || date.compareTo(from) >= 0 || from.startsWith(date))
                && (to == null || date.compareTo(to) <= 0 || date.startsWith(to));
    }

    public String name(RecordId actor) {
        Actor a = actors.get(actor);
        return a == null ? actor.toString() : a.name();
    }

    /** The strongest evidence statement of a stance, with what it says on the issue. */
    public Statement firstEvidence(Workspace ws, Stance p) {
        if (p.evidence().isEmpty()) {
            return null;
        }
        long first = p.evidence().get(0).number();
        return ws.stances().evidence(List.of(first), issue).get(first);
    }

    /** The actor × period matrix as plain maps and lists (for JSON), the most documented actors first. */
    public Map<String, Object> matrixJson(int years, String kind, int limit) {
        StanceTimeline.Matrix m = matrix(years, kind);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("issue", issue);
        root.put("label", label);
        root.put("periods", m.periods());
        List<Object> rows = new ArrayList<>();
        m.rows().entrySet().stream().limit(Math.max(1, limit)).forEach(e -> {
            RecordId actor = e.getKey();
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("actor", actor);
            a.put("name", name(actor));
            a.put("kind", actors.containsKey(actor) ? actors.get(actor).kind() : null);
            a.put("speaks_for", speaksFor.get(actor)); // a person is shown under the state it speaks for
            Map<String, Object> byPeriod = new LinkedHashMap<>();
            e.getValue().forEach((period, c) -> {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("position", c.kind().id());
                for (Polarity p : Polarity.values()) {
                    cell.put(p.id(), c.count(p));
                }
                cell.put("stances", c.points().stream().map(Stance::id).toList());
                cell.put("evidence", c.points().stream().flatMap(p -> p.evidence().stream().limit(1)).toList());
                // how sure the surest stance of the cell is: the page shows it
                cell.put("confidence", c.points().stream().mapToDouble(Stance::confidence).max().orElse(0));
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
        List<Stance> chosen = points.stream()
                .filter(p -> kind == null || actors.containsKey(p.actor()) && actors.get(p.actor()).kind().label().equals(kind))
                .toList();
        return StanceTimeline.matrix(chosen, Math.max(1, years));
    }

    /** The shifts with the strongest evidence on each side, as plain maps (for JSON). */
    public List<Map<String, Object>> shiftsJson(Workspace ws, int years) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (StanceTimeline.Shift s : StanceTimeline.shifts(matrix(years, null))) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("actor", s.actor());
            r.put("name", name(s.actor()));
            r.put("from", Map.of("period", s.fromPeriod(), "position", s.from().id()));
            r.put("to", Map.of("period", s.toPeriod(), "position", s.to().id()));
            r.put("before", side(ws, s.before()));
            r.put("after", side(ws, s.after()));
            records.add(r);
        }
        return records;
    }

    /** One side of a shift: the stance, and its strongest statement with the words that decided it. */
    private Map<String, Object> side(Workspace ws, Stance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stance", p.id());
        m.put("polarity", p.polarity().id());
        m.put("date", p.date());
        m.put("confidence", p.confidence());
        Statement e = firstEvidence(ws, p);
        if (e != null) {
            m.put("statement", e.id());
            m.put("doc", e.doc());
            m.put("file", e.file());
            m.put("speaker", e.speaker());
            m.put("speaker_name", e.speakerName());
            m.put("cue", e.issues().isEmpty() ? null : e.issues().get(0).cue());
            m.put("text", e.text());
            m.put("start", e.start());
            m.put("end", e.end());
        }
        return m;
    }
}
