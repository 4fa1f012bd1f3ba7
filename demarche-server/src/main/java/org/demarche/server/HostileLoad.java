package org.demarche.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test of a server on this machine's loopback (127.0.0.1 only): normal clients search
 * while slow clients hold half-sent requests open and a flood asks for many distinct URLs (a large
 * document under made-up parameters, distinct actor names, pages that do not exist). Every loop is
 * bounded in count and in time. Used by {@code demarche bench serve --hostile} and by the tests;
 * hand-written, as it is a few loops over sockets and HttpURLConnection.
 */
public final class HostileLoad {

    private static final String[] WORDS = {"peace", "security", "sovereignty", "independence", "Kosovo", "nuclear",
            "disarmament", "development", "human rights", "terrorism", "climate", "Africa", "Palestine", "Iraq",
            "sanctions", "refugees", "Security Council", "territorial integrity", "self-determination", "aggression"};

    /** What to send, and how long any phase may take at most. */
    public record Plan(int clients, int searchesPerClient, int slowSockets, int floodRequests, String bigDocument,
                       long maxSecondsPerPhase) {}

    /** Latencies in ms (sorted), the flood's answers, the slow sockets, and the heap (MB, in this JVM). */
    public record Figures(List<Double> quiet, List<Double> hostile, int floodSent, int floodAnswered, int floodFailed,
                          int slowOpened, int slowClosedByServer, long heapPeakMb, long heapAfterGcMb,
                          boolean answersAfter, int searchFailures) {

        public double p(List<Double> sorted, double q) {
            return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }

        public String describe() {
            return String.format("quiet search: %d requests, p50 %.1f ms, p95 %.1f ms%n"
                            + "under attack: %d requests, p50 %.1f ms, p95 %.1f ms (%.2f x quiet), %d failed%n"
                            + "flood: %,d distinct URLs sent, %,d answered (any status), %d failed%n"
                            + "slow clients: %d half-open sockets opened, %d closed by the server%n"
                            + "heap: peak %d MB during the attack, %d MB after a collection; server answering after: %s",
                    quiet.size(), p(quiet, 0.5), p(quiet, 0.95), hostile.size(), p(hostile, 0.5), p(hostile, 0.95),
                    p(hostile, 0.95) / p(quiet, 0.95), searchFailures, floodSent, floodAnswered, floodFailed, slowOpened,
                    slowClosedByServer, heapPeakMb, heapAfterGcMb, answersAfter ? "yes" : "NO");
        }
    }

