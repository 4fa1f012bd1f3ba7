package org.demarche.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.demarche.model.Polarity;
import org.demarche.network.Network.Link;
import org.demarche.network.Network.Mode;
import org.demarche.network.Network.Node;
import org.demarche.network.NetworkOptions.Level;
import org.demarche.network.NetworkOptions.Normalization;
import org.demarche.network.NetworkOptions.Type;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Discourse networks by the method of Leifeld's Discourse Network Analyzer, from coded positions.
 *
 * <p>Within a window an actor holds a <em>tie</em> (issue, side) when at least one of its stances there takes that
 * side; ties count once however many statements make them (DNA's binary aggregation), while the edges keep every
 * document and statement behind them. Two actors are <em>congruent</em> on each tie they share and in
 * <em>conflict</em> on each pair of opposite ties on one issue; neutral stances take no side, so they only show in
 * the two-mode network. Normalisations scale a pair's count by the two actors' numbers of ties: by their average,
 * by the size of their union (Jaccard) or by the geometric mean (cosine).
 */
public final class DiscourseNetwork {

    /** Seed of label propagation, so that the same corpus always shows the same communities. */
    private static final long SEED = 1244L;

    private DiscourseNetwork() {}

    /** One network per window of {@code options.window()}, in time order. */
    public static List<Network> build(List<Coding> codings, NetworkOptions options) {
        List<Coding> kept = select(codings, options);
        LocalDate first = null;
        LocalDate last = null;
        for (Coding c : kept) {
            LocalDate d = TimeWindow.firstDay(c.date());
            if (d != null) {
                first = first == null || d.isBefore(first) ? d : first;
                last = last == null || d.isAfter(last) ? d : last;
            }
        }
        List<Network> out = new ArrayList<>();
        for (TimeWindow w : TimeWindow.of(options.window(), first, last)) {
            List<Coding> in = new ArrayList<>();
            for (Coding c : kept) {
                if (w == TimeWindow.ALL || w.contains(TimeWindow.firstDay(c.date()))) {
                    in.add(c);
                }
            }
            out.add(network(w, in, options));
        }
        return out;
    }

    /** The codings the options ask for, persons folded into their state at the state level. */
    static List<Coding> select(List<Coding> codings, NetworkOptions o) {
        LocalDate from = TimeWindow.firstDay(o.from());
        LocalDate to = lastDay(o.to());
        List<Coding> out = new ArrayList<>();
        for (Coding c : codings) {
            if (o.issue() != null && !o.issue().equals(c.issue())) {
                continue;
            }
            if (o.minConfidence() > 0 && !(c.confidence() >= o.minConfidence())) { // unknown confidence is not enough
                continue;
            }
            LocalDate d = TimeWindow.firstDay(c.date());
            if ((from != null || to != null) && (d == null || (from != null && d.isBefore(from))
                    || (to != null && d.isAfter(to)))) {
                continue;
            }
            out.add(o.level() == Level.STATE && c.speaksFor() != null
                    ? c.as(c.speaksFor(), c.speaksForName(), c.speaksForKind()) : c);
        }
        return out;
    }

    /** The last day an ISO date (year, month or day) names. */
    private static LocalDate lastDay(String iso) {
        LocalDate d = TimeWindow.firstDay(iso);
        if (d == null) {
            return null;
        }
        String s = iso.trim();
        return s.length() == 4 ? d.plusYears(1).minusDays(1) : s.length() == 7 ? d.plusMonths(1).minusDays(1) : d;
    }

    /** An actor's side on an issue in one window, with what is behind it. */
    private record Tie(String issue, Polarity side) {}

    private static final class Behind {
        final SortedSet<String> documents = new TreeSet<>();
        final SortedSet<String> statements = new TreeSet<>();
    }

    private static Network network(TimeWindow w, List<Coding> codings, NetworkOptions o) {
        Map<String, Node> actors = new TreeMap<>();
        Map<String, Node> issues = new TreeMap<>();
        Map<String, Map<Tie, Behind>> ties = new TreeMap<>();
        for (Coding c : codings) {
            actors.putIfAbsent(c.actor(), new Node(c.actor(), c.actorName(),
                    c.actorKind() == null ? "other" : c.actorKind().label(), Mode.ACTOR));
            issues.putIfAbsent(c.issue(), new Node(c.issue(), c.issueLabel() == null ? c.issue() : c.issueLabel(),
                    "issue", Mode.ISSUE));
            Behind b = ties.computeIfAbsent(c.actor(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(new Tie(c.issue(), c.polarity()), k -> new Behind());
            b.documents.add(c.document());
            b.statements.addAll(c.statements());
        }
        // each actor's sides, issue by issue: what congruence, conflict and polarisation are counted from
        Map<String, Map<String, Set<Polarity>>> sides = new HashMap<>();
        ties.forEach((actor, held) -> sides.put(actor, sides(held.keySet())));
        Graph<Node, Link> g = new SimpleWeightedGraph<>(null, null);
        actors.values().forEach(g::addVertex);
        if (o.type() == Type.AFFILIATION) {
            issues.values().forEach(g::addVertex);
            affiliation(g, actors, issues, ties);
        } else {
            oneMode(g, actors, ties, sides, o);
        }
        Map<String, Integer> communities = new TreeMap<>();
        double modularity = communities(g, communities);
        Polarisation.Result p = Polarisation.of(actors.keySet(), sides);
        return new Network(w, o, g, communities, modularity, p.index(), p.camps());
    }

    /** An actor's ties as issue → sides, neutral left out: what congruence and conflict are counted from. */
    private static Map<String, Set<Polarity>> sides(Set<Tie> ties) {
        Map<String, Set<Polarity>> out = new TreeMap<>();
        for (Tie t : ties) {
            if (t.side() != Polarity.NEUTRAL) {
                out.computeIfAbsent(t.issue(), k -> java.util.EnumSet.noneOf(Polarity.class)).add(t.side());
            }
        }
        return out;
    }

    private static void affiliation(Graph<Node, Link> g, Map<String, Node> actors, Map<String, Node> issues,
                                    Map<String, Map<Tie, Behind>> ties) {
        for (Map.Entry<String, Map<Tie, Behind>> e : ties.entrySet()) {
            Map<String, List<Map.Entry<Tie, Behind>>> byIssue = new TreeMap<>();
            for (Map.Entry<Tie, Behind> t : e.getValue().entrySet()) {
                byIssue.computeIfAbsent(t.getKey().issue(), k -> new ArrayList<>()).add(t);
            }
            for (Map.Entry<String, List<Map.Entry<Tie, Behind>>> i : byIssue.entrySet()) {
                Set<Polarity> sides = java.util.EnumSet.noneOf(Polarity.class);
                Behind all = new Behind();
                for (Map.Entry<Tie, Behind> t : i.getValue()) {
                    sides.add(t.getKey().side());
                    all.documents.addAll(t.getValue().documents);
                    all.statements.addAll(t.getValue().statements);
                }
                boolean support = sides.contains(Polarity.SUPPORT);
                boolean oppose = sides.contains(Polarity.OPPOSE);
                String polarity = support && oppose ? "mixed" : support ? "support" : oppose ? "oppose" : "neutral";
                // DNA's "combine" qualifier as a signed weight: +1 support, -1 oppose, 0 mixed or neutral
                double weight = support == oppose ? 0 : support ? 1 : -1;
                Link l = new Link(e.getKey(), i.getKey(), weight, polarity, 0, 0, new TreeSet<>(), new TreeSet<>(),
                        all.documents, all.statements);
                g.addEdge(actors.get(e.getKey()), issues.get(i.getKey()), l);
                g.setEdgeWeight(l, weight);
            }
        }
    }

    private static void oneMode(Graph<Node, Link> g, Map<String, Node> actors, Map<String, Map<Tie, Behind>> ties,
                                Map<String, Map<String, Set<Polarity>>> sides, NetworkOptions o) {
        List<String> ids = new ArrayList<>(ties.keySet());
        for (int i = 0; i < ids.size(); i++) {
            String a = ids.get(i);
            Map<String, Set<Polarity>> sa = sides.get(a);
            int na = count(sa);
            for (int j = i + 1; j < ids.size(); j++) {
                String b = ids.get(j);
                Map<String, Set<Polarity>> sb = sides.get(b);
                int congruence = 0;
                int conflict = 0;
                SortedSet<String> agreed = new TreeSet<>();
                SortedSet<String> disputed = new TreeSet<>();
                for (Map.Entry<String, Set<Polarity>> e : sa.entrySet()) {
                    Set<Polarity> other = sb.get(e.getKey());
                    if (other == null) {
                        continue;
                    }
                    for (Polarity p : e.getValue()) {
                        for (Polarity q : other) {
                            if (p == q) {
                                congruence++;
                                agreed.add(e.getKey());
                            } else {
                                conflict++;
                                disputed.add(e.getKey());
                            }
                        }
                    }
                }
                if (congruence == 0 && conflict == 0) {
                    continue;
                }
                int nb = count(sb);
                double c = normalise(congruence, na, nb, o.normalization());
                double f = normalise(conflict, na, nb, o.normalization());
                double weight = switch (o.type()) {
                    case CONGRUENCE -> c;
                    case CONFLICT -> f;
                    default -> c - f;
                };
                if (weight == 0 && o.type() != Type.SUBTRACT) {
                    continue;
                }
                SortedSet<String> issuesMet = new TreeSet<>(o.type() == Type.CONFLICT ? disputed
                        : o.type() == Type.CONGRUENCE ? agreed : union(agreed, disputed));
                Behind behind = new Behind();
                for (String x : List.of(a, b)) {
                    for (Map.Entry<Tie, Behind> t : ties.get(x).entrySet()) {
                        if (issuesMet.contains(t.getKey().issue()) && t.getKey().side() != Polarity.NEUTRAL) {
                            behind.documents.addAll(t.getValue().documents);
                            behind.statements.addAll(t.getValue().statements);
                        }
                    }
                }
                String sign = weight > 0 ? "agree" : weight < 0 ? "disagree" : "balanced";
                Link l = new Link(a, b, weight, sign, congruence, conflict, agreed, disputed, behind.documents,
                        behind.statements);
                g.addEdge(actors.get(a), actors.get(b), l);
                g.setEdgeWeight(l, weight);
            }
        }
    }

    private static SortedSet<String> union(Set<String> a, Set<String> b) {
        SortedSet<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static int count(Map<String, Set<Polarity>> sides) {
        int n = 0;
        for (Set<Polarity> s : sides.values()) {
            n += s.size();
        }
        return n;
    }

    /** DNA's normalisations of a pair's count by the two actors' numbers of ties. */
    static double normalise(int count, int tiesA, int tiesB, Normalization n) {
        if (count == 0) {
            return 0;
        }
        return switch (n) {
            case NONE -> count;
            case AVERAGE -> count / ((tiesA + tiesB) / 2.0);
            case JACCARD -> count / (double) Math.max(1, tiesA + tiesB - count);
            case COSINE -> count / Math.sqrt((double) tiesA * tiesB);
        };
    }

    /**
     * Communities by label propagation (JGraphT) over the edges that join (positive weights), seeded so that
     * they are the same on every run; returns their modularity (JGraphT's measurer) on that positive graph.
     */
    private static double communities(Graph<Node, Link> g, Map<String, Integer> out) {
        Graph<Node, Link> positive = new SimpleWeightedGraph<>(null, null);
        g.vertexSet().forEach(positive::addVertex);
        for (Link l : g.edgeSet()) {
            if (l.weight() > 0) {
                positive.addEdge(g.getEdgeSource(l), g.getEdgeTarget(l), l);
                positive.setEdgeWeight(l, l.weight());
            }
        }
        if (positive.vertexSet().isEmpty()) {
            return 0;
        }
        List<Set<Node>> clusters = new ArrayList<>(new LabelPropagationClustering<>(positive, 100, new Random(SEED))
                .getClustering().getClusters());
        // numbered largest first, ties by their first member's id, so that numbers do not depend on the seed's order
        clusters.sort(Comparator.<Set<Node>>comparingInt(s -> -s.size())
                .thenComparing(s -> s.stream().map(Node::id).min(String::compareTo).orElse("")));
        for (int i = 0; i < clusters.size(); i++) {
            for (Node n : clusters.get(i)) {
                out.put(n.id(), i + 1);
            }
        }
        if (positive.edgeSet().isEmpty()) {
            return 0;
        }
        return new UndirectedModularityMeasurer<>(positive).modularity(clusters);
    }
}
