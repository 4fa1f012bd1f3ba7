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
import org.demarche.model.RecordId;
import org.demarche.server.ApiServer;
import org.demarche.questions.Codebooks;
import org.demarche.server.HostileLoad;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;

/**
 * {@code demarche bench serve}: concurrent clients on loopback send search requests (a
 * different query each time, and searches are never cached) and stance-matrix requests
 * (the first of each is computed, the rest come from the cache), and the latencies are printed.
 */
final class ServeBench {

    private static final String[] WORDS = {"peace", "security", "sovereignty", "independence", "Kosovo", "nuclear",
            "disarmament", "development", "human rights", "terrorism", "climate", "Africa", "Palestine", "Iraq",
            "sanctions", "refugees", "Security Council", "territorial integrity", "self-determination", "aggression",
            "cooperation", "poverty", "debt", "trade", "Europe", "Asia", "negotiations", "resolution", "reform", "women"};

    /**
     * The hostile bench: the quiet search latency, then the same searches while 50 slow clients hold
     * half-sent requests and a flood of distinct URLs arrives; fails (exit 1) when the searches' p95
     * is more than twice the quiet one, the heap in use passes heapBoundMb, or the server stops answering.
     */
    static int hostile(Path wsDir, int clients, int requests, int slowSockets, int flood, int serverThreads,
                       long heapBoundMb) throws Exception {
        try (Workspace ws = Workspace.open(wsDir); ApiServer server = new ApiServer(ws, "127.0.0.1", 0, serverThreads)) {
            server.start();
            System.out.printf("bench serve --hostile: %s, %d documents, %d clients x %d searches, %d slow sockets, "
                    + "%,d distinct URLs, max heap %d MB, bound %d MB%n", wsDir, ws.documentCount(), clients, requests,
                    slowSockets, flood, Runtime.getRuntime().maxMemory() >> 20, heapBoundMb);
            HostileLoad.Figures f = HostileLoad.run(server.port(), new HostileLoad.Plan(clients, requests, slowSockets,
                    flood, RecordId.document(ws.largestDocumentId()).toString(), 300));
            System.out.println(f.describe());
            boolean ok = f.answersAfter() && f.searchFailures() == 0 && f.heapPeakMb() <= heapBoundMb
                    && f.p(f.hostile(), 0.95) <= 2 * f.p(f.quiet(), 0.95);
            System.out.println(ok ? "PASS: p95 within twice the quiet figure, heap within the bound, still answering"
                    : "FAIL");
            return ok ? 0 : 1;
        }
    }

    static int run(Path wsDir, int clients, int requests, int warmup, Path codebookFile, int serverThreads) throws Exception {
        if (wsDir == null || !Workspace.exists(wsDir)) {
            System.err.println("demarche: bench serve needs --workspace with an ingested workspace");
            return 2;
        }
        try (Workspace ws = Workspace.open(wsDir); ApiServer server = new ApiServer(ws, "127.0.0.1", 0, serverThreads)) {
            server.start();
            Codebook codebook = codebookFile != null ? Codebook.read(codebookFile) : Codebooks.active(ws);
            String base = "http://127.0.0.1:" + server.port() + "/api/";
            System.out.printf("bench serve: %s, %d documents, %d clients x %d requests of each kind after %d unmeasured "
                    + "searches each, %d server threads%n", wsDir, ws.documentCount(), clients, requests, warmup,
                    serverThreads > 0 ? serverThreads : ApiServer.defaultThreads());
            // warm-up, not measured: the JIT compiles the request path, the index's pages are read; its queries
            // ask for a page (offset 9) the measured ones never ask for
            measure(clients, warmup, (c, i) -> search(base, c * 1000 + i, 9));
            // every measured search is a different question (word pair and page): none is answered twice
            List<Long> search = measure(clients, requests, (c, i) -> search(base, c * requests + i, -1));
            List<Long> matrix = measure(clients, requests, (c, i) -> base + "stances?issue="
                    + enc(codebook.issues().get((c + i) % codebook.issues().size()).id()) + "&years=" + (1 + (i % 3)));
            print("search (distinct queries, uncached)", search);
            print("stance matrix (first of each computed, then cached)", matrix);
            return 0;
        }
    }

    /** The n-th search: a pair of distinct words and a page (offset 0-4, or the given one), different for each n below 4,350. */
    private static String search(String base, int n, int offset) {
        int pairs = WORDS.length * (WORDS.length - 1);
        int first = n % WORDS.length;
        int second = (first + 1 + (n / WORDS.length) % (WORDS.length - 1)) % WORDS.length;
        int page = offset >= 0 ? offset : (n / pairs) % 5;
        return base + "search?q=" + enc(WORDS[first] + " " + WORDS[second]) + "&offset=" + page;
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