    public static Figures run(int port, Plan plan) throws Exception {
        String base = "http://127.0.0.1:" + port;
        // warm-up, not measured
        searches(base, plan.clients(), Math.max(10, plan.searchesPerClient() / 2), 7, plan.maxSecondsPerPhase(),
                new AtomicInteger(), () -> false);
        AtomicInteger failures = new AtomicInteger();
        List<Double> quiet = searches(base, plan.clients(), plan.searchesPerClient(), 0, plan.maxSecondsPerPhase(), failures,
                () -> false);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(plan.maxSecondsPerPhase());
        AtomicLong peak = new AtomicLong();
        Thread heapWatch = new Thread(() -> {
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        heapWatch.setDaemon(true);
        heapWatch.start();
        SlowClients slow = new SlowClients(port, plan.slowSockets(), deadline);
        slow.start();
        Thread.sleep(500); // the slow clients are in place first
        AtomicInteger floodSent = new AtomicInteger();
        AtomicInteger floodAnswered = new AtomicInteger();
        AtomicInteger floodFailed = new AtomicInteger();
        ExecutorService flood = Executors.newFixedThreadPool(2);
        AtomicInteger floodDone = new AtomicInteger();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            flood.submit(() -> {
                for (int i = thread; i < plan.floodRequests() && System.nanoTime() < deadline; i += 2) {
                    String path = switch (i % 4) {
                        case 0, 1 -> "/api/documents/" + plan.bigDocument() + "?x=" + i;
                        case 2 -> "/api/actors?name=" + "zz" + i;
                        default -> "/api/nope" + i + "?q=" + i;
                    };
                    floodSent.incrementAndGet();
                    try {
                        get(base + path);
                        floodAnswered.incrementAndGet();
                    } catch (IOException e) {
                        floodFailed.incrementAndGet();
                    }
                }
                floodDone.incrementAndGet();
            });
        }
        // the clients search for as long as the flood lasts, and at least as many times as in the quiet
        List<Double> hostile = searches(base, plan.clients(), plan.searchesPerClient(), 0, plan.maxSecondsPerPhase(), failures,
                () -> floodDone.get() < 2);
        flood.shutdown();
        flood.awaitTermination(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L), TimeUnit.SECONDS);
        flood.shutdownNow();
        slow.stop();
        heapWatch.interrupt();
        heapWatch.join(1_000);
        System.gc();
        long after = heapUsed();
        boolean answers;
        try {
            answers = get(base + "/api/search?q=peace") == 200 && get(base + "/api/issues") == 200;
        } catch (IOException e) {
            answers = false;
        }
        return new Figures(quiet, hostile, floodSent.get(), floodAnswered.get(), floodFailed.get(), slow.opened.get(),
                slow.closedByServer.get(), Math.max(peak.get(), after) >> 20, after >> 20, answers, failures.get());
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    /** Each client a blocking keep-alive connection (as curl would use); every search a different question. */
    private static List<Double> searches(String base, int clients, int perClient, int page, long maxSeconds,
                                         AtomicInteger failures, java.util.function.BooleanSupplier more) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Double> times = new ArrayList<>();
                for (int i = 0; (i < perClient || more.getAsBoolean()) && i < 100 * perClient
                        && System.nanoTime() < deadline; i++) {
                    int n = client * 100 * perClient + i;
                    String q = WORDS[n % WORDS.length] + " " + WORDS[(n / WORDS.length + 1 + n) % WORDS.length];
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = get(base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&offset="
                                + (page + n / 400 % 5));
                    } catch (IOException e) {
                        status = -1;
                    }
                    times.add((System.nanoTime() - t0) / 1e6);
                    if (status != 200) {
                        failures.incrementAndGet();
                    }
                }
                return times;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdownNow();
        Collections.sort(all);
        return all;
    }

    private static int get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(30_000);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes(); // to the end: the connection goes back to the keep-alive cache
            }
        }
        return status;
    }

    /** Sockets that send half a request and then a byte a second; one the server closes is opened again. */
    private static final class SlowClients {
        final int port;
        final int count;
        final long deadline;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closedByServer = new AtomicInteger();
        private final Thread thread;
        private volatile boolean stop;

        SlowClients(int port, int count, long deadline) {
            this.port = port;
            this.count = count;
            this.deadline = deadline;
            this.thread = new Thread(this::loop, "slow-clients");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.join(5_000);
        }

        private Socket open() throws IOException {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.getOutputStream().write("GET /api/issues HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            opened.incrementAndGet();
            return s;
        }

        private void loop() {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    sockets.add(open());
                }
                for (int round = 0; !stop && System.nanoTime() < deadline && round < 3_600; round++) {
                    Thread.sleep(1_000);
                    for (int i = 0; i < sockets.size(); i++) {
                        Socket s = sockets.get(i);
                        if (!alive(s)) {
                            closedByServer.incrementAndGet();
                            s.close();
                            sockets.set(i, open());
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the attack ends
            } finally {
                for (Socket s : sockets) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                }
            }
        }

        /** Sends one more header byte; a socket the server closed reads end of stream or fails. */
        private static boolean alive(Socket s) {
            try {
                OutputStream out = s.getOutputStream();
                out.write('X');
                out.flush();
                s.setSoTimeout(1);
                try {
                    s.getInputStream().read(); // an answer (e.g. 408) or the end: the server is done with it
                    return false;
                } catch (java.net.SocketTimeoutException quiet) {
                    return true; // nothing to read: still open
                }
            } catch (IOException e) {
                return false;
            }
        }
    }

    private HostileLoad() {}
}
