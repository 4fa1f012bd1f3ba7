package org.demarche.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.demarche.model.Polarity;
import org.demarche.stance.Codebook;
import org.demarche.stance.StanceTimeline;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.StanceTables;
import org.demarche.store.Workspace;

/** What the stance questions (stances, shifts) read from a workspace for one issue. */
final class IssueQuestion {

    final String issue;
    final String label;
    final List<StanceTimeline.Point> points = new ArrayList<>();
    /** stance id -> its evidence statement ids, strongest first */
    final Map<Long, List<Long>> evidence = new HashMap<>();
    final Map<Long, KnowledgeBase.ActorRow> actors = new HashMap<>();

    private IssueQuestion(String issue, String label) {
        this.issue = issue;
        this.label = label;
    }

    /** Loads the issue's stances; a usage error (unknown issue) is an IllegalArgumentException with the ids there are. */
    static IssueQuestion load(Workspace ws, String issue, double minConfidence) {
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
        return q;
    }

    String name(long actor) {
        KnowledgeBase.ActorRow a = actors.get(actor);
        return a == null ? "a" + actor : a.name();
    }

    /** The strongest evidence statement of a stance, with what it says. */
    StanceTables.Evidence firstEvidence(Workspace ws, StanceTimeline.Point p) {
        List<Long> ids = evidence.getOrDefault(p.id(), List.of());
        if (ids.isEmpty()) {
            return null;
        }
        return ws.stances().evidence(List.of(ids.get(0)), issue).get(ids.get(0));
    }
}
