package org.demarche.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.demarche.model.DocumentMetadata;

/**
 * Facts a collector knows about documents (spec/CONTRACT.md section 2), as CSV with a header
 * row or as JSON Lines with the same keys. Paths are relative to the manifest's folder.
 */
public final class Manifest {

    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2}([T ].*)?)?)?$");
    private static final List<String> KINDS = List.of("person", "state", "organization");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<Path, DocumentMetadata> byPath = new HashMap<>();
    /** Paths by base name, each once however many rows list it (a row listed twice is not ambiguous). */
    private final Map<String, java.util.Set<Path>> byName = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private Manifest(Path file) {
        this.file = file;
    }

    /** No manifest: every document's facts come from itself. */
    public static Manifest none() {
        return new Manifest(null);
    }

    public static Manifest read(Path file) throws ManifestException {
        Manifest m = new Manifest(file.toAbsolutePath().normalize());
        String name = file.getFileName().toString().toLowerCase();
        try {
            String head = m.text().stripLeading();
            if (name.endsWith(".jsonl") || name.endsWith(".json") || head.startsWith("{")) {
                m.readJsonLines();
            } else {
                m.readCsv();
            }
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read: " + e.getMessage());
        }
        return m;
    }

    private void readCsv() throws IOException, ManifestException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        try (Reader r = new java.io.StringReader(text()); CSVParser p = CSVParser.parse(r, format)) {
            if (!p.getHeaderMap().containsKey("file")) {
                throw new ManifestException(file + ":1: the header has no 'file' column");
            }
            for (CSVRecord rec : p) {
                long line = rec.getParser().getCurrentLineNumber();
                Map<String, String> row = new HashMap<>();
                for (String key : p.getHeaderNames()) {
                    row.put(key, rec.isSet(key) ? rec.get(key) : null);
                }
                add(row, line);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new ManifestException(file + ": not valid CSV: " + e.getMessage());
        }
    }

    private void readJsonLines() throws IOException, ManifestException {
        List<String> lines = text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new ManifestException(file + ":" + (i + 1) + ": not JSON: " + e.getOriginalMessage());
            }
            if (!node.isObject()) {
                throw new ManifestException(file + ":" + (i + 1) + ": each line must be a JSON object");
            }
            Map<String, String> row = new HashMap<>();
            node.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            add(row, i + 1);
        }
    }

    /** The manifest's text, without the UTF-8 byte-order mark some spreadsheets write before the header. */
    private String text() throws IOException {
        String t = Files.readString(file, StandardCharsets.UTF_8);
        return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }

    /** True when an ISO date of reduced precision is one the calendar has ("2008-13-45" and "2008-02-30" are not). */
    static boolean realDate(String iso) {
        try {
            String day = iso.length() > 10 ? iso.substring(0, 10) : iso;
            switch (day.length()) {
                case 4 -> { }
                case 7 -> java.time.YearMonth.parse(day);
                default -> java.time.LocalDate.parse(day);
            }
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private void add(Map<String, String> row, long line) throws ManifestException {
        String f = blankToNull(row.get("file"));
        if (f == null) {
            throw new ManifestException(file + ":" + line + ": the 'file' value is empty");
        }
        String published = blankToNull(row.get("published"));
        if (published != null && ISO_DATE.matcher(published).matches() && !realDate(published)) {
            warnings.add(file + ":" + line + ": 'published' is not a date the calendar has (" + published + "): ignored");
            published = null;
        } else if (published != null && !ISO_DATE.matcher(published).matches()) {
            warnings.add(file + ":" + line + ": 'published' is not an ISO 8601 date (" + published + "): ignored");
            published = null;
        }
        String kind = blankToNull(row.get("speaker_kind"));
        if (kind != null && !KINDS.contains(kind)) {
            warnings.add(file + ":" + line + ": 'speaker_kind' must be person, state or organization (" + kind + "): ignored");
            kind = null;
        }
        DocumentMetadata meta = new DocumentMetadata(blankToNull(row.get("url")), blankToNull(row.get("title")),
                published, blankToNull(row.get("publisher")), blankToNull(row.get("author")),
                blankToNull(row.get("speaker")), kind, blankToNull(row.get("speaker_role")),
                blankToNull(row.get("speaker_for")), blankToNull(row.get("language")));
        Path p = file.getParent().resolve(f).toAbsolutePath().normalize();
        if (byPath.put(p, meta) != null) {
            warnings.add(file + ":" + line + ": " + f + " is listed twice: the later row wins");
        }
        byName.computeIfAbsent(p.getFileName().toString(), k -> new java.util.LinkedHashSet<>()).add(p);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What the manifest says about a file: by its path, else by its name when that is unambiguous. */
    public DocumentMetadata metadataFor(Path path) {
        Path p = path.toAbsolutePath().normalize();
        DocumentMetadata m = byPath.get(p);
        if (m == null) {
            java.util.Set<Path> same = byName.get(p.getFileName().toString());
            if (same != null && same.size() == 1) {
                m = byPath.get(same.iterator().next());
            }
        }
        return m == null ? DocumentMetadata.EMPTY : m;
    }

    /** True when the manifest lists this file (by path, or by a name it lists once). */
    public boolean lists(Path path) {
        return metadataFor(path) != DocumentMetadata.EMPTY;
    }

    public boolean isPresent() {
        return file != null;
    }

    public Path file() {
        return file;
    }

    public int size() {
        return byPath.size();
    }

    /** Rows the manifest could only partly use, with their line numbers. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
