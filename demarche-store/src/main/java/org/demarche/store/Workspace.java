package org.demarche.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.OffsetMap;
import org.demarche.model.StoredDocument;

/**
 * A workspace: one folder holding the knowledge base in an embedded H2 database
 * (see docs/DESIGN.md for why H2). Not thread-safe: the pipeline gives it to one writer thread.
 *
 * <p>Durability: every {@link #commit()} reaches the operating system before it returns
 * (WRITE_DELAY=0), and H2's MVStore only ever appends, so a process killed at any moment
 * leaves a database that opens and holds every transaction committed before the kill.
 */
public final class Workspace implements AutoCloseable {

    public static final int SCHEMA_VERSION = 5;
    /** The setting that says an ingest has stored documents whose actors are not merged yet (see KnowledgeBaseWriter). */
    public static final String MERGE_PENDING = "actor_merge_pending";
    private static final String DB_NAME = "knowledge";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // H2's automatic mixed mode (below) serves the database to other processes over TCP: on loopback only
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** Writers wait this long for the writer's lock between the lines that say they are waiting. */
    private static final int WRITER_WAIT_MS = 2_000;

    private final Path dir;
    private final Connection db;
    /** The session holding the writer's row lock (see {@link #lockForWriting}), or null. */
    private Connection writerLock;
    private boolean readOnly;
    /** For the message a full disk gives: the documents stored before this process wrote, and since, committed or not. */
    private long storedAtFirstInsert = -1;
    private long insertedCommitted;
    private long insertedUncommitted;
    private final KnowledgeBase kb;
    private final StanceTables stances;
    /** Every query of the store runs through this, its failures through {@link #failure}. */
    private final Sql sql;

    private Workspace(Path dir, Connection db) {
        this.dir = dir;
        this.db = db;
        this.sql = new Sql(db, this::failure);
        this.kb = new KnowledgeBase(this);
        this.stances = new StanceTables(this);
    }

    /** A person's corrections: the log, and its application over the knowledge base. */
    public Corrections corrections() {
        return new Corrections(this);
    }

    /** The counts and lists of the page's home and document list. */
    public Overview overview() {
        return new Overview(this);
    }

    /** What extraction added: actors, statements, roles, events. */
    public KnowledgeBase kb() {
        return kb;
    }

    /**
     * A hash of what the workspace holds: every document with the versions of what was derived
     * from it. Anything built from the workspace (the search index) is stale when it changes.
     */
    public String contentSignature() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sql.each("read the documents", "SELECT id, fingerprint, stance_fingerprint FROM document ORDER BY id",
                rs -> md.update((rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getString(3) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }

    /** How the store's tables run their queries. */
    Sql sql() {
        return sql;
    }

    /** What the stance stage added: issues per statement, stances per actor and document. */
    public StanceTables stances() {
        return stances;
    }

    /**
     * Opens the workspace in {@code dir} for reading: every read until {@link #endRead()} (or close) sees
     * one committed state (snapshot isolation), whatever another process writes meanwhile.
     */
    public static Workspace openForReading(Path dir) {
        Workspace ws = open(dir, true);
        try {
            ws.sql.update("read in a snapshot", "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        return ws;
    }

    /** Ends the current read: the next one sees what has been committed since. */
    public void endRead() {
        rollback();
    }

    /**
     * Takes the workspace's one writer's place: a row lock in the database itself (held by a session of
     * its own until close), so a second writer waits, saying so through {@code waiting} every so often, and
     * a writer killed at any moment releases it with its session. Readers never wait on it.
     */
    public void lockForWriting(java.util.function.Consumer<String> waiting) {
        if (readOnly) {
            throw new WorkspaceException("workspace " + dir + " is open read-only (no space left on " + fileStore(dir)
                    + "): it cannot be written to", null);
        }
        boolean told = false;
        while (!tryLockForWriting(WRITER_WAIT_MS)) {
            if (!told) {
                waiting.accept("the workspace " + dir + " is being written by another demarche process (an ingest or "
                        + "an import); waiting for it to finish...");
                told = true;
            }
        }
    }

    /** Takes the writer's place if it is free within waitMillis; false if another process holds it. */
    public boolean tryLockForWriting(int waitMillis) {
        if (writerLock != null) {
            return true;
        }
        if (readOnly) {
            return false;
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection(url(dir), "demarche", "");
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCK_TIMEOUT " + Math.max(1, waitMillis));
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM setting WHERE name = 'writer'")) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        try {
                            st.execute("INSERT INTO setting (name, content) VALUES ('writer', NULL)");
                        } catch (SQLException taken) {
                            // another process made the row first: it is there to lock
                        }
                    }
                }
                c.setAutoCommit(false);
                st.executeQuery("SELECT content FROM setting WHERE name = 'writer' FOR UPDATE").close();
            }
            writerLock = c;
            return true;
        } catch (SQLException e) {
            closeQuietly(c);
            if (e.getErrorCode() == 50200 || e.getErrorCode() == 40001) { // LOCK_TIMEOUT_1, DEADLOCK_1
                return false;
            }
            throw failure("take the writer's lock", e);
        }
    }

