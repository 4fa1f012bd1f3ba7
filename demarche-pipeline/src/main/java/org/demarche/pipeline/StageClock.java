package org.demarche.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Time per stage, summed over the threads that ran it: for the benchmark. */
final class StageClock {

    private final Map<String, LongAdder> nanos = new LinkedHashMap<>();

    StageClock() {
        for (String stage : List.of("read and clean", "extract", "store", "merge actors", "stances", "index")) {
            nanos.put(stage, new LongAdder());
        }
    }

    /** Adds the time since t0 (System.nanoTime) to the stage. */
    void since(String stage, long t0) {
        add(stage, System.nanoTime() - t0);
    }

    void add(String stage, long n) {
        nanos.get(stage).add(n);
    }

    Map<String, Duration> times() {
        Map<String, Duration> out = new LinkedHashMap<>();
        nanos.forEach((stage, n) -> out.put(stage, Duration.ofNanos(n.sum())));
        return out;
    }
}
