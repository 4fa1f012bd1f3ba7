package org.demarche.questions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.demarche.model.Actor;
import org.demarche.model.ActorKind;
import org.demarche.model.RecordId;
import org.demarche.model.Role;
import org.demarche.network.Coding;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;

/** What a discourse network is drawn from: every stance of the workspace as a coding, for the CLI and the API. */
public final class NetworkQuestion {

    private NetworkQuestion() {}

    /**
     * The stances of one issue (null: all) with their actors, the state each person speaks for and the statements
     * behind each. An issue the codebook does not have is an IllegalArgumentException that names the ones it has.
     */
    public static List<Coding> codings(Workspace ws, String issue) {
        Codebook codebook = Codebooks.active(ws);
        if (issue != null && codebook.issue(issue).isEmpty()) {
            throw new IllegalArgumentException("no issue '" + issue + "' in the workspace's codebook; its issues are: "
                    + String.join(", ", codebook.issues().stream().map(Codebook.Issue::id).toList()));
        }
        Map<String, String> labels = new HashMap<>();
        codebook.issues().forEach(i -> labels.put(i.id(), i.label()));
        Map<RecordId, Actor> actors = new HashMap<>();
        ws.kb().forEachActorWithRoleTitles(a -> actors.put(a.id(), a));
        Map<RecordId, RecordId> speaksFor = speaksFor(actors);
        List<Coding> out = new ArrayList<>();
        ws.stances().forEachStance(issue, t -> {
            Actor a = actors.get(t.actor());
            RecordId state = speaksFor.get(t.actor());
            Actor s = state == null ? null : actors.get(state);
            out.add(new Coding(t.actor().toString(), a == null ? t.actor().toString() : a.name(),
                    a == null ? ActorKind.OTHER : a.kind(), s == null ? null : s.id().toString(),
                    s == null ? null : s.name(), s == null ? null : s.kind(), t.issue(),
                    labels.getOrDefault(t.issue(), t.issue()), t.polarity(), t.date(), t.doc().toString(),
                    t.evidence().stream().map(RecordId::toString).toList(), t.confidence()));
        });
        return out;
    }

    /** Each person's state: the state most of its roles are of (the lower id when two are as many). */
    public static Map<RecordId, RecordId> speaksFor(Map<RecordId, Actor> actors) {
        Map<RecordId, RecordId> out = new HashMap<>();
        for (Actor p : actors.values()) {
            if (p.kind() != ActorKind.PERSON) {
                continue;
            }
            Map<RecordId, Integer> counts = new HashMap<>();
            for (Role r : p.roles()) {
                Actor of = r.of() == null ? null : actors.get(r.of());
                if (of != null && of.kind() == ActorKind.STATE) {
                    counts.merge(of.id(), 1, Integer::sum);
                }
            }
            counts.entrySet().stream().max(Map.Entry.<RecordId, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .ifPresent(e -> out.put(p.id(), e.getKey()));
        }
        return out;
    }
}
