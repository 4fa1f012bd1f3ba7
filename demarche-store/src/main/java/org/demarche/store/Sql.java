package org.demarche.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one way the store runs SQL: a statement, its arguments, and what to do with each row; every
 * failure goes through one translation (for the workspace: {@link Workspace#failure}, which knows a
 * full disk from a wrong query). It is enough because the store runs plain statements over one
 * connection whose transaction the workspace itself owns (snapshot reads, batched commits, the
 * writer's row lock): what was repeated by hand was the try/catch, the binding and the row loop.
 * Jdbi would bring its own handle and transaction model on top of that one for no statement we need.
 */
public final class Sql implements AutoCloseable {

    /** Makes a query's failure the caller's exception, saying what could not be done. */
    @FunctionalInterface
    public interface Failure {
        RuntimeException of(String what, Exception e);
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws Exception;
    }

    /** Takes one row (for reads streamed row by row). */
    @FunctionalInterface
    public interface Each {
        void accept(ResultSet rs) throws Exception;
    }

    /** Binds one item of a batch to the statement's parameters. */
    @FunctionalInterface
    public interface Bind<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    /** Work that needs the connection itself (several statements sharing their results). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws Exception;
    }

    /** An array parameter (for {@code = ANY(?)}): its SQL element type and values. */
    public record ArrayArg(String type, Object[] values) {}

    private final Connection db;
    private final Failure failure;

    public Sql(Connection db, Failure failure) {
        this.db = db;
        this.failure = failure;
    }

    /** Opens a connection of its own to the database at this JDBC address (closed with {@link #close}). */
    public static Sql connect(String url, Failure failure) {
        try {
            return new Sql(java.sql.DriverManager.getConnection(url), failure);
        } catch (SQLException e) {
            throw failure.of("open " + url, e);
        }
    }

    /** The same connection, its failures translated another way. */
    public Sql failing(Failure other) {
        return new Sql(db, other);
    }

    /** Closes the connection (for one opened by {@link #connect}). */
    @Override
    public void close() {
        run("close", c -> {
            c.close();
            return null;
        });
    }

    /** A BIGINT array argument. */
    public static ArrayArg longs(Collection<Long> values) {
        return new ArrayArg("BIGINT", values.toArray());
    }

    /** Every row, mapped, in the query's order. */
    public <T> List<T> list(String what, String sql, Row<T> row, Object... args) {
        List<T> out = new ArrayList<>();
        each(what, sql, rs -> out.add(row.map(rs)), args);
        return out;
    }

    /** The first row, if any. */
    public <T> Optional<T> first(String what, String sql, Row<T> row, Object... args) {
        return run(what, c -> {
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        });
    }

    /** Streams the rows one at a time (fetched a thousand at a time: a large table is never held whole). */
    public void each(String what, String sql, Each row, Object... args) {
        each(what, 1000, sql, row, args);
    }

    /** Streams the rows, fetching this many at a time (fewer for rows that hold whole texts). */
    public void each(String what, int fetchSize, String sql, Each row, Object... args) {
        run(what, c -> {
            try (PreparedStatement ps = prepare(c, sql, args)) {
                ps.setFetchSize(fetchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.accept(rs);
                    }
                }
            }
            return null;
        });
    }

    /** Runs an update; returns the rows it changed. */
    public int update(String what, String sql, Object... args) {
        return run(what, c -> {
            try (PreparedStatement ps = prepare(c, sql, args)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Runs an insert; returns the key the database made for the new row. */
    public long insert(String what, String sql, Object... args) {
        return run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(c, ps, args);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Runs one statement for every item, as a batch (sent every 2,000 items). */
    public <T> void batch(String what, String sql, Iterable<T> items, Bind<T> bind) {
        run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = 0;
                for (T item : items) {
                    bind.bind(ps, item);
                    ps.addBatch();
                    if (++n % 2000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Work on the connection itself, its failure translated as every other's. */
    public <T> T run(String what, Work<T> work) {
        try {
            return work.run(db);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw failure.of(what, e);
        }
    }

    /** A nullable BIGINT column. */
    public static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** A nullable DOUBLE column. */
    public static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            bind(c, ps, args);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** Binds arguments in order; null is SQL NULL, an {@link ArrayArg} an SQL array. */
    public static void bind(Connection c, PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof ArrayArg arr) {
                ps.setArray(i + 1, c.createArrayOf(arr.type(), arr.values()));
            } else if (a == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
