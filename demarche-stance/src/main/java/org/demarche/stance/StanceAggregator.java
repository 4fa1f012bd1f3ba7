package org.demarche.stance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.model.RecordId;
import org.demarche.model.Stance;
import org.demarche.model.Statement;
import org.demarche.stance.StanceDetector.Decision;
import org.demarche.stance.StanceDetector.Finding;

/**
 * Weighs a document's statement findings into one stance per (actor, issue): conflicting
 * statements are summed into one answer, never emitted as two. A person who speaks for a
 * state (a minister, an ambassador, the speaker the manifest names) also counts for it.
 * Linear in the number of findings.
 */
public final class StanceAggregator {

    private static final class Sum {
        double support;
        double oppose;
        double neutral;
        final double[] raw = new double[StanceFeatures.RAW];
        boolean reported;
        final Map<RecordId, Double> evidence = new LinkedHashMap<>();
        final Map<String, Integer> dates = new HashMap<>();
    }

    /**
     * @param said         the document's statements, each with its speaker (the document's own actor) and date; a
     *                     statement a reporting verb introduced is someone else's account of the words
     * @param speaksFor    person -> the states they speak for in this document
     * @param defaultDate  the document's date, for statements without one
     * @return one stance per actor and issue, its actor the document's own (not stored yet: no id)
     */
    public static List<Stance> aggregate(List<Finding> findings, List<Statement> said,
                                         Map<RecordId, List<RecordId>> speaksFor, String defaultDate) {
        return aggregate(findings, said, speaksFor, defaultDate, StanceModel.shipped());
    }

    /** The same with a given model (null: the window rules), one answer from the summed evidence of all statements. */
    public static List<Stance> aggregate(List<Finding> findings, List<Statement> said,
                                         Map<RecordId, List<RecordId>> speaksFor, String defaultDate, StanceModel model) {
        Map<RecordId, Statement> byId = new HashMap<>();
        said.forEach(s -> byId.put(s.id(), s));
        Map<RecordId, Map<String, Sum>> sums = new LinkedHashMap<>();
        for (Finding f : findings) {
            Statement s = byId.get(f.statement());
            if (s == null || s.speaker() == null) {
                continue;
            }
            List<RecordId> actors = new ArrayList<>();
            actors.add(s.speaker());
            actors.addAll(speaksFor.getOrDefault(s.speaker(), List.of()));
            for (RecordId actor : actors) {
                Sum sum = sums.computeIfAbsent(actor, k -> new LinkedHashMap<>()).computeIfAbsent(f.issue(), k -> new Sum());
                sum.support += f.support();
                sum.oppose += f.oppose();
                sum.neutral += f.neutral();
                StanceFeatures.add(sum.raw, f.evidence());
                sum.reported |= s.reported();
                sum.evidence.merge(f.statement(), Math.abs(f.net()) + 0.01 * f.neutral(), Double::sum);
                String date = s.date() != null ? s.date() : defaultDate;
                if (date != null) {
                    sum.dates.merge(date, 1, Integer::sum);
                }
            }
        }
        List<Stance> out = new ArrayList<>();
        sums.forEach((actor, byIssue) -> byIssue.forEach((issue, sum) -> {
            // the model's probability is calibrated on speakers' own texts (speeches), the genre it learned
            // from; words reported in the news keep the confidence their wording gives
            Decision d = StanceDetector.decide(sum.reported ? null : model, sum.raw);
            List<RecordId> evidence = sum.evidence.entrySet().stream()
                    .sorted(Map.Entry.<RecordId, Double>comparingByValue().reversed())
                    .map(Map.Entry::getKey).toList();
            String date = sum.dates.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(defaultDate);
            out.add(new Stance(actor, issue, d.polarity(), date, evidence, d.confidence(),
                    StanceDetector.round(sum.support), StanceDetector.round(sum.oppose)));
        }));
        return out;
    }

    private StanceAggregator() {}
}
