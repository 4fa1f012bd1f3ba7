package org.demarche.nlp.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;

/**
 * Extraction as a chain of declared steps over one {@link ExtractionContext} per document: document steps run
 * once each, and a run of sentence steps loops over the sentences (all of a sentence's steps, then the next
 * sentence). Built once, it checks that what each step requires is added by a step before it, and refuses
 * a chain where it is not. It times each step (summed over documents and threads).
 */
public final class ExtractionChain {

    /** Each stage is one document step, or the sentence steps of one loop. */
    private final List<List<Step>> stages;
    private final List<Step> steps = new ArrayList<>();
    private final LongAdder[] nanos;
    private final LongAdder documents = new LongAdder();

    private ExtractionChain(List<List<Step>> stages) {
        this.stages = List.copyOf(stages);
        stages.forEach(steps::addAll);
        check();
        nanos = new LongAdder[steps.size()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = new LongAdder();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Composes a chain, step by step, in the order they run. */
    public static final class Builder {
        private final List<List<Step>> stages = new ArrayList<>();

        private Builder() {}

        public Builder then(DocumentStep step) {
            stages.add(List.of(step));
            return this;
        }

        /** Steps that run on each sentence in turn, in this order within a sentence. */
        public Builder eachSentence(SentenceStep... loop) {
            if (loop.length == 0) {
                throw new IllegalArgumentException("a sentence loop needs at least one step");
            }
            stages.add(List.of(loop));
            return this;
        }

        /** The chain, once its requirements check out. */
        public ExtractionChain build() {
            return new ExtractionChain(stages);
        }
    }

    private void check() {
        Set<String> names = new HashSet<>();
        Set<Key> added = EnumSet.noneOf(Key.class);
        List<String> before = new ArrayList<>();
        for (List<Step> stage : stages) {
            if (stage.get(0) instanceof SentenceStep && !added.contains(Key.TOKENS)) {
                throw new IllegalStateException("the sentence steps " + names(stage) + " need the document's sentences ("
                        + Key.TOKENS + "), which no step before them adds");
            }
            Set<Key> loopAdds = EnumSet.copyOf(added);
            stage.forEach(s -> loopAdds.addAll(s.adds()));
            for (Step s : stage) {
                if (!names.add(s.name())) {
                    throw new IllegalStateException("two extraction steps are named " + s.name());
                }
                for (Key k : s.requires()) {
                    if (!added.contains(k)) {
                        throw new IllegalStateException("extraction step " + s.name() + " requires " + k
                                + ", which no step before it adds (before it: "
                                + (before.isEmpty() ? "none" : String.join(", ", before)) + ")");
                    }
                }
                if (s instanceof SentenceStep ss) {
                    for (Key k : ss.carried()) {
                        if (!loopAdds.contains(k)) {
                            throw new IllegalStateException("extraction step " + s.name() + " reads " + k
                                    + " as earlier sentences left it, but no step of its loop or before it adds " + k);
                        }
                    }
                }
                added.addAll(s.adds());
                before.add(s.name());
            }
        }
    }

    private static String names(List<Step> stage) {
        return stage.stream().map(Step::name).collect(Collectors.joining(", "));
    }

    /** Runs the chain on one document. */
    public Extraction run(String text, DocumentMetadata meta) {
        ExtractionContext c = new ExtractionContext(text, meta);
        int k = 0;
        for (List<Step> stage : stages) {
            if (stage.get(0) instanceof DocumentStep d) {
                long t0 = System.nanoTime();
                d.apply(c);
                nanos[k].add(System.nanoTime() - t0);
            } else {
                int n = c.doc.sentences().size();
                long[] spent = new long[stage.size()];
                for (int si = 0; si < n; si++) {
                    long t = System.nanoTime();
                    for (int j = 0; j < stage.size(); j++) {
                        ((SentenceStep) stage.get(j)).apply(c, si);
                        long now = System.nanoTime();
                        spent[j] += now - t;
                        t = now;
                    }
                }
                for (int j = 0; j < spent.length; j++) {
                    nanos[k + j].add(spent[j]);
                }
            }
            k += stage.size();
        }
        documents.increment();
        return c.extraction();
    }

    /** The steps' names, in the order they run. */
    public List<String> stepNames() {
        return steps.stream().map(Step::name).toList();
    }

    /** The time spent in each step so far, summed over documents and threads, in the order the steps run. */
    public Map<String, Duration> stepTimes() {
        Map<String, Duration> out = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            out.put(steps.get(i).name(), Duration.ofNanos(nanos[i].sum()));
        }
        return out;
    }

    /** How many documents the chain has extracted. */
    public long documents() {
        return documents.sum();
    }
}
