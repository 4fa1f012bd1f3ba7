package org.demarche.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.demarche.model.Json;
import org.demarche.model.RecordId;
import org.demarche.questions.Checks;
import org.demarche.questions.Codebooks;
import org.demarche.questions.IssueQuestion;
import org.demarche.questions.Questions;
import org.demarche.search.SearchIndex;
import org.demarche.stance.Codebook;
import org.demarche.questions.NetworkQuestion;
import org.demarche.store.Overview;
import org.demarche.store.Workspace;

/**
 * The HTTP JSON API (described in {@code openapi.json}) and the web page, over one workspace.
 * The JDK's HTTP server is enough for one person's analysis on loopback, and it is where it
 * binds by default. Every response carries a strict Content-Security-Policy; the page builds
 * its DOM from text, so ingested words never run as code. Requests name records by id
 * ("d12", "a3"), never by path: nothing in a request reaches the file system, and static files
 * come from a fixed list inside the jar. A bad request gets a 4xx with a one-line reason.
 */
public final class ApiServer implements AutoCloseable {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The page's files: request path -> resource in the jar and content type. Nothing else is served. */
    private static final Map<String, String[]> STATIC = Map.of(
            "/", new String[] {"web/index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {"web/app.js", "text/javascript; charset=utf-8"},
            "/app.css", new String[] {"web/app.css", "text/css; charset=utf-8"},
            "/workbench.js", new String[] {"web/workbench.js", "text/javascript; charset=utf-8"},
            "/correct.js", new String[] {"web/correct.js", "text/javascript; charset=utf-8"},
            "/cytoscape.js", new String[] {"/META-INF/resources/webjars/cytoscape/3.33.1/dist/cytoscape.min.js", "text/javascript; charset=utf-8"},
            "/uplot.js", new String[] {"/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", "text/javascript; charset=utf-8"},
            "/uplot.css", new String[] {"/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css", "text/css; charset=utf-8"},
            "/api/openapi.json", new String[] {"openapi.json", "application/json; charset=utf-8"});

    private static final Pattern ID = Pattern.compile("[adst]\\d{1,18}");
    private static final Pattern ISSUE = Pattern.compile("[a-z0-9-]{1,255}");
    private static final ObjectMapper JSON = Json.MAPPER;

    /** The parameters each route reads: answers are cached under these alone, so made-up ones cannot fill the cache. */
    private static final List<String> NETWORK_PARAMS = List.of("issue", "all", "type", "normalize", "level", "window",
            "from", "to", "min_confidence");
    private static final Map<String, List<String>> PARAMS = Map.ofEntries(
            Map.entry("search", searchParams()),
            Map.entry("issues", List.of()),
            Map.entry("stances", List.of("issue", "years", "kind", "limit", "min_confidence")),
            Map.entry("shifts", List.of("issue", "years", "min_confidence")),
            Map.entry("actors", List.of("kind", "name", "limit")),
            Map.entry("statements", List.of("actor", "issue", "from", "to", "limit", "ids")),
            Map.entry("timeline", List.of("actor", "issue")),
            Map.entry("documents", List.of("publisher", "from", "to", "limit", "offset")),
            Map.entry("overview", List.of()),
            Map.entry("corrections", List.of()),
            Map.entry("network", NETWORK_PARAMS),
            Map.entry("network.graphml", NETWORK_PARAMS),
            Map.entry("network.gexf", NETWORK_PARAMS));
    /** What the answer cache may hold, in bytes: a 1 MB document asked for under many URLs stays one entry's worth. */
    static final long CACHE_BYTES = 32L << 20;
    /**
     * Threads that read requests and write answers. The JDK's server reads a request's headers on the
     * executor, so a client that sends them slowly holds a thread until the read timeout: these are many,
     * and the work itself is gated by {@link #sessions} (one per request thread).
     */
    static final int IO_THREADS = 128;
    /** Seconds a client has to send its request, to take its answer, and to stay idle between requests. */
    static final int REQUEST_SECONDS = 5;
    static final int RESPONSE_SECONDS = 30;
    static final int IDLE_SECONDS = 30;

    private static List<String> searchParams() {
        List<String> p = new ArrayList<>(List.of("q", "limit", "offset", "from", "to", "sort"));
        p.addAll(SearchIndex.FACETS);
        return List.copyOf(p);
    }

    /** A request the client got wrong: answered with this status and message. */
    static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The workspace served; each answer reads through one of {@link #sessions}. */
    private final Workspace home;
    private final SearchIndex index;
    private volatile Codebook codebook;
    private final HttpServer http;
    private final ThreadPoolExecutor pool;
    /**
     * The database sessions answers are computed in, one per request thread (see {@link #defaultThreads()}):
     * taking one is the permit to compute. Each answer reads one committed state (a snapshot), and the next
     * answer sees what an ingest in another process has committed since.
     */
    private final BlockingQueue<Workspace> sessions;
    /** Moves on when the workspace changed (a rebuilt index, new documents, a new codebook): cached answers of before are not used. */
    private final AtomicLong generation = new AtomicLong();
    private volatile String lastSeen = "";
    private Thread watch;
    /** The Host header values this server answers (DNS rebinding: a page elsewhere must not reach it by another name). */
    private final Set<String> hosts;
    /** Answers (other than searches), under their route and the parameters it reads, bounded in bytes. */
    private final Cache<String, byte[]> cache = Caffeine.newBuilder().maximumWeight(CACHE_BYTES)
            .weigher((String k, byte[] v) -> v.length + 2 * k.length() + 64).build();
    /**
     * Each issue's stances as read from the knowledge base: that reading is most of a matrix's first
     * answer (0.5 s for the largest issue of the whole UNGDC corpus), the matrix itself a few ms.
     */
    private final Map<String, IssueQuestion> issueQuestions = new ConcurrentHashMap<>();
    /** The provenance of the facts, with the generation it was read in. */
    private volatile Map.Entry<Long, Map<String, org.demarche.store.Corrections.Entry>> humanFacts;
    /** Takes corrections, when the server was started to; null otherwise. */
    private volatile CorrectionDesk desk;
    private Thread warm;
    private volatile boolean closing;

    static {
        // headers and body go out as they are written: without it, delayed ACKs add 40 ms to small answers
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // the JDK server's own timeouts (read when its first server is made): a connection that has not sent its
        // whole request in time, or does not take its answer, is closed; so is one idle between requests
        setIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
        setIfAbsent("sun.net.httpserver.idleInterval", IDLE_SECONDS);
    }

    private static void setIfAbsent(String property, int seconds) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(seconds));
        }
    }

    public ApiServer(Workspace ws, String host, int port, int threads) throws IOException {
        this(ws, host, port, threads, List.of());
    }

    /** @param allowedHosts names this server may be reached by besides its address (a proxy's, a machine's alias) */
    public ApiServer(Workspace ws, String host, int port, int threads, Collection<String> allowedHosts) throws IOException {
        this.home = ws;
        this.index = SearchIndex.open(ws);
        this.codebook = Codebooks.active(ws);
        InetSocketAddress address = new InetSocketAddress(host, port);
        this.http = HttpServer.create(address, 128);
        this.hosts = hostNames(host, address.getAddress(), allowedHosts);
        int n = threads > 0 ? threads : defaultThreads();
        this.sessions = new ArrayBlockingQueue<>(n, true);
        for (int i = 0; i < n; i++) {
            sessions.add(Workspace.openForReading(ws.dir()));
        }
        this.pool = new ThreadPoolExecutor(IO_THREADS, IO_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "demarche-http");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        http.setExecutor(pool);
        http.createContext("/", this::handle);
    }

    /**
     * The names a request's Host may give: the address bound and the name it was given by; on loopback,
     * localhost; on every interface (0.0.0.0), every address of this machine and its name; and the names
     * allowed. Compared without the port and case.
     */
    static Set<String> hostNames(String given, InetAddress bound, Collection<String> allowed) {
        Set<String> out = new HashSet<>();
        out.add(given.toLowerCase(Locale.ROOT));
        allowed.forEach(a -> out.add(a.toLowerCase(Locale.ROOT)));
        List<InetAddress> addresses = new ArrayList<>();
        if (bound.isLoopbackAddress()) {
            out.add("localhost");
            addresses.add(InetAddress.getLoopbackAddress());
        }
        if (bound.isAnyLocalAddress()) {
            try {
                for (NetworkInterface n : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    addresses.addAll(java.util.Collections.list(n.getInetAddresses()));
                }
                InetAddress me = InetAddress.getLocalHost();
                out.add(me.getHostName().toLowerCase(Locale.ROOT));
                out.add(me.getCanonicalHostName().toLowerCase(Locale.ROOT));
            } catch (IOException e) {
                // the names stay as given
            }
            out.add("localhost");
        }
        addresses.add(bound);
        for (InetAddress a : addresses) {
            String literal = a.getHostAddress();
            int zone = literal.indexOf('%');
            out.add((zone < 0 ? literal : literal.substring(0, zone)).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    /** The name in a Host header, without its port and IPv6 brackets, in lower case; null if there is none. */
    static String hostOf(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /**
     * One request thread per core (at least 2): a request never waits on I/O (the index is memory-mapped),
     * so more threads than cores only share the cores and stretch every answer in flight, the heavy ones
     * most; with 8 clients on 2 cores, 2 threads took search p95 from 43-54 ms to 34-37 ms (bench serve).
     * Requests beyond them wait their turn in order.
     */
    public static int defaultThreads() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    public void start() {
        http.start();
        // the issues' stances are read in the background as soon as the server is up: the first issue page
        // a person opens is then answered in milliseconds, not seconds
        warm = new Thread(() -> {
            for (Codebook.Issue i : codebook.issues()) {
                if (closing) {
                    return;
                }
                try {
                    inSession(s -> issueQuestion(s, i.id()));
                } catch (RuntimeException e) {
                    return; // the workspace is being closed: nothing to warm
                }
            }
        }, "demarche-warm");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
        // another process may ingest into the workspace while it is served: its committed documents and its
        // rebuilt index are picked up here, without a restart
        watch = new Thread(() -> {
            while (!closing) {
                try {
                    Thread.sleep(WATCH_MILLIS);
                    checkForChanges();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the workspace could not be read this time (its owner process is changing): next time
                }
            }
        }, "demarche-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** How often the server looks for changes another process made. */
    static final long WATCH_MILLIS = 1_000;

    /**
     * Who set which facts, read once for each state of the workspace, not for every answer that marks its facts
     * with it (searches are not cached).
     */
    private Map<String, org.demarche.store.Corrections.Entry> humanFacts(Workspace s) {
        long now = generation.get();
        Map.Entry<Long, Map<String, org.demarche.store.Corrections.Entry>> known = humanFacts;
        if (known == null || known.getKey() != now) {
            known = Map.entry(now, s.corrections().humanFacts());
            humanFacts = known;
        }
        return known.getValue();
    }

    /** Reopens the index if it was rebuilt, and forgets cached answers if the workspace changed. */
    void checkForChanges() {
        boolean reopened = index.refresh();
        String seen = inSession(s -> s.documentCount() + ":" + s.setting("codebook").map(String::hashCode).orElse(0)
                + ":" + s.corrections().count());
        if (reopened || !seen.equals(lastSeen)) {
            if (!lastSeen.isEmpty() || reopened) {
                codebook = inSession(Codebooks::active);
                generation.incrementAndGet();
                issueQuestions.clear();
            }
            lastSeen = seen;
        }
    }

    /** Runs a read in one of the sessions (waiting for one to be free), in one committed state. */
    private <T> T inSession(java.util.function.Function<Workspace, T> read) {
        Workspace s;
        try {
            s = sessions.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        try {
            try {
                return read.apply(s);
            } catch (RuntimeException e) {
                if (!Workspace.lostConnection(e) && !s.isClosed()) {
                    throw e;
                }
                // the process that held the database for the others (an ingest that has finished) is gone:
                // a new session reaches it where it is now, or holds it here
                s = reopen(s);
                return read.apply(s);
            }
        } finally {
            try {
                s.endRead();
            } catch (RuntimeException e) {
                // the snapshot ends with the session anyway
            }
            sessions.add(s);
        }
    }

    private Workspace reopen(Workspace broken) {
        try {
            broken.close();
        } catch (RuntimeException e) {
            // it is gone already
        }
        return Workspace.openForReading(home.dir());
    }

    private IssueQuestion issueQuestion(Workspace ws, String id) {
        return issueQuestions.computeIfAbsent(generation.get() + ":" + id, k -> IssueQuestion.load(ws, id, 0));
    }

    /** Bytes the answer cache holds now (at most {@link #CACHE_BYTES}). */
    long cacheBytes() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() throws IOException {
        if (closing) {
            return; // closed already
        }
        closing = true;
        http.stop(0);
        if (warm != null) {
            try {
                warm.join(5_000); // the workspace is closed after the server: not under a read in progress
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (watch != null) {
            watch.interrupt();
        }
        pool.shutdownNow();
        index.close();
        for (Workspace s : sessions) {
            s.close();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            boolean write = ex.getRequestMethod().equals("POST") && path.equals("/api/corrections");
            if (!write && !ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                throw new BadRequest(405, "only GET is served, and POST to /api/corrections");
            }
            String host = hostOf(ex.getRequestHeaders().getFirst("Host"));
            if (host == null || !hosts.contains(host)) {
                throw new BadRequest(421, "this server does not answer to the name " + (host == null ? "(no Host header)"
                        : "'" + host + "'") + "; start it with --allow-host NAME to allow one");
            }
            if (write) {
                correct(ex);
                return;
            }
            if (path.equals("/api/session")) {
                // not cached: each answer is the asking session's own
                send(ex, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(desk == null
                        ? Map.of("writable", false) : desk.sessionJson(ex)));
                return;
            }
            String[] file = STATIC.get(path);
            if (file != null) {
                serveResource(ex, file[0], file[1]);
                return;
            }
            if (!path.startsWith("/api/")) {
                throw new BadRequest(404, "no such page: the web page is at /");
            }
            String route = path.substring(5);
            List<String> reads = PARAMS.get(route.split("/", -1)[0]);
            if (reads == null) {
                throw new BadRequest(404, "no such API route: /api/" + route);
            }
            Map<String, String> q = new TreeMap<>(query(ex.getRequestURI().getRawQuery()));
            q.keySet().retainAll(reads);
            String key = generation.get() + ":" + path + "?" + q;
            byte[] body = cache.getIfPresent(key);
            if (body == null) {
                body = inSession(s -> {
                    try {
                        Object answer = answer(s, route, q);
                        if (answer instanceof Download d) {
                            return d.bytes();
                        }
                        return JSON.writeValueAsBytes(Provenance.mark(answer, humanFacts(s)));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
                // a search takes a few ms and its answers are many and large: kept, they only filled the heap
                // and lengthened the collector's pauses (search p95 on the whole UNGDC corpus)
                if (!route.equals("search")) {
                    cache.put(key, body);
                }
            }
            if (route.startsWith("network.")) {
                // a network file, for Gephi (GEXF) or Cytoscape (GraphML): saved, not shown
                ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + route + "\"");
                send(ex, 200, "application/xml; charset=utf-8", body);
            } else {
                send(ex, 200, "application/json; charset=utf-8", body);
            }
        } catch (BadRequest e) {
            sendError(ex, e.status, e.getMessage());
        } catch (Checks.Refused e) {
            sendError(ex, e.status, e.getMessage());
        } catch (IllegalArgumentException e) {
            sendError(ex, 400, e.getMessage());
        } catch (RuntimeException e) {
            // the operator's terminal gets the reason; the client only its kind (never a stack trace)
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            System.err.println("demarche: serve: " + ex.getRequestURI().getRawPath() + ": " + e.getClass().getSimpleName()
                    + ": " + why.replaceAll("\\p{Cntrl}", "?"));
            sendError(ex, 500, "the server could not answer: " + e.getClass().getSimpleName());
        } finally {
            ex.close(); // after the answer is sent, error or not
        }
    }

    /**
     * Takes corrections from the page (POST /api/corrections), by this coder: only when asked to, since the server
     * writes nothing otherwise.
     */
    public ApiServer takeCorrections(String coder) {
        this.desk = new CorrectionDesk(home.dir(), coder);
        return this;
    }

    /** A person's correction: checked, applied, and every cached answer of before forgotten. */
    private void correct(HttpExchange ex) throws IOException {
        if (desk == null) {
            throw new BadRequest(403, "this server takes no corrections: start it with --allow-corrections --coder NAME");
        }
        desk.check(ex);
        org.demarche.store.Corrections.Entry done;
        try {
            done = desk.correct(ex);
        } finally {
            index.refresh();
            generation.incrementAndGet();
            issueQuestions.clear();
        }
        send(ex, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(done));
    }

    private Object answer(Workspace ws, String route, Map<String, String> q) {
        String[] parts = route.split("/", -1);
        switch (parts[0]) {
            case "search" -> {
                Map<String, List<String>> filters = new LinkedHashMap<>();
                for (String dim : SearchIndex.FACETS) {
                    if (q.containsKey(dim)) {
                        filters.put(dim, searchFilter(ws, dim, List.of(q.get(dim).split("\\|"))));
                    }
                }
                Checks.dates("from", q.get("from"), "to", q.get("to"));
                String sort = Checks.oneOf("sort", q.get("sort"), List.of("relevance", "date"));
                return index.search(new SearchIndex.Request(q.get("q"), filters,
                        intParam(q, "limit", 10, 1, SearchIndex.MAX_LIMIT), intParam(q, "offset", 0, 0, SearchIndex.MAX_OFFSET),
                        date(q, "from"), date(q, "to"), "date".equals(sort)));
            }
            case "issues" -> {
                return codebook.issues().stream().map(i -> Map.of("id", i.id(), "label", i.label(),
                        "description", i.description() == null ? "" : i.description())).toList();
            }
            case "stances" -> {
                IssueQuestion iq = issue(ws, q);
                return iq.matrixJson(intParam(q, "years", 1, 1, Checks.MAX_YEARS), Checks.oneOf("kind", q.get("kind"),
                        Checks.ACTOR_KINDS), intParam(q, "limit", 60, 1, Checks.MAX_MATRIX_ROWS));
            }
            case "shifts" -> {
                IssueQuestion iq = issue(ws, q);
                return Map.of("issue", iq.issue, "label", iq.label, "shifts", iq.shiftsJson(ws, intParam(q, "years", 1, 1, Checks.MAX_YEARS)));
            }
            case "actors" -> {
                if (parts.length == 2 && !parts[1].isEmpty()) {
                    RecordId id = id(parts[1], RecordId.Type.ACTOR);
                    return Questions.actorPage(ws, id, Checks.MAX_ACTOR_STATEMENTS)
                            .orElseThrow(() -> new BadRequest(404, "no actor " + id));
                }
                return Questions.actors(ws, Checks.oneOf("kind", q.get("kind"), Checks.ACTOR_KINDS), q.get("name"),
                        intParam(q, "limit", 100, 1, Checks.MAX_ACTORS));
            }
            case "statements" -> {
                if (q.containsKey("ids")) {
                    List<Long> ids = new ArrayList<>();
                    for (String id : q.get("ids").split(",", -1)) {
                        if (ids.size() == Checks.MAX_STATEMENTS) {
                            throw new BadRequest(400, "ids: at most " + Checks.MAX_STATEMENTS + " statements");
                        }
                        ids.add(id(id.strip(), RecordId.Type.STATEMENT).number());
                    }
                    return Map.of("statements", ws.kb().statements(ids));
                }
                RecordId actor = q.containsKey("actor") ? actorId(ws, q.get("actor")) : null;
                Checks.dates("from", q.get("from"), "to", q.get("to"));
                return Map.of("statements", Questions.statements(ws, actor, issueParam(ws, q), date(q, "from"),
                        date(q, "to"), intParam(q, "limit", 100, 1, Checks.MAX_STATEMENTS)));
            }
            case "timeline" -> {
                RecordId actor = q.containsKey("actor") ? actorId(ws, q.get("actor")) : null;
                String issue = issueParam(ws, q);
                if (actor == null && issue == null) {
                    throw new BadRequest(400, "timeline needs actor or issue");
                }
                return Questions.timeline(ws, actor, issue);
            }
            case "documents" -> {
                if (parts.length == 1 || parts[1].isEmpty()) {
                    Checks.dates("from", q.get("from"), "to", q.get("to"));
                    var page = ws.overview().documents(q.get("publisher"), date(q, "from"), date(q, "to"),
                            intParam(q, "limit", 100, 1, Checks.MAX_DOCUMENTS), intParam(q, "offset", 0, 0, SearchIndex.MAX_OFFSET));
                    return Map.of("total", page.getKey(), "documents", page.getValue().stream().map(Overview::json).toList());
                }
                if (parts.length != 2) {
                    throw new BadRequest(400, "documents/{id}: a document id such as d12");
                }
                RecordId id = id(parts[1], RecordId.Type.DOCUMENT);
                return Questions.document(ws, id).orElseThrow(() -> new BadRequest(404, "no document " + id));
            }
            case "corrections" -> {
                // the log, read only: who corrected what, when, why, and what the last application made of it
                return Map.of("corrections", ws.corrections().list());
            }
            case "overview" -> {
                Map<String, String> labels = new LinkedHashMap<>();
                codebook.issues().forEach(i -> labels.put(i.id(), i.label()));
                return Overview.json(ws.overview().figures(10), labels);
            }
            case "network", "network.graphml", "network.gexf" -> {
                return network(ws, parts[0], q);
            }
            default -> throw new BadRequest(404, "no such API route: /api/" + route);
        }
    }

    /** A file answer (a network for Gephi or Cytoscape), sent as it is. */
    private record Download(byte[] bytes) {}

    private Object network(Workspace ws, String route, Map<String, String> q) {
        String issue = q.containsKey("issue") && !q.get("issue").isEmpty() ? issueParam(ws, q) : null;
        if (issue == null && !q.containsKey("all")) {
            throw new BadRequest(400, "network needs issue=ID or all=1");
        }
        org.demarche.network.NetworkOptions o;
        try {
            o = org.demarche.network.NetworkOptions.of("", q.get("type"), q.get("normalize"), q.get("level"), issue,
                    date(q, "from"), date(q, "to"), q.getOrDefault("window", "all"),
                    q.containsKey("min_confidence") ? doubleParam(q, "min_confidence") : 0.5);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
        var networks = org.demarche.network.DiscourseNetwork.build(NetworkQuestion.codings(ws, issue), o);
        if (route.equals("network")) {
            return org.demarche.network.NetworkWriter.json(networks);
        }
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            if (route.endsWith(".gexf")) {
                org.demarche.network.NetworkWriter.gexf(networks, out);
            } else {
                // one graph per GraphML file: the window on screen (the first, or the only one)
                org.demarche.network.NetworkWriter.graphml(networks.get(0), out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Download(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private IssueQuestion issue(Workspace ws, Map<String, String> q) {
        String id = issueParam(ws, q);
        if (id == null) {
            throw new BadRequest(400, "issue is required");
        }
        double minConfidence = doubleParam(q, "min_confidence");
        return minConfidence == 0 ? issueQuestion(ws, id) : IssueQuestion.load(ws, id, minConfidence);
    }

    private RecordId actorId(Workspace ws, String value) {
        return Checks.actor(ws, value).id();
    }

    /**
     * A search filter's values, checked as the command line checks them: actors by name, alias or id
     * (searched under their name), kinds, types, polarities, years, and issues of the codebook.
     */
    private List<String> searchFilter(Workspace ws, String dim, List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            switch (dim) {
                case "actor" -> out.add(Checks.actor(ws, v).name());
                case "issue" -> out.add(Checks.issue("issue", ws, v));
                case "stance" -> out.add(Checks.oneOf("stance", v, Checks.POLARITIES));
                case "kind" -> out.add(Checks.oneOf("kind", v, Checks.STATEMENT_KINDS));
                case "type" -> out.add(Checks.oneOf("type", v, Checks.TYPES));
                case "year" -> out.add(Checks.year("year", v));
                case "position" -> {
                    int colon = v.lastIndexOf(':');
                    if (colon < 0) {
                        throw new BadRequest(400, "position is issue:polarity, e.g. kosovo-independence:oppose");
                    }
                    Checks.issue("position", ws, v.substring(0, colon));
                    Checks.oneOf("position", v.substring(colon + 1), Checks.POLARITIES);
                    out.add(v);
                }
                default -> out.add(v);
            }
        }
        return out;
    }

    private static RecordId id(String value, RecordId.Type type) {
        if (!ID.matcher(value).matches() || !RecordId.is(type, value)) {
            throw new BadRequest(400, "not an id: expected " + type.letter() + " followed by digits");
        }
        return RecordId.parse(value);
    }

    private String issueParam(Workspace ws, Map<String, String> q) {
        String v = q.get("issue");
        if (v != null && !ISSUE.matcher(v).matches()) {
            throw new BadRequest(400, "an issue id is [a-z0-9-]+");
        }
        return Checks.issue("issue", ws, v);
    }

    private static String date(Map<String, String> q, String name) {
        return Checks.date(name, q.get(name));
    }

    private static int intParam(Map<String, String> q, String name, int dflt, int min, int max) {
        String v = q.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new BadRequest(400, name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(400, name + " must be a whole number");
        }
    }

    private static double doubleParam(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null) {
            return 0;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0 && d <= 1)) {
                throw new BadRequest(400, name + " must be between 0 and 1");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadRequest(400, name + " must be a number");
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        if (raw.length() > 8192) {
            throw new BadRequest(414, "the query string is too long");
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!v.isEmpty()) {
                    out.put(k, v);
                }
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "the query string is not valid URL encoding");
            }
        }
        return out;
    }

    private void serveResource(HttpExchange ex, String resource, String type) throws IOException {
        byte[] body = cache.getIfPresent("static:" + resource);
        if (body == null) {
            try (InputStream in = ApiServer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new BadRequest(404, "missing from the build: " + resource);
                }
                body = in.readAllBytes();
            }
            cache.put("static:" + resource, body);
        }
        send(ex, 200, type, body);
    }

    private static void sendError(HttpExchange ex, int status, String message) throws IOException {
        Map<String, Object> err = Map.of("error", message == null ? "bad request" : message, "status", status);
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(err));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
