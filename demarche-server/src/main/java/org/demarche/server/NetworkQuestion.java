package org.demarche.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.demarche.model.ActorKind;
import org.demarche.model.Polarity;
import org.demarche.network.Coding;
import org.demarche.stance.Codebook;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.Workspace;

/** What a discourse network is drawn from: every stance of the workspace as a coding, for the CLI and the API. */
public final class NetworkQuestion {

    private NetworkQuestion() {}

    /**
     * The stances of one issue (null: all) with their actors, the state each person speaks for (the state of the
     * titles the texts give it most often) and the statements behind each. An issue the codebook does not have is
     * an IllegalArgumentException that names the ones it has.
     */
    public static List<Coding> codings(Workspace ws, String issue) {
        Codebook codebook = Codebooks.active(ws);
        if (issue != null && codebook.issue(issue).isEmpty()) {
            throw new IllegalArgumentException("no issue '" + issue + "' in the workspace's codebook; its issues are: "
                    + String.join(", ", codebook.issues().stream().map(Codebook.Issue::id).toList()));
        }
        Map<String, String> labels = new HashMap<>();
        codebook.issues().forEach(i -> labels.put(i.id(), i.label()));
        Map<Long, KnowledgeBase.ActorRow> actors = new HashMap<>();
        ws.kb().forEachActor(a -> actors.put(a.id(), a));
        Map<Long, Long> speaksFor = speaksFor(ws, actors);
        List<Coding> out = new ArrayList<>();
        ws.stances().forEachStance(issue, t -> {
            KnowledgeBase.ActorRow a = actors.get(t.actorId());
            Long state = speaksFor.get(t.actorId());
            KnowledgeBase.ActorRow s = state == null ? null : actors.get(state);
            out.add(new Coding("a" + t.actorId(), a == null ? "a" + t.actorId() : a.name(),
                    a == null ? ActorKind.OTHER : ActorKind.parse(a.kind()), s == null ? null : "a" + s.id(),
                    s == null ? null : s.name(), s == null ? null : ActorKind.parse(s.kind()), t.issue(),
                    labels.getOrDefault(t.issue(), t.issue()), Polarity.parse(t.polarity()), t.date(),
                    "d" + t.documentId(), t.evidence().stream().map(id -> "s" + id).toList(), t.confidence()));
        });
        return out;
    }

    /** Each person's state: the state most of its roles are of. */
    static Map<Long, Long> speaksFor(Workspace ws, Map<Long, KnowledgeBase.ActorRow> actors) {
        Map<Long, Long> out = new HashMap<>();
        ws.kb().roles().forEach((person, roles) -> {
            KnowledgeBase.ActorRow p = actors.get(person);
            if (p == null || !p.kind().equals("person")) {
                return;
            }
            Map<Long, Integer> counts = new HashMap<>();
            for (KnowledgeBase.RoleRow r : roles) {
                KnowledgeBase.ActorRow of = r.ofActorId() == null ? null : actors.get(r.ofActorId());
                if (of != null && of.kind().equals("state")) {
                    counts.merge(of.id(), 1, Integer::sum);
                }
            }
            counts.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                    .ifPresent(e -> out.put(person, e.getKey()));
        });
        return out;
    }
}
