package org.demarche.questions;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.demarche.store.Corrections;
import org.demarche.store.Corrections.Entry;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;

/**
 * How often two coders agree, as content analysts report intercoder reliability: per field (is it a statement,
 * its speaker, its kind, a stance's polarity, a statement's date), over the items both coded, the share of
 * agreement, Cohen's kappa and Krippendorff's alpha (nominal), computed with DKPro Statistics.
 *
 * <p>The machine is one coder: each entry of the log keeps what the machine had said ({@code machine}), so every
 * item a person corrected or confirmed is a pair (machine, person). Between persons, an item is the same words
 * (document and offsets) or the same stance (document, actor, issue); each coder's latest entry on it counts.
 */
public final class Agreement {

    /** The fields compared, in the order they are reported. */
    public static final List<String> FIELDS = List.of("statement", "speaker", "kind", "polarity", "date");

    /** The figures of one field between two coders; kappa or alpha is null where it is undefined (one category). */
    @JsonPropertyOrder({"field", "items", "agreed", "percent", "kappa", "alpha"})
    public record Figures(String field, int items, int agreed, Double percent, Double kappa, Double alpha) {}

    /** Two coders' figures on every field. */
    @JsonPropertyOrder({"coders", "fields"})
    public record Report(List<String> coders, List<Figures> fields) {}

    private Agreement() {}

    /** The machine against the persons (all of them together: the latest entry on an item counts). */
    public static Report machineAndPersons(List<Entry> log) {
        Map<String, Map<String, String[]>> pairs = new LinkedHashMap<>(); // field -> item -> {machine, person}
        for (Entry e : Corrections.inForce(log)) {
            codes(e).forEach((field, v) -> {
                if (v[0] != null && v[1] != null) {
                    pairs.computeIfAbsent(field, k -> new LinkedHashMap<>()).put(item(e, field), v);
                }
            });
        }
        return new Report(List.of("machine", "persons"), figures(pairs));
    }

    /** Every pair of coders in the log (imported logs keep their coders' names). */
    public static List<Report> betweenCoders(List<Entry> log) {
        Map<String, Map<String, Map<String, String>>> byCoder = new LinkedHashMap<>(); // coder -> field -> item -> value
        for (Entry e : Corrections.inForce(log)) {
            codes(e).forEach((field, v) -> {
                if (v[1] != null) {
                    byCoder.computeIfAbsent(e.coder(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(field, k -> new LinkedHashMap<>()).put(item(e, field), v[1]);
                }
            });
        }
        List<String> coders = new ArrayList<>(new TreeSet<>(byCoder.keySet()));
        List<Report> out = new ArrayList<>();
        for (int i = 0; i < coders.size(); i++) {
            for (int j = i + 1; j < coders.size(); j++) {
                Map<String, Map<String, String[]>> pairs = new LinkedHashMap<>();
                for (String field : FIELDS) {
                    Map<String, String> a = byCoder.get(coders.get(i)).getOrDefault(field, Map.of());
                    Map<String, String> b = byCoder.get(coders.get(j)).getOrDefault(field, Map.of());
                    a.forEach((item, va) -> {
                        if (b.containsKey(item)) {
                            pairs.computeIfAbsent(field, k -> new LinkedHashMap<>()).put(item, new String[] {va, b.get(item)});
                        }
                    });
                }
                out.add(new Report(List.of(coders.get(i), coders.get(j)), figures(pairs)));
            }
        }
        return out;
    }

    /** The figures of each field from its (first coder, second coder) pairs. */
    static List<Figures> figures(Map<String, Map<String, String[]>> pairs) {
        List<Figures> out = new ArrayList<>();
        for (String field : FIELDS) {
            List<String[]> p = new ArrayList<>(pairs.getOrDefault(field, Map.of()).values());
            if (p.isEmpty()) {
                out.add(new Figures(field, 0, 0, null, null, null));
                continue;
            }
            CodingAnnotationStudy study = new CodingAnnotationStudy(2);
            int agreed = 0;
            for (String[] v : p) {
                study.addItem(v[0], v[1]);
                agreed += v[0].equals(v[1]) ? 1 : 0;
            }
            // with one category only there is no decision to agree on: kappa and alpha are undefined (DKPro refuses)
            boolean decided = p.stream().flatMap(v -> java.util.stream.Stream.of(v[0], v[1])).distinct().count() > 1;
            out.add(new Figures(field, p.size(), agreed, decided ? new PercentageAgreement(study).calculateAgreement()
                    : (double) agreed / p.size(),
                    decided ? defined(new CohenKappaAgreement(study).calculateAgreement()) : null,
                    decided ? defined(new KrippendorffAlphaAgreement(study, new NominalDistanceFunction())
                            .calculateAgreement()) : null));
        }
        return out;
    }

    /** Kappa and alpha divide by the chance of disagreeing: undefined when it is 0. */
    private static Double defined(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** What an entry says on each field it touches: {machine's value, person's value}. */
    static Map<String, String[]> codes(Entry e) {
        Map<String, String[]> out = new LinkedHashMap<>();
        String m = e.machine();
        switch (e.action()) {
            case "reject" -> out.put("statement", new String[] {"statement", "none"});
            case "add" -> out.put("statement", new String[] {"none", "statement"});
            case "confirm" -> {
                // the person checked the statement and left it as it was: the machine agrees on every field
                out.put("statement", new String[] {"statement", "statement"});
                if (e.value() != null) {
                    out.put("speaker", new String[] {e.value(), e.value()});
                }
                if (e.kind() != null) {
                    out.put("kind", new String[] {e.kind(), e.kind()});
                }
            }
            case "speaker" -> {
                out.put("statement", new String[] {"statement", "statement"});
                out.put("speaker", new String[] {m, e.value()});
            }
            case "date" -> {
                out.put("statement", new String[] {"statement", "statement"});
                out.put("date", new String[] {m == null ? "none" : m, e.date()});
            }
            case "kind" -> {
                if (e.exact() != null) { // a statement's kind (an actor's kind has no words)
                    out.put("statement", new String[] {"statement", "statement"});
                    out.put("kind", new String[] {m, e.value()});
                }
            }
            case "stance" -> {
                if (m != null) {
                    out.put("polarity", new String[] {m, e.value().equals("confirm") ? m : e.value()});
                }
            }
            default -> { } // actors and roles: not compared
        }
        return out;
    }

    /** The item an entry is about, by content: the words, or the stance. */
    private static String item(Entry e, String field) {
        return field.equals("polarity") ? e.docHash() + "|" + e.actor() + "|" + e.issue()
                : e.docHash() + "|" + e.start() + "|" + e.end();
    }
}
