package org.demarche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.demarche.server.ApiServer;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading while writing: the server (this JVM) serves a workspace while another process ingests 300 UN
 * General Debate speeches into it; four clients query all along, an export and a question run in other
 * processes meanwhile, and a second writer waits its turn. Every answer is well-formed, and the new
 * speeches are found once the ingest ends, without a restart.
 */
class ReadWhileWritingTest {

    private static final Path REPO = Path.of(System.getProperty("demarche.repo", "..")).toAbsolutePath().normalize();
    private static final Path UNGDC = Path.of(System.getProperty("demarche.shared", "../../shared")).toAbsolutePath()
            .normalize().resolve("corpora/ungdc");
    private static final int SPEECHES = 300;

    private static Process child(Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void questionsAndExportsAnswerWhileAnotherProcessIngests(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        assertEquals(0, Main.run("ingest", "--workspace", ws.toString(), "--no-extract",
                REPO.resolve("examples/kosovo").toString()));
        List<Path> speeches;
        try (Stream<Path> s = Files.walk(UNGDC)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            speeches = new ArrayList<>();
            for (int i = 0; i < SPEECHES; i++) {
                speeches.add(all.get(i * all.size() / SPEECHES));
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        try (Workspace served = Workspace.openForReading(ws); ApiServer server = new ApiServer(served, "127.0.0.1", 0, 2)) {
            server.start();
            String base = "http://127.0.0.1:" + server.port() + "/api/";
            int before = served.documentCount();
            List<String> ingestArgs = new ArrayList<>(List.of("ingest", "--workspace", ws.toString(), "--no-extract",
                    "--manifest", UNGDC.resolve("manifest.csv").toString()));
            speeches.forEach(p -> ingestArgs.add(p.toString()));
            Process ingest = child(tmp.resolve("ingest.log"), ingestArgs.toArray(String[]::new));
            AtomicBoolean writing = new AtomicBoolean(true);
            String[] paths = {"search?q=peace", "search?q=Kosovo&type=document", "actors", "issues", "documents/d1",
                    "statements?limit=5", "search?q=security+council"};
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<int[]>> answers = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            for (int c = 0; c < 4; c++) {
                int client = c;
                answers.add(clients.submit(() -> {
                    int ok = 0;
                    int bad = 0;
                    for (int i = 0; writing.get() && i < 20_000 && System.nanoTime() < deadline; i++) {
                        String path = paths[(client + i) % paths.length];
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                        try {
                            json.readTree(r.body());
                            if (r.statusCode() == 200) {
                                ok++;
                            } else {
                                bad++;
                                System.out.println("ReadWhileWritingTest: " + path + " -> " + r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            bad++;
                            System.out.println("ReadWhileWritingTest: not JSON for " + path + ": " + r.body());
                        }
                    }
                    return new int[] {ok, bad};
                }));
            }
            // meanwhile, in other processes: an export, a question, and a second writer that waits its turn (started
            // once the first has begun writing, which it says with its file count)
            for (int i = 0; i < 600 && !Files.readString(tmp.resolve("ingest.log")).contains("ingest: " + SPEECHES + " files");
                 i++) {
                Thread.sleep(100);
            }
            Process export = child(tmp.resolve("export.log"), "export", "--workspace", ws.toString(), "--out",
                    tmp.resolve("kb.jsonl").toString());
            Process question = child(tmp.resolve("actors.log"), "actors", "--workspace", ws.toString());
            Process second = child(tmp.resolve("second.log"), "ingest", "--workspace", ws.toString(), "--no-extract",
                    REPO.resolve("examples/kosovo").toString());
            assertTrue(export.waitFor(120, TimeUnit.SECONDS) && export.exitValue() == 0,
                    "export while ingesting: " + Files.readString(tmp.resolve("export.log")));
            assertTrue(question.waitFor(120, TimeUnit.SECONDS) && question.exitValue() == 0,
                    Files.readString(tmp.resolve("actors.log")));
            for (String line : Files.readAllLines(tmp.resolve("kb.jsonl"))) {
                json.readTree(line); // every record whole
            }
            assertTrue(ingest.waitFor(240, TimeUnit.SECONDS), "the ingest ends");
            assertEquals(0, ingest.exitValue(), Files.readString(tmp.resolve("ingest.log")));
            assertTrue(second.waitFor(120, TimeUnit.SECONDS) && second.exitValue() == 0, Files.readString(tmp.resolve("second.log")));
            String secondLog = Files.readString(tmp.resolve("second.log"));
            writing.set(false);
            int ok = 0;
            int bad = 0;
            for (Future<int[]> f : answers) {
                ok += f.get()[0];
                bad += f.get()[1];
            }
            clients.shutdown();
            // the new speeches are found, without a restart
            int documents = 0;
            for (int i = 0; i < 100 && documents < before + SPEECHES; i++) {
                Thread.sleep(200);
                JsonNode r = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "search?type=document&limit=1"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                documents = r.get("total").asInt();
            }
            System.out.printf("ReadWhileWritingTest: %d speeches ingested by another process while 4 clients asked %d "
                    + "questions (%d not answered 200); an export of %d records and a question ran meanwhile; the second "
                    + "writer %s; %d documents searchable after, no restart%n", SPEECHES, ok + bad, bad,
                    Files.readAllLines(tmp.resolve("kb.jsonl")).size(),
                    secondLog.contains("waiting") ? "waited with a line" : "ran after", documents);
            assertTrue(secondLog.contains("waiting"), "the second writer waits, and says so: " + secondLog);
            assertEquals(0, bad);
            assertTrue(ok > 20, "the clients were answered all along: " + ok);
            assertEquals(before + SPEECHES, documents);
        }
    }
}