    /** Gives the writer's place up (it is also given up on close). */
    public void unlockForWriting() {
        closeQuietly(writerLock);
        writerLock = null;
    }

    /** True when this process holds the database itself (the others reach it through this one). */
    public boolean isOwner() {
        try {
            return db.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * True when a failure means the session was lost, not that the question was wrong: the process that
     * held the database for the others ended (its sessions are then opened again).
     */
    public static boolean lostConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 90067 || sql.getErrorCode() == 90121
                    || sql.getErrorCode() == 90098 || sql.getErrorCode() == 90028)) {
                return true; // CONNECTION_BROKEN_1, DATABASE_CALLED_AT_SHUTDOWN, DATABASE_IS_CLOSED, IO_EXCEPTION_1
            }
        }
        return false;
    }

    /** True when this workspace's session can no longer be used. */
    public boolean isClosed() {
        try {
            return db.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** True while this process holds the writer's place. */
    public boolean isWriter() {
        return writerLock != null;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.rollback();
                c.close();
            } catch (SQLException e) {
                // the session ends with the connection: its lock goes with it
            }
        }
    }

    /**
     * The database's address. WRITE_DELAY=0: a commit is written before commit() returns (crash safety, see
     * the class comment). AUTO_SERVER: the first process to open the database serves it to the others over
     * loopback (H2's automatic mixed mode), so an ingest, a server and any number of questions and exports
     * share it, each in its own session; when that process ends, another takes over.
     */
    private static String url(Path abs) {
        return "jdbc:h2:file:" + abs.resolve(DB_NAME) + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    /** Opens the workspace in {@code dir}, creating it (and the folder) on first use. */
    public static Workspace open(Path dir) {
        return open(dir, false);
    }

    private static Workspace open(Path dir, boolean reading) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new WorkspaceException("cannot create workspace folder " + abs + ": " + e.getMessage(), e);
        }
        String url = url(abs);
        try {
            Connection c = DriverManager.getConnection(url, "demarche", "");
            c.setAutoCommit(false);
            Workspace ws = new Workspace(abs, c);
            ws.migrate();
            return ws;
        } catch (SQLException e) {
            if (diskFull(abs, e)) {
                if (reading) {
                    return readOnly(abs, e);
                }
                throw new WorkspaceException("no space left on " + fileStore(abs) + ": cannot open workspace " + abs
                        + " to write to it (free some space; questions and export still read it)", e);
            }
            String why = e.getErrorCode() == 90020 // DATABASE_ALREADY_OPEN_1
                    ? "it is in use by another demarche process"
                    : e.getMessage().lines().findFirst().orElse("unknown error");
            throw new WorkspaceException("cannot open workspace " + abs + ": " + why, e);
        }
    }

    /**
     * On a full disk, H2 cannot write the lock file a normal open needs: the database is opened read-only,
     * as it was last committed (nothing can write to it while the disk is full). The empty lock file the failed
     * open left is removed first: H2 refuses a read-only open beside a lock file, and one it could not write
     * its properties into holds no lock.
     */
    private static Workspace readOnly(Path abs, SQLException cause) {
        try {
            Path lock = abs.resolve(DB_NAME + ".lock.db");
            if (Files.exists(lock) && Files.size(lock) == 0) {
                Files.delete(lock);
            }
            Connection c = DriverManager.getConnection("jdbc:h2:file:" + abs.resolve(DB_NAME) + ";ACCESS_MODE_DATA=r",
                    "demarche", "");
            c.setAutoCommit(false);
            Workspace ws = new Workspace(abs, c);
            ws.readOnly = true;
            System.err.println("demarche: no space left on " + fileStore(abs) + ": workspace " + abs
                    + " is read as last committed, read-only");
            return ws;
        } catch (IOException | SQLException e) {
            WorkspaceException w = new WorkspaceException("no space left on " + fileStore(abs) + ": cannot open workspace "
                    + abs + " even to read it: " + e.getMessage().lines().findFirst().orElse(""), e);
            w.addSuppressed(cause);
            throw w;
        }
    }

    /** True when this workspace was opened read-only (a full disk). */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** True when a failure came from a full disk: the device says so, or has (nearly) no space left. */
    static boolean diskFull(Path dir, Throwable e) {
        boolean writing = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("No space left on device")) {
                return true;
            }
            writing |= m != null && (m.contains("Writing to") || m.contains("Could not save") || m.contains("write"));
        }
        try {
            return writing && Files.getFileStore(dir).getUsableSpace() < 1L << 20; // H2 does not always pass the reason on
        } catch (IOException io) {
            return false;
        }
    }

    /** The device a folder is on, as the user knows it (its mount point). */
    static String fileStore(Path dir) {
        try {
            java.nio.file.FileStore fs = Files.getFileStore(dir);
            String name = fs.toString(); // "/mnt/data (/dev/sdb1)"
            return name.isBlank() ? dir.toString() : name;
        } catch (IOException e) {
            return dir.toString();
        }
    }

    /** True when {@code dir} holds a workspace database. */
    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(DB_NAME + ".mv.db"));
    }

    public Path dir() {
        return dir;
    }

    private void migrate() throws SQLException {
        boolean complete;
        try (ResultSet rs = db.getMetaData().getTables(null, null, "SETTING", null)) {
            complete = rs.next() && setting("schema_version").isPresent();
        }
        int version = complete ? Integer.parseInt(setting("schema_version").orElse("0")) : 0;
        if (version > SCHEMA_VERSION) {
            throw new SQLException("it was written by a newer demarche (schema " + version + ")");
        }
        if (version == SCHEMA_VERSION) {
            return;
        }
        // DDL commits as it goes in H2: every statement is IF NOT EXISTS, so a schema
        // interrupted half way is finished on the next open
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
            for (int v = Math.max(1, version + (complete ? 1 : 0)); v <= SCHEMA_VERSION; v++) {
                for (String sql : readSchema(v).split(";\\s*\\n")) {
                    if (!sql.replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
                        st.execute(sql);
                    }
                }
            }
        }
        db.setAutoCommit(false);
        setSetting("schema_version", Integer.toString(SCHEMA_VERSION));
        db.commit();
    }

    private static String readSchema(int version) {
        try (InputStream in = Workspace.class.getResourceAsStream("schema-v" + version + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("schema-v" + version + ".sql missing from the build", e);
        }
    }

    // ---- settings --------------------------------------------------------------------------

    public Optional<String> setting(String name) {
        return sql.first("read setting " + name, "SELECT content FROM setting WHERE name = ?", rs -> rs.getString(1), name);
    }

    /** Sets a workspace-wide setting; part of the current transaction. */
    public void setSetting(String name, String value) {
        sql.update("write setting " + name, "MERGE INTO setting (name, content) KEY (name) VALUES (?, ?)", name, value);
    }

    public void deleteSetting(String name) {
        sql.update("delete setting " + name, "DELETE FROM setting WHERE name = ?", name);
    }

    // ---- what was read before --------------------------------------------------------------

    /** Every path read so far, with what is needed to skip it when unchanged. */
    public Map<String, SourceState> sources() {
        Map<String, SourceState> out = new HashMap<>();
        sql.each("read sources", "SELECT s.path, s.document_id, d.hash, d.fingerprint, s.size_bytes, s.modified "
                + "FROM document_source s JOIN document d ON d.id = s.document_id",
                rs -> out.put(rs.getString(1), new SourceState(rs.getString(1), rs.getLong(2), rs.getString(3).trim(),
                        rs.getString(4).trim(), rs.getLong(5), rs.getLong(6))));
        return out;
    }

    /** Document ids by content hash, to recognise the same content under another path. */
    public Map<String, Long> documentIdsByHash() {
        Map<String, Long> out = new HashMap<>();
        sql.each("read document hashes", "SELECT hash, id FROM document", rs -> out.put(rs.getString(1).trim(), rs.getLong(2)));
        return out;
    }

    // ---- writing ---------------------------------------------------------------------------

    /** Stores a new document (its hash must not be stored yet) and returns its id. */
    public long insertDocument(Document d, String fingerprint) {
        if (storedAtFirstInsert < 0) {
            storedAtFirstInsert = documentCount();
        }
        insertedUncommitted++;
        DocumentMetadata m = d.metadata();
        String warnings;
        try {
            warnings = JSON.writeValueAsString(d.warnings());
        } catch (JsonProcessingException e) {
            throw failure("store document " + d.source(), e);
        }
        return sql.insert("store document " + d.source(), "INSERT INTO document (hash, file, source, size_bytes, "
                + "media_type, charset, url, title, published, publisher, author, speaker, speaker_kind, speaker_role, "
                + "speaker_for, language, original_text, clean_text, chars, boilerplate_chars, warnings, offset_map, "
                + "fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                d.hash(), d.file(), d.source(), d.sizeBytes(), d.mediaType(), d.charset(), m.url(), m.title(),
                m.published(), m.publisher(), m.author(), m.speaker(), m.speakerKind(), m.speakerRole(), m.speakerFor(),
                m.language(), d.originalText(), d.cleanText(), d.cleanText().length(), d.boilerplateChars(), warnings,
                d.offsets().encode(), fingerprint);
    }

    /** Records that {@code path} (with this size and modification time) holds document {@code documentId}. */
    public void linkSource(String path, long documentId, long size, long modified) {
        sql.update("link source " + path, "MERGE INTO document_source (path, document_id, size_bytes, modified) "
                + "KEY (path) VALUES (?,?,?,?)", path, documentId, size, modified);
    }

    /** Deletes a document and, by cascade, everything derived from it. */
    public void deleteDocument(long documentId) {
        sql.update("delete document " + documentId, "DELETE FROM document WHERE id = ?", documentId);
    }

    /** Deletes the document if no path refers to it any more; true if it was deleted. */
    public boolean deleteIfUnreferenced(long documentId) {
        return sql.update("delete document " + documentId, "DELETE FROM document d WHERE d.id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM document_source s WHERE s.document_id = d.id)", documentId) > 0;
    }

    public void commit() {
        sql.run("commit", c -> {
            c.commit();
            return null;
        });
        insertedCommitted += insertedUncommitted;
        insertedUncommitted = 0;
    }

    public void rollback() {
        insertedUncommitted = 0;
        sql.run("roll back", c -> {
            c.rollback();
            return null;
        });
    }

    // ---- reading ---------------------------------------------------------------------------

    public int documentCount() {
        return sql.first("count documents", "SELECT COUNT(*) FROM document", rs -> rs.getInt(1)).orElse(0);
    }

    /** The id of the longest document (by cleaned characters), or -1 when there is none. */
    public long largestDocumentId() {
        return sql.first("read the documents", "SELECT id FROM document ORDER BY chars DESC LIMIT 1", rs -> rs.getLong(1))
                .orElse(-1L);
    }

    /** Streams every document in id order (one at a time: a large workspace is never held in memory). */
    public void forEachDocument(Consumer<StoredDocument> action) {
        readDocuments("ORDER BY id", action);
    }

    /** A document's cleaned text alone, if stored (what offsets point into). */
    public Optional<String> cleanText(long id) {
        return sql.first("read document " + id, "SELECT clean_text FROM document WHERE id = ?", rs -> rs.getString(1), id);
    }

    /** One document by id, if stored. */
    public Optional<StoredDocument> document(long id) {
        StoredDocument[] found = {null};
        readDocuments("WHERE id = " + id, d -> found[0] = d); // id is a long: nothing to inject
        return Optional.ofNullable(found[0]);
    }

    private void readDocuments(String clause, Consumer<StoredDocument> action) {
        sql.each("read documents", 64, "SELECT id, file, source, hash, size_bytes, media_type, charset, url, title, "
                + "published, publisher, author, speaker, speaker_kind, speaker_role, speaker_for, language, original_text, "
                + "clean_text, boilerplate_chars, warnings, offset_map FROM document " + clause, rs -> {
                    DocumentMetadata m = new DocumentMetadata(rs.getString("url"), rs.getString("title"),
                            rs.getString("published"), rs.getString("publisher"), rs.getString("author"),
                            rs.getString("speaker"), rs.getString("speaker_kind"), rs.getString("speaker_role"),
                            rs.getString("speaker_for"), rs.getString("language"));
                    List<String> warnings = JSON.readValue(rs.getString("warnings"), new TypeReference<>() {});
                    Document d = new Document(rs.getString("file"), rs.getString("source"),
                            rs.getString("hash").trim(), rs.getLong("size_bytes"), rs.getString("media_type"),
                            rs.getString("charset"), m, rs.getString("original_text"), rs.getString("clean_text"),
                            rs.getInt("boilerplate_chars"), warnings, OffsetMap.decode(rs.getString("offset_map")));
                    action.accept(new StoredDocument(rs.getLong("id"), d));
                });
    }

    WorkspaceException failure(String what, Exception e) {
        if (diskFull(dir, e)) {
            String safe;
            if (storedAtFirstInsert >= 0) {
                safe = String.format("the %,d documents committed before are safe", storedAtFirstInsert + insertedCommitted);
            } else {
                safe = "the documents committed before are safe";
            }
            return new WorkspaceException("no space left on " + fileStore(dir) + " while "
                    + (what.equals("commit") ? "committing" : what.startsWith("store document ")
                    ? "storing " + what.substring("store document ".length()) : "trying to " + what)
                    + " in workspace " + dir + "; " + safe + " (free some space and run it again: it goes on from there)", e);
        }
        return new WorkspaceException("workspace " + dir + ": cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (isClosed()) {
            return;
        }
        unlockForWriting();
        // another process's ingest may be writing through this one: closing now would break it off, so wait
        if (!readOnly && isOwner() && !isClosed() && !tryLockForWriting(1)) {
            System.err.println("demarche: an ingest in another process writes to " + dir + " through this one; "
                    + "waiting for it to finish before ending...");
            lockForWriting(why -> { });
        }
        unlockForWriting();
        try {
            if (!db.isClosed()) {
                db.rollback(); // whatever was not committed is not kept
                db.close();
            }
        } catch (SQLException e) {
            if (!lostConnection(e)) { // a lost session had nothing left to keep: its transaction is gone with it
                throw failure("close", e);
            }
        }
    }
}
