package org.demarche.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.demarche.ingest.CorpusReader;
import org.demarche.model.ActorKind;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;
import org.demarche.model.OffsetMap;
import org.demarche.model.StatementKind;
import org.demarche.stance.Codebook;
import org.demarche.store.Sql;
import org.demarche.store.Workspace;

/**
 * Loads the Parquet tables the Spark job writes (demarche-spark's KbTables: documents, actors,
 * mentions, statements, roles, events, failures) into a workspace. DuckDB reads the Parquet files:
 * it needs no Hadoop, and a sorted scan of each table lets the documents and their records be
 * joined in one streaming pass (a merge join on source), so a corpus is never held in memory.
 * The documents are then stored by the KnowledgeBaseWriter, the writer ingest feeds, as ingest would store
 * them (unchanged ones are left, changed ones replaced, the same content twice kept once); then its merge,
 * stance and index stages run.
 */
public final class ParquetImport {

    private ParquetImport() {}

    /** Imports the tables under dir; throws IOException when dir holds no documents table. */
    public static IngestSummary run(Workspace ws, Path dir, Codebook codebook, IngestRunner.Options options,
                                    IngestListener listener) throws IOException {
        if (parquetFiles(dir.resolve("documents")).isEmpty()) {
            throw new IOException(dir + ": no documents table (documents/*.parquet): is this the Spark job's output?");
        }
        long t0 = System.nanoTime();
        // a table that cannot be read is the user's to fix (exit 2, with the reason); a row that cannot be read
        // half way is a failed run
        Sql.Failure unreadable = (what, e) -> new UncheckedIOException(new IOException("cannot read " + dir + ": "
                + e.getMessage(), e));
        try (Sql setup = Sql.connect("jdbc:duckdb:", unreadable)) {
            Sql rows = setup.failing((what, e) -> new IllegalStateException("cannot read " + dir + ": " + e.getMessage(), e));
            KnowledgeBaseWriter writer = new KnowledgeBaseWriter(ws, options, true, codebook);
            try (Rows failures = new Rows(setup, dir, "failures", "source, reason", "source")) {
                while (failures.next()) {
                    listener.fileFailed(Path.of(failures.string(1)), failures.string(2));
                }
            }
            try (Rows count = new Rows(setup, dir, "documents", "count(*) AS n", "1")) {
                count.next();
                listener.started(setup.run("count documents", c -> count.rs.getInt(1)), 0);
            }
            int total = 0;
            long bytes = 0;
            // in source order, as a one-thread ingest stores files, so that the two give the same ids
            try (Rows docs = new Rows(setup, dir, "documents", "*", "source");
                    Rows actors = new Rows(setup, dir, "actors", "*", "source, n");
                    Rows mentions = new Rows(setup, dir, "mentions", "*", "source, n");
                    Rows statements = new Rows(setup, dir, "statements", "*", "source, n");
                    Rows roles = new Rows(setup, dir, "roles", "*", "source, n");
                    Rows events = new Rows(setup, dir, "events", "*", "source, n")) {
                for (Rows t : List.of(docs, actors, mentions, statements, roles, events)) {
                    t.sql = rows;
                }
                while (docs.next()) {
                    KnowledgeBaseWriter.Entry e = rows.run("read a document",
                            c -> entry(docs.rs, actors, mentions, statements, roles, events));
                    CorpusReader.Read r = (CorpusReader.Read) e.source();
                    total++;
                    IngestListener.Outcome outcome = writer.write(e, listener);
                    if (outcome != IngestListener.Outcome.UNCHANGED && outcome != IngestListener.Outcome.FAILED) {
                        bytes += r.size();
                    }
                    listener.fileDone(r.file(), outcome, r.size());
                }
            }
            writer.finish(listener);
            return writer.summary(total, 0, 0, bytes, Duration.ofNanos(System.nanoTime() - t0));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static KnowledgeBaseWriter.Entry entry(ResultSet d, Rows actors, Rows mentions, Rows statements, Rows roles,
                                                  Rows events) throws SQLException {
        String source = d.getString("source");
        DocumentMetadata meta = new DocumentMetadata(d.getString("url"), d.getString("title"), d.getString("published"),
                d.getString("publisher"), d.getString("author"), d.getString("speaker"), d.getString("speaker_kind"),
                d.getString("speaker_role"), d.getString("speaker_for"), d.getString("language"));
        Document doc = new Document(d.getString("file"), source, d.getString("hash"), d.getLong("size_bytes"),
                d.getString("media_type"), d.getString("charset"), meta, d.getString("original_text"),
                d.getString("clean_text"), d.getInt("boilerplate_chars"), strings(d.getArray("warnings")),
                OffsetMap.decode(d.getString("offsets")));
        Extraction x = null;
        List<Extraction.LocalActor> as = new ArrayList<>();
        for (ResultSet r : actors.of(source)) {
            as.add(new Extraction.LocalActor(r.getInt("n"), r.getString("name"), ActorKind.valueOf(r.getString("kind")),
                    r.getString("actor_key"), new LinkedHashSet<>(strings(r.getArray("forms")))));
        }
        List<Extraction.Mention> ms = new ArrayList<>();
        for (ResultSet r : mentions.of(source)) {
            ms.add(new Extraction.Mention(r.getInt("actor"), r.getString("kind"), r.getInt("start_offset"),
                    r.getInt("end_offset"), r.getString("text")));
        }
        List<Extraction.SaidText> ss = new ArrayList<>();
        for (ResultSet r : statements.of(source)) {
            ss.add(new Extraction.SaidText(r.getInt("speaker"), StatementKind.valueOf(r.getString("kind")),
                    r.getInt("start_offset"), r.getInt("end_offset"), r.getString("text"), r.getString("date"),
                    r.getString("cue"), r.getString("found_by"), confidence(r)));
        }
        List<Extraction.Role> rs = new ArrayList<>();
        for (ResultSet r : roles.of(source)) {
            rs.add(new Extraction.Role(r.getInt("actor"), r.getString("title"), r.getInt("of_actor"), r.getString("date"),
                    r.getInt("start_offset"), r.getInt("end_offset")));
        }
        List<Extraction.Happening> es = new ArrayList<>();
        for (ResultSet r : events.of(source)) {
            List<Integer> who = new ArrayList<>();
            Object[] a = (Object[]) r.getArray("actors").getArray();
            for (Object o : a) {
                who.add(((Number) o).intValue());
            }
            es.add(new Extraction.Happening(r.getString("kind"), who, r.getInt("target"), r.getString("place"),
                    r.getString("date"), r.getInt("start_offset"), r.getInt("end_offset"), r.getString("text")));
        }
        if (d.getBoolean("extracted")) {
            x = new Extraction(as, ms, ss, rs, es, strings(d.getArray("extraction_warnings")));
        }
        return new KnowledgeBaseWriter.Entry(new CorpusReader.Read(Path.of(source), source, doc, d.getString("fingerprint"),
                d.getLong("source_size"), d.getLong("modified")), x);
    }

    private static List<String> strings(Array a) throws SQLException {
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                out.add((String) o);
            }
        }
        return out;
    }

