package org.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: an 8 MB tmpfs (so this needs root; skipped otherwise). The ingest says so in
 * the user's words with what is safe, and export and questions still read the workspace.
 */
class FullDiskTest {

    private static final Path UNGDC = Path.of(System.getProperty("demarche.shared", "../../shared")).toAbsolutePath()
            .normalize().resolve("corpora/ungdc");

    private static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static Process child(Path log, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void aFullDiskIsSaidInTheUsersWordsAndReadingGoesOn(@TempDir Path tmp) throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        Assumptions.assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.toString()) == 0,
                "needs to mount a small tmpfs (root)");
        try {
            Path ws = disk.resolve("ws");
            List<String> ingest = new ArrayList<>(List.of("ingest", "--workspace", ws.toString(), "--no-extract"));
            try (Stream<Path> s = Files.walk(UNGDC)) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(1500).forEach(p -> ingest.add(p.toString()));
            }
            Process p = child(tmp.resolve("ingest.log"), ingest);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS));
            String log = Files.readString(tmp.resolve("ingest.log"));
            assertEquals(1, p.exitValue(), log);
            Matcher m = Pattern.compile("no space left on " + Pattern.quote(disk.toString())
                    + ".* while (committing|storing .*) in workspace .*; the ([\\d,]+) documents committed before are safe")
                    .matcher(log); // MVStore may find the disk full at a commit or while it writes a document's pages
            assertTrue(m.find(), log);
            int safe = Integer.parseInt(m.group(2).replace(",", ""));
            assertEquals(1, log.lines().filter(l -> l.contains("no space left")).count(), "one line: " + log);

            Path out = tmp.resolve("kb.jsonl"); // on a disk with space
            Process export = child(tmp.resolve("export.log"), List.of("export", "--workspace", ws.toString(), "--out",
                    out.toString()));
            assertTrue(export.waitFor(120, TimeUnit.SECONDS));
            String exportLog = Files.readString(tmp.resolve("export.log"));
            assertEquals(0, export.exitValue(), exportLog);
            assertTrue(exportLog.contains("read-only"), exportLog);
            assertEquals(safe, Files.readAllLines(out).size(), "every committed document, nothing lost: " + exportLog);
            Process question = child(tmp.resolve("q.log"), List.of("statements", "--workspace", ws.toString()));
            assertTrue(question.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, question.exitValue(), Files.readString(tmp.resolve("q.log")));
            System.out.printf("FullDiskTest: the ingest stopped with one line at %d documents; export read all %d, "
                    + "read-only%n", safe, safe);
        } finally {
            sh("umount", disk.toString());
        }
    }
}
