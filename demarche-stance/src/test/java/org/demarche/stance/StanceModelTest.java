package org.demarche.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StanceModelTest {

    @Test
    void theShippedModelReadsAndGivesProbabilities() {
        StanceModel m = StanceModel.shipped();
        assertNotNull(m, "stance-model.tsv is missing: run eval/stance-train/train.sh");
        double[] raw = new double[StanceFeatures.RAW];
        raw[StanceFeatures.OPPOSE] = 2;
        raw[StanceFeatures.CONTRARY] = 3;
        raw[StanceFeatures.SENTENCES] = 3;
        double[] p = m.probabilities(StanceFeatures.input(raw));
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
        double[] none = m.probabilities(StanceFeatures.input(new double[StanceFeatures.RAW]));
        assertTrue(p[1] > none[1], "opposing words and contrary terms raise the probability of oppose");
    }

    @Test
    void fittingSeparatesSeparableClasses() {
        List<double[]> xs = List.of(new double[] {1, 2, 0}, new double[] {1, 0, 2}, new double[] {1, 0, 0},
                new double[] {1, 3, 0}, new double[] {1, 0, 3}, new double[] {1, 0.1, 0.1});
        int[] ys = {0, 1, 2, 0, 1, 2};
        double[] w = {1, 1, 1, 1, 1, 1};
        StanceModel m = StanceModel.fit(xs, ys, w, 0.001, 2000);
        for (int n = 0; n < xs.size(); n++) {
            assertEquals(ys[n], StanceTrainer.argmax(m.probabilities(xs.get(n))));
        }
    }
}
