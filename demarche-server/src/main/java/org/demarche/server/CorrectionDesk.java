package org.demarche.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.demarche.model.Json;
import org.demarche.pipeline.CorrectionStage;
import org.demarche.pipeline.Corrector;
import org.demarche.questions.Codebooks;
import org.demarche.server.ApiServer.BadRequest;
import org.demarche.store.Corrections;
import org.demarche.store.Workspace;

/**
 * The server's only write: a person's correction (POST /api/corrections), taken only when the server was
 * started to take them, by the coder named then. A write must come from the page this server serves: its
 * Origin is this server, and it carries the token of its session (a random cookie, HttpOnly and SameSite=Strict;
 * the token is an HMAC of it under a key made at start, so a page elsewhere can neither read nor forge it).
 */
final class CorrectionDesk {

    static final String COOKIE = "demarche_session";
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** A correction is a few names and ids; its words come from the document, never from the request. */
    private static final int MAX_BODY = 64 * 1024;

    private final Path dir;
    private final String coder;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    CorrectionDesk(Path dir, String coder) {
        this.dir = dir;
        this.coder = coder;
        byte[] k = new byte[32];
        random.nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    String coder() {
        return coder;
    }

    /** The request's session, or a new one set on the answer as a cookie. */
    String session(HttpExchange ex) {
        String s = cookie(ex);
        if (s == null) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            s = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + s + "; Path=/; HttpOnly; SameSite=Strict");
        }
        return s;
    }

    /** The token a write of this session must carry (header X-CSRF-Token). */
    String token(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses a write that does not come from this server's own page with its session's token. */
    void check(HttpExchange ex) {
        // the Host has been checked already: the Origin must be the same server
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origin == null || host == null || !origin.equalsIgnoreCase("http://" + host.strip())) {
            throw new BadRequest(403, "a correction must come from this server's page (Origin "
                    + (origin == null ? "missing" : "'" + origin + "'") + ")");
        }
        String session = cookie(ex);
        String given = ex.getRequestHeaders().getFirst("X-CSRF-Token");
        if (session == null || given == null || !MessageDigest.isEqual(token(session).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII))) {
            throw new BadRequest(403, "the correction's session token is missing or wrong: reload the page");
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new BadRequest(415, "a correction is sent as application/json");
        }
    }

    /** Reads, checks and applies the correction in the request's body; returns the entry as applied. */
    synchronized Corrections.Entry correct(HttpExchange ex) throws IOException {
        JsonNode body = read(ex);
        String action = text(body, "action");
        if (action == null) {
            throw new BadRequest(400, "a correction needs an action (" + String.join(", ", Corrector.actions()) + ", undo)");
        }
        List<String> args = new ArrayList<>();
        JsonNode a = body.get("args");
        if (a != null && !a.isArray()) {
            throw new BadRequest(400, "args must be a list of strings");
        }
        if (a != null) {
            for (JsonNode n : a) {
                if (!n.isTextual() && !n.isNumber()) {
                    throw new BadRequest(400, "args must be a list of strings");
                }
                args.add(n.asText());
            }
        }
        // checked before the workspace is opened for writing: a bad request changes nothing
        Corrector.Request request = action.equals("undo") ? null
                : new Corrector.Request(action, args, text(body, "date"), text(body, "kind"), text(body, "note"));
        try (Workspace ws = Workspace.open(dir)) {
            ws.lockForWriting(why -> { });
            try {
                if (action.equals("undo")) {
                    return undo(ws, args);
                }
                return Corrector.correct(ws, Codebooks.active(ws), 1, coder, request);
            } finally {
                ws.unlockForWriting();
            }
        }
    }

    private Corrections.Entry undo(Workspace ws, List<String> args) {
        if (args.size() != 1 || !args.get(0).matches("\\d{1,18}")) {
            throw new BadRequest(400, "undo takes the number of an entry");
        }
        long n = Long.parseLong(args.get(0));
        Corrections c = ws.corrections();
        if (c.list().stream().noneMatch(e -> e.id() == n && !e.action().equals("undo"))) {
            throw new BadRequest(404, "no correction " + n);
        }
        c.undo(n, coder);
        ws.commit();
        CorrectionStage.runAndIndex(ws, Codebooks.active(ws), 1);
        List<Corrections.Entry> all = c.list();
        return all.get(all.size() - 1);
    }

    private static JsonNode read(HttpExchange ex) throws IOException {
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new BadRequest(413, "a correction is at most " + MAX_BODY / 1024 + " KB");
        }
        try {
            JsonNode n = Json.MAPPER.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new BadRequest(400, "a correction is a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest(400, "a correction is a JSON object: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadRequest(400, field + " must be a string");
        }
        return n.asText().isBlank() ? null : n.asText();
    }

    private static String cookie(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) {
                    String v = p.substring(COOKIE.length() + 1);
                    return SESSION.matcher(v).matches() ? v : null;
                }
            }
        }
        return null;
    }

    /** What the page needs to know: can it write, as whom, with which token. */
    Map<String, Object> sessionJson(HttpExchange ex) {
        return Map.of("writable", true, "coder", coder, "token", token(session(ex)));
    }
}
