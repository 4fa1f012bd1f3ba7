package org.demarche.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests find real text: the bundled example corpus and ../shared. */
final class Corpora {

    private Corpora() {}

    static Path repo() {
        return Path.of(System.getProperty("demarche.repo", "..")).toAbsolutePath().normalize();
    }

    static Path examples() {
        return repo().resolve("examples/kosovo");
    }

    static Path seed(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(examples())) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    static Path ungdc() {
        Path p = Path.of(System.getProperty("demarche.shared", "../../shared")).resolve("corpora/ungdc");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("the UNGDC corpus is expected at " + p + " (../shared beside the repository)");
        }
        return p;
    }

    static List<Path> ungdcSample(int n) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(ungdc())) {
            all = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        double step = (double) all.size() / n;
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> all.get((int) (i * step))).toList();
    }
}
