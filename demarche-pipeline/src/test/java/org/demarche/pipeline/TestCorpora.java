package org.demarche.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Real text for the tests: the bundled seeds and the UNGDC corpus in ../shared. */
final class TestCorpora {

    private TestCorpora() {}

    static Path examples() {
        return Path.of(System.getProperty("demarche.repo", "..")).toAbsolutePath().normalize().resolve("examples/kosovo");
    }

    /** A private copy of the seeds and their manifest, free to change. */
    static Path copySeeds(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("seeds"));
        try (Stream<Path> s = Files.list(examples())) {
            for (Path p : s.toList()) {
                Files.copy(p, target.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    static Path ungdc() {
        Path p = Path.of(System.getProperty("demarche.shared", "../../shared")).resolve("corpora/ungdc");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("the UNGDC corpus is expected at " + p + " (../shared beside the repository)");
        }
        return p;
    }

    /** n statements spread evenly over the corpus (every session, not only the first). */
    static List<Path> ungdcSample(int n) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(ungdc())) {
            all = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        double step = (double) all.size() / n;
        return IntStream.range(0, n).mapToObj(i -> all.get((int) (i * step))).toList();
    }
}
