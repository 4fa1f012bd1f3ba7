package org.demarche.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.demarche.ingest.Corpora;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.pipeline.IngestListener;
import org.demarche.pipeline.IngestRunner;
import org.demarche.nlp.NlpExtractor;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;

/**
 * The example corpus plus one hostile text (markup and script in its words), extracted once
 * and served on a free loopback port for the API and browser tests of this module.
 */
final class ServedWorkspace {

    static final String HOSTILE = "The statement of the Hostile Ministry, 12 March 2021.\n\n"
            + "Minister Anna Example said: \"We reject <script>window.pwned=1</script> and "
            + "<img src=x onerror=\"window.pwned=2\"> in every form, and we will never accept it.\"\n";

    /** A speaker and a title made of markup, given by a manifest: the lists and the network must show them as text. */
    static final String HOSTILE_SPEAKER = "<b onmouseover=\"window.pwned=5\">Envoy</b> Mallory";
    static final String HOSTILE_TITLE = "<img src=x onerror=\"window.pwned=4\">Statement";
    static final String HOSTILE_SPEECH = "We firmly oppose the unilateral declaration of independence of Kosovo. "
            + "Such a declaration is a flagrant violation of international law and we will never recognise it.\n";

    private static Workspace ws;
    private static ApiServer server;

    /**
     * Starts the server once for every test class of the run. Its folder is its own, not a test class's
     * temporary folder: the first class to finish would delete that folder while the server still writes to it.
     */
    static synchronized ApiServer start(Path unused) throws Exception {
        if (server == null) {
            Path tmp = Files.createTempDirectory("demarche-served-");
            Path corpus = tmp.resolve("corpus");
            Files.createDirectories(corpus);
            for (Path p : Files.list(Corpora.examples()).toList()) {
                if (p.getFileName().toString().endsWith(".txt")) { // the texts only: the codebook is not a document
                    Files.copy(p, corpus.resolve(p.getFileName()));
                }
            }
            Files.writeString(corpus.resolve("hostile.txt"), HOSTILE);
            Files.writeString(corpus.resolve("hostile-speaker.txt"), HOSTILE_SPEECH);
            // the example manifest, its paths from one folder up, and a row whose facts are markup
            List<String> rows = new java.util.ArrayList<>(Files.readAllLines(Corpora.examples().resolve("manifest.csv")));
            for (int i = 1; i < rows.size(); i++) {
                rows.set(i, "corpus/" + rows.get(i));
            }
            rows.add("corpus/hostile-speaker.txt,,\"" + HOSTILE_TITLE.replace("\"", "\"\"") + "\",2009-05-01,Hostile Wire,,\""
                    + HOSTILE_SPEAKER.replace("\"", "\"\"") + "\",person,envoy,Serbia,en");
            Path manifest = tmp.resolve("manifest.csv");
            Files.write(manifest, rows);
            ws = Workspace.open(tmp.resolve("ws"));
            new IngestRunner(ws, new DocumentIngester(), IngestRunner.Options.defaults().withAllFiles(true),
                    new NlpExtractor(), 300_000).withStances(Codebook.read(Corpora.examples().resolve("codebook.yml")))
                    .run(List.of(corpus), Manifest.read(manifest), new IngestListener() {});
            server = new ApiServer(ws, "127.0.0.1", 0, 8);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                    ws.close();
                    try (var files = Files.walk(tmp)) {
                        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                } catch (Exception e) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private ServedWorkspace() {}
}