    private static List<Path> parquetFiles(Path table) throws IOException {
        if (!Files.isDirectory(table)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(table)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    /** One table read in order; of(source) hands the rows of one document as the merge join reaches it. */
    private static final class Rows implements AutoCloseable {
        final ResultSet rs;
        private final Statement statement;
        /** How its reads fail: while setting up, a table that cannot be read; then, a failed run. */
        Sql sql;
        private boolean onRow;
        private boolean started;

        Rows(Sql sql, Path dir, String table, String columns, String order) throws IOException {
            this.sql = sql;
            List<Path> files = parquetFiles(dir.resolve(table));
            StringBuilder list = new StringBuilder();
            for (Path f : files) {
                list.append(list.length() == 0 ? "" : ", ").append('\'').append(f.toString().replace("'", "''")).append('\'');
            }
            String query = files.isEmpty() ? "SELECT NULL AS source WHERE false"
                    : "SELECT " + columns + " FROM read_parquet([" + list + "]) ORDER BY " + order;
            statement = sql.run("open table " + table, Connection::createStatement);
            rs = sql.run("read table " + table, c -> statement.executeQuery(query));
        }

        boolean next() {
            return sql.run("read a row", c -> rs.next());
        }

        String string(int column) {
            return sql.run("read a row", c -> rs.getString(column));
        }

        /** The rows whose source is this one; the tables are sorted alike, so no row is passed over twice. */
        Iterable<ResultSet> of(String source) throws SQLException {
            if (!started) {
                onRow = rs.next();
                started = true;
            }
            while (onRow && rs.getString("source").compareTo(source) < 0) {
                onRow = rs.next(); // a record whose document failed to store: nothing to attach it to
            }
            return () -> new Iterator<>() {
                boolean handedOut; // the current row was given to the caller: move past it first

                @Override
                public boolean hasNext() {
                    return sql.run("read a row", c -> {
                        if (handedOut) {
                            onRow = rs.next();
                            handedOut = false;
                        }
                        return onRow && source.equals(rs.getString("source"));
                    });
                }

                @Override
                public ResultSet next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    handedOut = true;
                    return rs;
                }
            };
        }

        @Override
        public void close() {
            sql.run("close", c -> {
                statement.close();
                return null;
            });
        }
    }

    /** A statement's confidence, NaN where the table has none (Parquet written before steps were recorded). */
    private static double confidence(ResultSet r) throws java.sql.SQLException {
        double c = r.getDouble("confidence");
        return r.wasNull() ? Double.NaN : c;
    }
}
