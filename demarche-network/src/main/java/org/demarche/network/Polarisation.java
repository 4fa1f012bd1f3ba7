package org.demarche.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.demarche.model.Polarity;

/**
 * How far a window's actors stand in two camps. The camps are the split of the actors that best fits structural
 * balance (agreement inside a camp, disagreement across); the index is the share of all disagreement that runs
 * across the camps times the share of all agreement that stays inside them:
 * 0 when nobody disagrees, 1 when two camps agree within and disagree only across. Counted on raw ties, whatever
 * the network's type or normalisation, so that windows compare.
 *
 * <p>Written here because no maintained Java graph library splits a signed graph; the search is local (single
 * moves from a start per contested issue, the split of its supporters and opponents), which is exact for the two
 * camps that a real two-sided debate makes and good enough for the few hundred actors of a window.
 */
final class Polarisation {

    record Result(double index, List<SortedSet<String>> camps) {}

    private Polarisation() {}

    static Result of(Set<String> actorIds, Map<String, Map<String, Set<Polarity>>> sides) {
        List<String> ids = new ArrayList<>(actorIds);
        int n = ids.size();
        int[][] agree = new int[n][n];
        int[][] disagree = new int[n][n];
        double totalAgree = 0;
        double totalDisagree = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Set<Polarity>> a = sides.getOrDefault(ids.get(i), Map.of());
            for (int j = i + 1; j < n; j++) {
                Map<String, Set<Polarity>> b = sides.getOrDefault(ids.get(j), Map.of());
                for (Map.Entry<String, Set<Polarity>> e : a.entrySet()) {
                    Set<Polarity> other = b.get(e.getKey());
                    if (other == null) {
                        continue;
                    }
                    for (Polarity p : e.getValue()) {
                        for (Polarity q : other) {
                            if (p == q) {
                                agree[i][j]++;
                            } else {
                                disagree[i][j]++;
                            }
                        }
                    }
                }
                agree[j][i] = agree[i][j];
                disagree[j][i] = disagree[i][j];
                totalAgree += agree[i][j];
                totalDisagree += disagree[i][j];
            }
        }
        if (totalDisagree == 0) {
            return new Result(0, List.of());
        }
        List<boolean[]> starts = new ArrayList<>();
        starts.add(new boolean[n]);
        Set<String> issues = new TreeSet<>();
        sides.values().forEach(m -> issues.addAll(m.keySet()));
        for (String issue : issues) {
            boolean[] s = new boolean[n];
            for (int i = 0; i < n; i++) {
                Set<Polarity> p = sides.getOrDefault(ids.get(i), Map.of()).get(issue);
                s[i] = p != null && p.contains(Polarity.OPPOSE) && !p.contains(Polarity.SUPPORT);
            }
            starts.add(s);
        }
        boolean[] best = null;
        double bestBalance = Double.NEGATIVE_INFINITY;
        for (boolean[] s : starts) {
            double b = climb(s, agree, disagree);
            if (b > bestBalance) {
                bestBalance = b;
                best = s;
            }
        }
        double across = 0;
        double within = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (best[i] != best[j]) {
                    across += disagree[i][j];
                } else {
                    within += agree[i][j];
                }
            }
        }
        double index = (across / totalDisagree) * (totalAgree == 0 ? 1 : within / totalAgree);
        SortedSet<String> one = new TreeSet<>();
        SortedSet<String> two = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (connected(i, agree, disagree)) {
                (best[i] ? two : one).add(ids.get(i));
            }
        }
        return new Result(index, List.of(one, two));
    }

    private static boolean connected(int i, int[][] agree, int[][] disagree) {
        for (int j = 0; j < agree.length; j++) {
            if (agree[i][j] + disagree[i][j] > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves single actors across while that raises the balance; returns the balance reached. Each actor's gain
     * from moving is kept up to date as others move (O(n) a move), so a window of hundreds of actors takes
     * milliseconds.
     */
    private static double climb(boolean[] side, int[][] agree, int[][] disagree) {
        int n = side.length;
        double[] gain = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double s = agree[i][j] - disagree[i][j];
                    gain[i] += side[i] == side[j] ? -2 * s : 2 * s;
                }
            }
        }
        for (int moves = 0; moves < 4 * n + 1; moves++) {
            int k = -1;
            for (int i = 0; i < n; i++) {
                if (gain[i] > 1e-12 && (k < 0 || gain[i] > gain[k])) {
                    k = i;
                }
            }
            if (k < 0) {
                break;
            }
            side[k] = !side[k];
            gain[k] = -gain[k];
            for (int i = 0; i < n; i++) {
                if (i != k) {
                    double s = agree[i][k] - disagree[i][k];
                    // the pair (i, k) went from same to across or back: i's gain from moving changes by 4s
                    gain[i] += side[i] == side[k] ? -4 * s : 4 * s;
                }
            }
        }
        double balance = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = agree[i][j] - disagree[i][j];
                balance += side[i] == side[j] ? s : -s;
            }
        }
        return balance;
    }
}
