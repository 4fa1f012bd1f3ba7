package org.demarche.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * How often English words, and pairs of words one after the other, occur: counted in the UN
 * General Debate corpus (CC0, 35 million words; eval/columns/build_bigrams.py builds the files).
 * Column repair asks it whether one line's last word and another's first word belong together.
 * Written by hand: it is two count tables and one formula, not worth a language-model library.
 */
final class BigramModel {

    /** Pairs seen fewer times than this were not kept. */
    private static final int PAIR_FLOOR = 8;

    private final Map<String, Integer> ids = new HashMap<>();
    private final long[] counts;
    private final long total;
    /** (first id << 32 | second id), sorted, with their counts alongside. */
    private final long[] pairs;
    private final int[] pairCounts;

    private static final class Holder {
        static final BigramModel ENGLISH = load();
    }

    /** The model shipped with demarche, read on first use (about 1 s). */
    static BigramModel english() {
        return Holder.ENGLISH;
    }

    private BigramModel(List<String> words, List<Long> wordCounts, List<long[]> pairRows) {
        counts = new long[words.size()];
        long sum = 0;
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
            counts[i] = wordCounts.get(i);
            sum += counts[i];
        }
        total = sum;
        pairRows.sort((a, b) -> Long.compare(a[0], b[0]));
        pairs = new long[pairRows.size()];
        pairCounts = new int[pairRows.size()];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = pairRows.get(i)[0];
            pairCounts[i] = (int) pairRows.get(i)[1];
        }
    }

    private static BigramModel load() {
        List<String> words = new ArrayList<>();
        List<Long> wordCounts = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        read("lm/unigrams.tsv.gz", (key, count) -> {
            index.put(key, words.size());
            words.add(key);
            wordCounts.add(count);
        });
        List<long[]> rows = new ArrayList<>();
        read("lm/bigrams.tsv.gz", (key, count) -> {
            int space = key.indexOf(' ');
            Integer a = index.get(key.substring(0, space));
            Integer b = index.get(key.substring(space + 1));
            if (a != null && b != null) {
                rows.add(new long[] {((long) a << 32) | b, count});
            }
        });
        return new BigramModel(words, wordCounts, rows);
    }

    private interface Row {
        void accept(String key, long count);
    }

    private static void read(String resource, Row row) {
        try (InputStream in = BigramModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the build: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int tab = line.lastIndexOf('\t');
                row.accept(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** How often the word (lower case) was seen; 0 if fewer than 3 times. */
    long count(String word) {
        Integer id = ids.get(word);
        return id == null ? 0 : counts[id];
    }

    boolean known(String word) {
        return ids.containsKey(word);
    }

    /**
     * How much likelier b is right after a than anywhere: log P(b|a) - log P(b), within [-3, 3];
     * 0 for unknown words. A pair seen fewer than 8 times is scored as if seen 8 times and only ever
     * counts against: it may be likelier than that, it is never known to be.
     */
    double pmi(String a, String b) {
        Integer ia = ids.get(a);
        Integer ib = ids.get(b);
        if (ia == null || ib == null) {
            return 0;
        }
        int at = Arrays.binarySearch(pairs, ((long) ia << 32) | ib);
        long seen = at >= 0 ? pairCounts[at] : 0;
        double pb = (counts[ib] + 1.0) / (total + counts.length);
        double v = Math.log((seen > 0 ? seen : PAIR_FLOOR) / (counts[ia] + 2.0) / pb);
        if (seen == 0) {
            v = Math.min(0, v);
        }
        return Math.max(-3, Math.min(3, v));
    }
}
