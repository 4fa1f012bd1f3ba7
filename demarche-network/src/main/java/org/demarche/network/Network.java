package org.demarche.network;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.jgrapht.Graph;

/**
 * One discourse network: the graph of one time window, with what was measured on it.
 *
 * @param polarisation see {@link Polarisation}: 0 when nobody disagrees, 1 when two camps agree within and
 *                     disagree only across
 * @param camps        the two camps the polarisation index found (actor ids), empty when there is no conflict
 */
public record Network(TimeWindow window, NetworkOptions options, Graph<Network.Node, Network.Link> graph,
                      Map<String, Integer> communities, double modularity, double polarisation,
                      List<SortedSet<String>> camps) {

    /** What a node is: an actor, or (in the two-mode network) an issue. */
    public enum Mode {
        ACTOR, ISSUE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A node: an actor ({@code a3}) or an issue (its codebook id), with its name and kind. */
    public record Node(String id, String label, String kind, Mode mode) {}

    /**
     * An edge and everything behind it. In the two-mode network {@code polarity} is the actor's side
     * (support, oppose, mixed or neutral); in one-mode networks {@code agreed} and {@code disputed} name the issues
     * the two actors meet on. {@code documents} and {@code statements} are the ids of the records behind the edge,
     * so that each link goes back to the words.
     */
    public record Link(String source, String target, double weight, String polarity, int congruence, int conflict,
                       SortedSet<String> agreed, SortedSet<String> disputed, SortedSet<String> documents,
                       SortedSet<String> statements) {}

    public int degree(Node n) {
        return graph.degreeOf(n);
    }

    /** The sum of the absolute weights of a node's edges. */
    public double strength(Node n) {
        double s = 0;
        for (Link l : graph.edgesOf(n)) {
            s += Math.abs(l.weight());
        }
        return s;
    }
}
