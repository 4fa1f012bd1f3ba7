package org.demarche.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's one way of running queries, on a real workspace database. */
class SqlTest {

    @TempDir
    Path tmp;

    @Test
    void bindsNullsAndArraysAndSaysWhatFailed() {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Sql sql = ws.sql();
            sql.update("write", "MERGE INTO setting (name, content) KEY (name) VALUES (?, ?)", "empty", null);
            assertEquals(Optional.empty(), sql.first("read", "SELECT content FROM setting WHERE name = ?",
                    rs -> rs.getString(1), "empty"), "a NULL column reads as no value");
            ws.setSetting("a", "1");
            ws.setSetting("b", "2");
            List<String> names = sql.list("read", "SELECT name FROM setting WHERE name = ANY(?) ORDER BY name",
                    rs -> rs.getString(1), new Sql.ArrayArg("VARCHAR", new Object[] {"a", "b", "c"}));
            assertEquals(List.of("a", "b"), names);
            assertNull(sql.first("read", "SELECT NULL", rs -> Sql.longOrNull(rs, 1)).orElse(null));
            WorkspaceException e = assertThrows(WorkspaceException.class,
                    () -> sql.update("count the unicorns", "SELECT * FROM unicorn"));
            assertTrue(e.getMessage().contains("cannot count the unicorns"), e.getMessage());
            ws.rollback();
        }
    }
}
