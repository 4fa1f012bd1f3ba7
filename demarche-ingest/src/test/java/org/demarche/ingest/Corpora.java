package org.demarche.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests of every module find real text: the bundled example corpus and ../shared. */
public final class Corpora {

    private Corpora() {}

    public static Path repo() {
        return Path.of(System.getProperty("demarche.repo", "..")).toAbsolutePath().normalize();
    }

    public static Path examples() {
        return repo().resolve("examples/kosovo");
    }

    public static Path seed(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(examples())) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    /** A private copy of the seeds and their manifest, free to change. */
    public static Path copySeeds(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("seeds"));
        try (Stream<Path> s = Files.list(examples())) {
            for (Path p : s.toList()) {
                Files.copy(p, target.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    public static Path ungdc() {
        Path p = Path.of(System.getProperty("demarche.shared", "../../shared")).resolve("corpora/ungdc");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("the UNGDC corpus is expected at " + p + " (../shared beside the repository)");
        }
        return p;
    }

    /** n statements spread evenly over the corpus (every session, not only the first). */
    public static List<Path> ungdcSample(int n) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(ungdc())) {
            all = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        return SourceFinder.spread(all, n);
    }
}
