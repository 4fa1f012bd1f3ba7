package org.demarche.cli;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.demarche.server.ApiServer;
import org.demarche.server.Codebooks;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;

/**
 * {@code demarche bench serve}: concurrent clients on loopback send search requests (a
 * different query each time: nothing is answered from the cache) and stance-matrix requests
 * (the first of each is computed, the rest come from the cache), and the latencies are printed.
 */
final class ServeBench {

    private static final String[] WORDS = {"peace", "security", "sovereignty", "independence", "Kosovo", "nuclear",
            "disarmament", "development", "human rights", "terrorism", "climate", "Africa", "Palestine", "Iraq",
            "sanctions", "refugees", "Security Council", "territorial integrity", "self-determination", "aggression",
            "cooperation", "poverty", "debt", "trade", "Europe", "Asia", "negotiations", "resolution", "reform", "women"};

    static int run(Path wsDir, int clients, int requests, Path codebookFile, int serverThreads) throws Exception {
        if (wsDir == null || !Workspace.exists(wsDir)) {
            System.err.println("demarche: bench serve needs --workspace with an ingested workspace");
            return 2;
        }
        try (Workspace ws = Workspace.open(wsDir); ApiServer server = new ApiServer(ws, "127.0.0.1", 0, serverThreads > 0 ? serverThreads : clients)) {
            server.start();
            Codebook codebook = codebookFile != null ? Codebook.read(codebookFile) : Codebooks.active(ws);
            String base = "http://127.0.0.1:" + server.port() + "/api/";
            System.out.printf("bench serve: %s, %d documents, %d clients x %d requests of each kind%n", wsDir,
                    ws.documentCount(), clients, requests);
            // warm-up, not measured: the JIT compiles the request path, the index's pages are read
            measure(clients, Math.max(20, requests / 2), (c, i) -> base + "search?q="
                    + enc(WORDS[(c * 11 + i) % WORDS.length] + " " + WORDS[(c * 5 + i * 7 + 3) % WORDS.length]) + "&offset=9");
            List<Long> search = measure(clients, requests, (c, i) -> base + "search?q="
                    + enc(WORDS[(c * 7 + i) % WORDS.length] + " " + WORDS[(c * 13 + i * 3 + 5) % WORDS.length]) + "&offset=" + (i % 5));
            List<Long> matrix = measure(clients, requests, (c, i) -> base + "stances?issue="
                    + enc(codebook.issues().get((c + i) % codebook.issues().size()).id()) + "&years=" + (1 + (i % 3)));
            print("search (distinct queries, uncached)", search);
            print("stance matrix (first of each computed, then cached)", matrix);
            return 0;
        }
    }

    interface Url {
        String of(int client, int i);
    }

    /** Each client a plain blocking connection with keep-alive, as curl would use. */
    private static List<Long> measure(int clients, int requests, Url url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    long t0 = System.nanoTime();
                    int status = get(url.of(client, i));
                    times.add(System.nanoTime() - t0);
                    if (status != 200) {
                        throw new IllegalStateException("HTTP " + status + " for " + url.of(client, i));
                    }
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(all);
        return all;
    }

    private static int get(String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes(); // read to the end: the connection goes back to the keep-alive cache
            }
        }
        return status;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void print(String what, List<Long> sorted) {
        System.out.printf("  %s: %d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private ServeBench() {}
}
