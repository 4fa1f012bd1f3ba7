package org.demarche.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.demarche.store.Sql;

/**
 * The knowledge base as tidy tables, for R and pandas: one table per record type of the JSON Lines export
 * ({@code documents}, {@code actors}, {@code statements}, {@code stances}, {@code events}), one row per record,
 * with the export's own ids and field names. A field that holds a list becomes a table of its own, one row per
 * item, keyed by the record's id and the item's rank ({@code actors_aliases}, {@code actors_roles},
 * {@code statements_issues}, {@code stances_evidence} …); an object becomes columns joined by {@code _}. The tables are made from the JSON Lines export itself, so that both always say the
 * same. Parquet is written by DuckDB (already the project's Parquet reader) from the CSV tables, with each
 * column's type read off the JSON values (integer, double, boolean, text).
 */
public final class TidyExporter {

    public enum Format {
        CSV, PARQUET;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private TidyExporter() {}

    /** One table being built: its columns in first-seen order with the type their values allow. */
    private static final class Table {
        final String name;
        final Map<String, String> types = new LinkedHashMap<>();
        CSVPrinter out;
        long rows;

        Table(String name) {
            this.name = name;
        }

        void see(String column, JsonNode v) {
            String t = v == null || v.isNull() ? null
                    : v.isIntegralNumber() ? "BIGINT" : v.isNumber() ? "DOUBLE" : v.isBoolean() ? "BOOLEAN" : "VARCHAR";
            String was = types.get(column);
            if (was == null || was.equals("NULL")) {
                types.put(column, t == null ? "NULL" : t);
            } else if (t != null && !t.equals(was)) {
                types.put(column, was.equals("BIGINT") && t.equals("DOUBLE") || was.equals("DOUBLE") && t.equals("BIGINT")
                        ? "DOUBLE" : "VARCHAR");
            }
        }
    }

    /**
     * Writes the tables of a JSON Lines export into {@code dir}: {@code TABLE.csv}, or {@code TABLE.parquet} when
     * the format is Parquet. Returns table name → rows written.
     */
    public static Map<String, Long> write(Path jsonl, Format format, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String type : List.of("document", "actor", "statement", "stance", "event")) {
            // every record type has its table, even a workspace without stances yet
            tables.computeIfAbsent(tableOf(type), Table::new).types.put("id", "VARCHAR");
        }
        // pass 1: the columns of every table, so that each CSV has one header
        forEachRecord(jsonl, r -> flatten(r, tables, false));
        Path csvDir = format == Format.CSV ? dir : Files.createTempDirectory(dir, ".tidy-");
        try {
            for (Table t : tables.values()) {
                t.out = new CSVPrinter(Files.newBufferedWriter(csvDir.resolve(t.name + ".csv"), StandardCharsets.UTF_8), CSV);
                t.out.printRecord(t.types.keySet());
            }
            try {
                forEachRecord(jsonl, r -> flatten(r, tables, true));
            } finally {
                for (Table t : tables.values()) {
                    t.out.close();
                }
            }
            if (format == Format.PARQUET) {
                parquet(tables, csvDir, dir);
            }
        } finally {
            if (csvDir != dir) {
                deleteTree(csvDir);
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.values().forEach(t -> rows.put(t.name, t.rows));
        return rows;
    }

    private interface RecordAction {
        void accept(JsonNode record) throws IOException;
    }

    private static void forEachRecord(Path jsonl, RecordAction action) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    action.accept(JSON.readTree(line));
                }
            }
        }
    }

    /** The table a record type goes to: the export's type in the plural. */
    static String tableOf(String type) {
        return type.endsWith("s") ? type : type + "s";
    }

    private static void flatten(JsonNode record, Map<String, Table> tables, boolean write) throws IOException {
        String name = tableOf(record.path("type").asText("record"));
        String id = record.path("id").asText(null);
        String owner = name.substring(0, name.length() - 1); // "actor" for the actors' child tables
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        columns("", record, cells, true);
        cells.remove("type"); // the table says it
        emit(tables.computeIfAbsent(name, Table::new), cells, write);
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isArray()) {
                continue;
            }
            Table child = tables.computeIfAbsent(name + "_" + f.getKey(), Table::new);
            // its key columns even while every list is empty, so that the table exists and reads back
            child.types.putIfAbsent(owner, "VARCHAR");
            child.types.putIfAbsent("rank", "BIGINT");
            int rank = 0;
            for (JsonNode item : f.getValue()) {
                Map<String, JsonNode> c = new LinkedHashMap<>();
                c.put(owner, JSON.getNodeFactory().textNode(id));
                c.put("rank", JSON.getNodeFactory().numberNode(rank++));
                if (item.isObject()) {
                    columns("", item, c, false);
                } else {
                    c.put("value", item);
                }
                emit(child, c, write);
            }
        }
    }

    /**
     * A record's fields as columns: objects flattened into prefix_field columns. At the top level lists go to
     * child tables; inside a list's item a list of ids is kept as one space-separated column (ids hold no space).
     */
    private static void columns(String prefix, JsonNode object, Map<String, JsonNode> cells, boolean top) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String column = prefix + f.getKey();
            while (cells.containsKey(column)) {
                column = "item_" + column; // never overwrite the owner's key or rank
            }
            JsonNode v = f.getValue();
            if (v.isObject()) {
                columns(column + "_", v, cells, top);
            } else if (v.isArray()) {
                if (!top) {
                    StringBuilder joined = new StringBuilder();
                    for (JsonNode x : v) {
                        joined.append(joined.isEmpty() ? "" : " ").append(x.isValueNode() ? x.asText() : x.toString());
                    }
                    cells.put(column, JSON.getNodeFactory().textNode(joined.toString()));
                }
            } else {
                cells.put(column, v);
            }
        }
    }

    private static void emit(Table t, Map<String, JsonNode> cells, boolean write) throws IOException {
        if (!write) {
            cells.forEach(t::see);
            return;
        }
        List<Object> values = new ArrayList<>();
        for (String column : t.types.keySet()) {
            JsonNode v = cells.get(column);
            values.add(v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
        }
        t.out.printRecord(values);
        t.rows++;
    }

    private static void parquet(Map<String, Table> tables, Path csvDir, Path dir) throws IOException {
        // through the store's one way of running SQL, here on an in-memory DuckDB
        Sql.Failure failed = (what, e) -> new UncheckedIOException(new IOException("could not write Parquet: "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e));
        try (Sql duck = Sql.connect("jdbc:duckdb:", failed)) {
            for (Table t : tables.values()) {
                StringBuilder columns = new StringBuilder();
                for (Map.Entry<String, String> c : t.types.entrySet()) {
                    columns.append(columns.isEmpty() ? "" : ", ").append(quote(c.getKey())).append(": ")
                            .append(quote(c.getValue().equals("NULL") ? "VARCHAR" : c.getValue()));
                }
                Path out = dir.resolve(t.name + ".parquet");
                duck.update("write " + t.name, "COPY (SELECT * FROM read_csv(" + quote(csvDir.resolve(t.name + ".csv").toString())
                        + ", header = true, auto_detect = false, quote = '\"', escape = '\"', columns = {"
                        + columns + "})) TO " + quote(out.toString()) + " (FORMAT parquet)");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
