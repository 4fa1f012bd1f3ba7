package org.demarche.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps character offsets in a document's cleaned text back to its original text.
 * Cleaning only ever drops spans (chrome, markup) and inserts separators, so the map is a
 * sorted list of segments: cleaned[cleanStart, cleanStart+length) == original[origStart, origStart+length).
 * Offsets that fall on inserted separators map to the end of the preceding segment.
 */
public final class OffsetMap {

    private final int[] cleanStarts;
    private final int[] origStarts;
    private final int[] lengths;

    private OffsetMap(int[] cleanStarts, int[] origStarts, int[] lengths) {
        this.cleanStarts = cleanStarts;
        this.origStarts = origStarts;
        this.lengths = lengths;
    }

    /** The identity map for a text of the given length. */
    public static OffsetMap identity(int length) {
        return new OffsetMap(new int[] {0}, new int[] {0}, new int[] {length});
    }

    /** The original offset of a cleaned-text offset. */
    public int toOriginal(int cleanOffset) {
        int i = Arrays.binarySearch(cleanStarts, cleanOffset);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0) {
            return cleanOffset;
        }
        int into = Math.min(cleanOffset - cleanStarts[i], lengths[i]);
        return origStarts[i] + into;
    }

    /**
     * This map followed by another: offsets in this map's cleaned text, mapped through this map
     * into its original, and from there, taken as the next map's cleaned text, into the next one's
     * original. Each segment of this map is cut where the next map's segments change.
     */
    public OffsetMap then(OffsetMap next) {
        Builder b = new Builder();
        for (int i = 0; i < lengths.length; i++) {
            int clean = cleanStarts[i];
            int mid = origStarts[i];
            int left = lengths[i];
            while (left > 0) {
                int j = Arrays.binarySearch(next.cleanStarts, mid);
                if (j < 0) {
                    j = -j - 2;
                }
                int untilNext = j + 1 < next.cleanStarts.length ? next.cleanStarts[j + 1] - mid : left;
                int run;
                if (j < 0) { // before the next map's first segment: kept as it is, as toOriginal does
                    run = Math.min(left, untilNext);
                    b.add(clean, mid, run);
                } else if (mid - next.cleanStarts[j] >= next.lengths[j]) {
                    // on a separator the next map inserted: left unmapped, up to its next segment
                    run = Math.min(left, untilNext);
                } else {
                    int into = mid - next.cleanStarts[j];
                    run = Math.min(left, Math.min(next.lengths[j] - into, untilNext));
                    b.add(clean, next.origStarts[j] + into, run);
                }
                clean += run;
                mid += run;
                left -= run;
            }
        }
        return b.build();
    }

    public int segments() {
        return lengths.length;
    }

    /** Compact text form for storage: "clean:orig:len" triples separated by commas. */
    public String encode() {
        StringBuilder sb = new StringBuilder(lengths.length * 12);
        for (int i = 0; i < lengths.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cleanStarts[i]).append(':').append(origStarts[i]).append(':').append(lengths[i]);
        }
        return sb.toString();
    }

    public static OffsetMap decode(String encoded) {
        Builder b = new Builder();
        if (encoded != null && !encoded.isEmpty()) {
            for (String triple : encoded.split(",")) {
                String[] p = triple.split(":");
                b.add(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
        }
        return b.build();
    }

    /** Collects segments in cleaned-text order; adjacent contiguous segments are merged. */
    public static final class Builder {
        private final List<int[]> segments = new ArrayList<>();

        public Builder add(int cleanStart, int origStart, int length) {
            if (length <= 0) {
                return this;
            }
            if (!segments.isEmpty()) {
                int[] last = segments.get(segments.size() - 1);
                if (last[0] + last[2] == cleanStart && last[1] + last[2] == origStart) {
                    last[2] += length;
                    return this;
                }
            }
            segments.add(new int[] {cleanStart, origStart, length});
            return this;
        }

        public OffsetMap build() {
            int n = segments.size();
            int[] c = new int[n];
            int[] o = new int[n];
            int[] l = new int[n];
            for (int i = 0; i < n; i++) {
                c[i] = segments.get(i)[0];
                o[i] = segments.get(i)[1];
                l[i] = segments.get(i)[2];
            }
            return n == 0 ? identity(0) : new OffsetMap(c, o, l);
        }
    }
}
