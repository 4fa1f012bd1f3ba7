package org.demarche.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.demarche.model.Json;
import org.demarche.model.Polarity;
import org.demarche.model.RecordId;
import org.demarche.model.StatementKind;
import org.demarche.model.TextAnchor;

/**
 * A person's corrections of the machine's output: an append-only log in the workspace, and its application over
 * the knowledge base each time it is rebuilt. Entries name what they correct by content (the document's hash and
 * name, the words with their context; an actor by its name), so that they survive re-ingesting a file, a new
 * extraction and a new codebook; an entry whose words are gone is listed as orphaned, never applied elsewhere.
 *
 * <p>Applying comes in two steps because the stance stage sits between them: {@link #applyFacts} (statements
 * rejected or given another speaker, actors merged, split, renamed, given a kind) before the stances are made, so
 * that they are made from the corrected statements; {@link #applyStances} (stances set or confirmed) after.
 */
public final class Corrections {

    /** The actions a person can take. */
    public static final List<String> ACTIONS = List.of("reject", "confirm", "speaker", "kind", "date", "add", "stance",
            "merge", "split", "rename", "role", "end-role", "undo");

    /** The actions on a statement's words: undone, the document is read again to bring back the machine's version. */
    static final Set<String> ON_WORDS = Set.of("reject", "confirm", "speaker", "kind", "date", "add", "role");

    /**
     * One entry of the log, as it is exported and imported (JSON Lines, snake_case).
     *
     * @param date      a statement's date, a role's start ({@code role}) or end ({@code end-role})
     * @param kind      the kind of an added statement
     * @param machine   what the machine had said before (a speaker's name, a kind, a polarity, a date; "statement"
     *                  or "none" for whether the words are a statement), for the agreement report
     */
    @JsonPropertyOrder({"id", "made_at", "coder", "action", "doc_hash", "doc_file", "exact", "prefix", "suffix", "start",
            "end", "actor", "issue", "value", "date", "kind", "machine", "note", "undoes", "status", "detail"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Long id, String madeAt, String coder, String action, String docHash, String docFile,
                        String exact, String prefix, String suffix, Integer start, Integer end, String actor,
                        String issue, String value, String date, String kind, String machine, String note, Long undoes,
                        String status, String detail) {

        /** A new entry of this action, filled in by the builder. */
        public static Builder of(String action) {
            return new Builder(action);
        }

        /** The words this entry is anchored to, if any. */
        TextAnchor anchor() {
            return exact == null ? null : new TextAnchor(exact, prefix == null ? "" : prefix, suffix == null ? "" : suffix,
                    start == null ? 0 : start, end == null ? 0 : end);
        }

        /** The same entry as a new one (no id, status), for the log of another workspace. */
        public Entry imported() {
            return new Entry(null, madeAt, coder, action, docHash, docFile, exact, prefix, suffix, start, end, actor,
                    issue, value, date, kind, machine, note, undoes, null, null);
        }

        /** The same entry taking back another one (an imported undo, renumbered). */
        public Entry undoing(long entry) {
            return new Entry(null, madeAt, coder, "undo", null, null, null, null, null, null, null, null, null, null, null,
                    null, null, note, entry, null, null);
        }
    }

    /** Builds a new entry: the fields an action needs, the others left null. */
    public static final class Builder {
        private final String action;
        private String coder;
        private Entry at;
        private String actor;
        private String issue;
        private String value;
        private String date;
        private String kind;
        private String machine;
        private String note;
        private Long undoes;

        private Builder(String action) {
            this.action = action;
        }

        public Builder coder(String v) { coder = v; return this; }
        /** The document and the words of an anchor ({@link #statementAnchor}, {@link #wordsAnchor}, {@link #stanceAnchor}). */
        public Builder at(Entry anchor) { at = anchor; return this; }
        public Builder actor(String v) { actor = v; return this; }
        public Builder issue(String v) { issue = v; return this; }
        public Builder value(String v) { value = v; return this; }
        public Builder date(String v) { date = v; return this; }
        public Builder kind(String v) { kind = v; return this; }
        public Builder machine(String v) { machine = v; return this; }
        public Builder note(String v) { note = v; return this; }
        public Builder undoes(Long v) { undoes = v; return this; }

        public Entry build() {
            return new Entry(null, null, coder, action, at == null ? null : at.docHash(), at == null ? null : at.docFile(),
                    at == null ? null : at.exact(), at == null ? null : at.prefix(), at == null ? null : at.suffix(),
                    at == null ? null : at.start(), at == null ? null : at.end(), actor, issue, value, date, kind, machine,
                    note, undoes, null, null);
        }
    }

    /** What the knowledge base says now of a statement (for a correction's {@code machine} value). */
    public record StatementNow(String speaker, String kind, String date) {}

    private final Workspace workspace;
    private final Sql sql;

    Corrections(Workspace workspace) {
        this.workspace = workspace;
        this.sql = workspace.sql();
    }

    // ---- the log ---------------------------------------------------------------------------------------------

    /** Appends an entry (committed by the caller); returns its id. */
    public long append(Entry e) {
        if (!ACTIONS.contains(e.action())) {
            throw new IllegalArgumentException("no correction '" + e.action() + "'; they are " + String.join(", ", ACTIONS));
        }
        return sql.insert("log a correction", "INSERT INTO correction (made_at, coder, action, doc_hash, doc_file, exact, "
                + "prefix, suffix, start_offset, end_offset, actor, issue, value_text, date_iso, statement_kind, "
                + "machine_value, note, undoes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                e.madeAt() == null ? OffsetDateTime.now() : OffsetDateTime.parse(e.madeAt()), e.coder(), e.action(),
                e.docHash(), e.docFile(), e.exact(), e.prefix(), e.suffix(), e.start(), e.end(), e.actor(), e.issue(),
                e.value(), e.date(), e.kind(), e.machine(), e.note(), e.undoes());
    }

    /** How many entries the log holds (a server notices another process's corrections by it). */
    public long count() {
        return sql.first("count the corrections", "SELECT COUNT(*) FROM correction", rs -> rs.getLong(1)).orElse(0L);
    }

    /** Every entry in the order it was made, with what the last application made of it. */
    public List<Entry> list() {
        return sql.list("read the corrections", "SELECT c.id, c.made_at, c.coder, c.action, c.doc_hash, c.doc_file, c.exact, "
                + "c.prefix, c.suffix, c.start_offset, c.end_offset, c.actor, c.issue, c.value_text, c.date_iso, "
                + "c.statement_kind, c.machine_value, c.note, c.undoes, s.status, s.detail FROM correction c LEFT JOIN correction_status s ON s.correction_id = c.id ORDER BY c.id",
                rs -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toString(), rs.getString(3),
                        rs.getString(4), trim(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), (Integer) rs.getObject(10), (Integer) rs.getObject(11), rs.getString(12),
                        rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                        rs.getString(18), Sql.longOrNull(rs, 19), rs.getString(20), rs.getString(21)));
    }

    /** A text as a JSON string: the forms column holds a JSON array of them. */
    private static String quote(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /** Who set or confirmed each record (s5, t3, a2), and when: the records' provenance. */
    public Map<String, Entry> humanFacts() {
        Map<Long, Entry> byId = new HashMap<>();
        list().forEach(e -> byId.put(e.id(), e));
        Map<String, Entry> out = new HashMap<>();
        sql.each("read the provenance", "SELECT record, correction_id FROM human_fact ORDER BY correction_id",
                rs -> out.put(rs.getString(1), byId.get(rs.getLong(2))));
        return out;
    }

    /**
     * Says who made a record, in its JSON: {@code source} machine, or human with the {@code coder} and the time
     * ({@code corrected_at}) of the correction that set or confirmed it (by, or null). The export and the API use it.
     */
    public static void markSource(com.fasterxml.jackson.databind.node.ObjectNode record, Entry by) {
        record.put("source", by == null ? "machine" : "human");
        if (by != null) {
            record.put("coder", by.coder());
            record.put("corrected_at", by.madeAt());
        }
    }

    // ---- what an id of the current knowledge base is, by content ---------------------------------------------

    /** A statement of the current knowledge base as an anchor: its document and its words. */
    public Optional<Entry> statementAnchor(RecordId statement) {
        return sql.first("find the statement", "SELECT document_id, start_offset, end_offset FROM statement WHERE id = ?",
                rs -> new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3)}, statement.number())
                .flatMap(w -> wordsAnchor(RecordId.document(w[0]), (int) w[1], (int) w[2]));
    }

    /** The words at [start, end) of a document as an anchor (a missed statement, the words that show a role). */
    public Optional<Entry> wordsAnchor(RecordId document, int start, int end) {
        return sql.first("find the document", "SELECT hash, file, clean_text FROM document WHERE id = ?", rs -> {
            String text = rs.getString(3);
            if (start < 0 || end <= start || end > text.length()) {
                throw new IllegalArgumentException("the words [" + start + ", " + end + ") are not in " + document
                        + " (its text has " + text.length() + " characters)");
            }
            TextAnchor a = TextAnchor.of(text, start, end);
            return new Entry(null, null, null, null, rs.getString(1).trim(), rs.getString(2), a.exact(), a.prefix(),
                    a.suffix(), a.start(), a.end(), null, null, null, null, null, null, null, null, null, null);
        }, document.number());
    }

    /** The first place of these words in a document, as an anchor. */
    public Optional<Entry> wordsAnchor(RecordId document, String words) {
        int at = workspace.cleanText(document.number()).map(t -> t.indexOf(words)).orElse(-1);
        return at < 0 ? Optional.empty() : wordsAnchor(document, at, at + words.length());
    }

    /** The speaker's name, the kind and the date of a statement now. */
    public Optional<StatementNow> statementNow(RecordId statement) {
        return sql.first("read the statement", "SELECT a.name, s.kind, s.date_iso FROM statement s LEFT JOIN local_actor l "
                + "ON l.id = s.speaker_id LEFT JOIN actor a ON a.id = l.actor_id WHERE s.id = ?",
                rs -> new StatementNow(rs.getString(1), rs.getString(2), rs.getString(3)), statement.number());
    }

    /** A stance of the current knowledge base by content: its document, its actor's name, its issue; its polarity. */
    public Optional<Entry> stanceAnchor(RecordId stance) {
        return sql.first("find the stance", "SELECT d.hash, d.file, a.name, t.issue, t.polarity FROM stance t "
                + "JOIN document d ON d.id = t.document_id JOIN local_actor l ON l.id = t.local_actor_id "
                + "JOIN actor a ON a.id = l.actor_id WHERE t.id = ?", rs -> new Entry(null, null, null, null,
                rs.getString(1).trim(), rs.getString(2), null, null, null, null, null, rs.getString(3), rs.getString(4),
                null, null, null, rs.getString(5), null, null, null, null), stance.number());
    }

    /** An actor of the current knowledge base by any of its names (case ignored) or its id; the most mentioned wins. */
    public Optional<Long> actor(String nameOrId) {
        String n = nameOrId.strip();
        if (RecordId.is(RecordId.Type.ACTOR, n)) {
            return sql.first("find the actor", "SELECT id FROM actor WHERE id = ?", rs -> rs.getLong(1),
                    RecordId.parse(n).number());
        }
        return sql.first("find the actor", "SELECT a.id FROM actor a WHERE LOWER(a.name) = ? OR EXISTS (SELECT 1 FROM "
                + "actor_alias x WHERE x.actor_id = a.id AND LOWER(x.alias) = ?) ORDER BY LOWER(a.name) = ? DESC, "
                + "a.mentions DESC, a.id LIMIT 1", rs -> rs.getLong(1), n.toLowerCase(Locale.ROOT),
                n.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT));
    }

    /**
     * Takes an entry back (a new entry: the log is only appended to). What a rejection or a new speaker removed
     * from the machine's output comes back when the document is extracted again: the document is marked so
     * that the next ingest reads it again. Returns the file that will be read again, if any.
     */
    public Optional<String> undo(long entry, String coder) {
        Entry target = list().stream().filter(e -> e.id() == entry && !e.action().equals("undo")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no correction " + entry));
        append(Entry.of("undo").coder(coder).undoes(entry).build());
        if (ON_WORDS.contains(target.action())) {
            Optional<long[]> doc = document(target);
            doc.ifPresent(d -> sql.update("read the document again", "UPDATE document SET fingerprint = 'undone' "
                    + "WHERE id = ?", d[0]));
            return doc.map(d -> target.docFile());
        }
        return Optional.empty();
    }

    public String actorName(long id) {
        return sql.first("name the actor", "SELECT name FROM actor WHERE id = ?", rs -> rs.getString(1), id).orElse(null);
    }

    // ---- applying --------------------------------------------------------------------------------------------

    /** The entries in force: in order, without the undone ones and the undos themselves. */
    private List<Entry> inForce(Map<Long, String[]> status) {
        List<Entry> all = list();
        for (Entry e : all) {
            if (e.action().equals("undo") && e.undoes() != null) {
                status.put(e.undoes(), new String[] {"undone", null});
                status.put(e.id(), new String[] {"applied", "took back entry " + e.undoes()});
            }
        }
        return inForce(all);
    }

    /** The entries of a log that are in force: in order, without the undone ones and the undos themselves. */
    public static List<Entry> inForce(List<Entry> log) {
        Set<Long> undone = new HashSet<>();
        log.stream().filter(e -> e.action().equals("undo") && e.undoes() != null).forEach(e -> undone.add(e.undoes()));
        return log.stream().filter(e -> !e.action().equals("undo") && (e.id() == null || !undone.contains(e.id())))
                .toList();
    }

    /**
     * Applies the entries on statements and actors. Returns the documents whose statements changed, whose
     * stances must be made again.
     */
    public Set<Long> applyFacts() {
        Map<Long, String[]> status = new LinkedHashMap<>();
        Set<Long> changed = new HashSet<>();
        sql.update("forget the provenance", "DELETE FROM human_fact");
        sql.update("forget the roles' ends", "UPDATE actor_role SET until_iso = NULL WHERE until_iso IS NOT NULL");
        for (Entry e : inForce(status)) {
            if (e.action().equals("stance")) {
                continue;
            }
            String[] result;
            try {
                result = switch (e.action()) {
                    case "reject", "confirm", "speaker", "date" -> onStatement(e, changed);
                    case "kind" -> e.exact() != null ? onStatement(e, changed) : rename(e);
                    case "add" -> add(e, changed);
                    case "role" -> role(e);
                    case "end-role" -> endRole(e);
                    case "merge" -> merge(e);
                    case "split" -> split(e);
                    case "rename" -> rename(e);
                    default -> new String[] {"orphaned", "unknown action " + e.action()};
                };
            } catch (IllegalArgumentException ex) {
                result = new String[] {"orphaned", ex.getMessage()};
            }
            status.put(e.id(), result);
        }
        for (long doc : changed) {
            sql.update("make the stances again", "UPDATE document SET stance_fingerprint = NULL WHERE id = ?", doc);
        }
        writeStatus(status, false);
        return changed;
    }

    /** Applies the entries on stances (after the stance stage). */
    public void applyStances() {
        Map<Long, String[]> status = new LinkedHashMap<>();
        sql.update("forget the stances' provenance", "DELETE FROM human_fact WHERE record LIKE 't%'");
        for (Entry e : inForce(new HashMap<>())) {
            if (e.action().equals("stance")) {
                String[] result;
                try {
                    result = stance(e);
                } catch (IllegalArgumentException ex) {
                    result = new String[] {"orphaned", ex.getMessage()};
                }
                status.put(e.id(), result);
            }
        }
        writeStatus(status, true);
    }

    private void writeStatus(Map<Long, String[]> status, boolean stancesOnly) {
        for (Map.Entry<Long, String[]> s : status.entrySet()) {
            sql.update("note what a correction did", "MERGE INTO correction_status (correction_id, status, detail) KEY "
                    + "(correction_id) VALUES (?,?,?)", s.getKey(), s.getValue()[0], s.getValue()[1]);
        }
        if (!stancesOnly) {
            // a stance entry waits for applyStances: until then it says so
            sql.update("note the stances to come", "MERGE INTO correction_status (correction_id, status, detail) "
                    + "KEY (correction_id) SELECT id, 'pending', 'applied after the stance stage' FROM correction c "
                    + "WHERE action = 'stance' AND NOT EXISTS (SELECT 1 FROM correction_status s WHERE s.correction_id = c.id)");
        }
    }

    private void fact(RecordId record, Entry e) {
        sql.update("note who set it", "MERGE INTO human_fact (record, correction_id) KEY (record, correction_id) VALUES (?,?)",
                record.toString(), e.id());
    }

    /** The document an entry is about: the same bytes, else the latest document of the same file name. */
    private Optional<long[]> document(Entry e) {
        Optional<Long> same = sql.first("find the document", "SELECT id FROM document WHERE hash = ?", rs -> rs.getLong(1),
                e.docHash());
        if (same.isPresent()) {
            return Optional.of(new long[] {same.get()});
        }
        return sql.first("find the document", "SELECT id FROM document WHERE file = ? ORDER BY id DESC LIMIT 1",
                rs -> new long[] {rs.getLong(1)}, e.docFile());
    }

    /** The entry's words in its document now: [document, start, end], or an orphan's reason. */
    private long[] locate(Entry e) {
        long doc = document(e).orElseThrow(() -> new IllegalArgumentException("the document " + e.docFile()
                + " is no longer in the workspace"))[0];
        String text = workspace.cleanText(doc).orElse("");
        TextAnchor found = e.anchor().locate(text);
        if (found == null) {
            throw new IllegalArgumentException("the words are no longer in " + e.docFile());
        }
        return new long[] {doc, found.start(), found.end()};
    }

    private String[] onStatement(Entry e, Set<Long> changed) {
        long[] at = locate(e);
        // the statement at those words, or the one that overlaps them most
        Optional<Long> statement = sql.first("find the statement", "SELECT id FROM statement WHERE document_id = ? "
                + "AND start_offset < ? AND end_offset > ? ORDER BY ABS(start_offset - ?) + ABS(end_offset - ?) LIMIT 1",
                rs -> rs.getLong(1), at[0], at[2], at[1], at[1], at[2]);
        if (e.action().equals("reject")) {
            if (statement.isEmpty()) {
                return new String[] {"applied", null}; // rejected before: the words are there, the statement is not
            }
            sql.update("reject the statement", "DELETE FROM statement WHERE id = ?", statement.get());
            changed.add(at[0]);
            return new String[] {"applied", null};
        }
        if (statement.isEmpty()) {
            throw new IllegalArgumentException("no statement at these words in " + e.docFile());
        }
        long id = statement.get();
        // a document's stances are made again only when this changed it: applied again over a knowledge base that
        // has it already, the correction leaves the stances (and their ids) as they are
        int changes = switch (e.action()) {
            case "speaker" -> {
                long actor = actor(e.value()).orElseThrow(() -> new IllegalArgumentException("no actor named " + e.value()));
                yield setSpeaker(id, at[0], actor) ? 1 : 0;
            }
            case "kind" -> sql.update("change the statement's kind", "UPDATE statement SET kind = ? WHERE id = ? AND kind <> ?",
                    StatementKind.parse(e.value()).id(), id, StatementKind.parse(e.value()).id());
            case "date" -> sql.update("date the statement", "UPDATE statement SET date_iso = ? WHERE id = ? AND "
                    + "date_iso IS DISTINCT FROM ?", e.date(), id, e.date());
            default -> 0; // confirmed: as it is
        };
        if (changes > 0) {
            changed.add(at[0]);
        }
        fact(RecordId.statement(id), e);
        return new String[] {"applied", null};
    }

    /** A statement the machine missed: the words, their speaker, their kind; made again after every rebuild. */
    private String[] add(Entry e, Set<Long> changed) {
        long[] at = locate(e);
        long actor = actor(e.value()).orElseThrow(() -> new IllegalArgumentException("no actor named " + e.value()));
        Optional<Long> there = sql.first("find the statement", "SELECT id FROM statement WHERE document_id = ? "
                + "AND start_offset = ? AND end_offset = ?", rs -> rs.getLong(1), at[0], at[1], at[2]);
        long id;
        if (there.isPresent()) {
            id = there.get(); // found by the machine this time, or added before: its speaker is the person's
            if (setSpeaker(id, at[0], actor)) {
                changed.add(at[0]);
            }
        } else {
            id = sql.insert("add the statement", "INSERT INTO statement (document_id, speaker_id, kind, text, start_offset, "
                    + "end_offset, date_iso, cue, found_by, confidence) SELECT ?, ?, ?, SUBSTRING(clean_text, ?, ?), ?, ?, "
                    + "COALESCE(CAST(? AS VARCHAR(32)), published), NULL, 'person', 1.0 FROM document WHERE id = ?", at[0],
                    localActor(at[0], actor),
                    e.kind() == null ? StatementKind.DIRECT.id() : StatementKind.parse(e.kind()).id(), at[1] + 1,
                    at[2] - at[1], at[1], at[2], e.date(), at[0]);
            changed.add(at[0]);
        }
        fact(RecordId.statement(id), e);
        return new String[] {"applied", null};
    }

    /**
     * Gives a statement this speaker, unless it is theirs already: compared by workspace actor, so that an entry
     * applied again after a merge (its speaker's name now another actor's alias) leaves the statement as it is.
     */
    private boolean setSpeaker(long statement, long doc, long actor) {
        boolean theirs = sql.first("read the speaker", "SELECT 1 FROM statement s JOIN local_actor l ON l.id = s.speaker_id "
                + "WHERE s.id = ? AND l.actor_id = ?", rs -> true, statement, actor).isPresent();
        if (theirs) {
            return false;
        }
        sql.update("change the speaker", "UPDATE statement SET speaker_id = ? WHERE id = ?", localActor(doc, actor), statement);
        return true;
    }

    /** A role the machine missed: the actor held the title (from the date), as the words show. */
    private String[] role(Entry e) {
        long[] at = locate(e);
        long actor = actor(e.actor()).orElseThrow(() -> new IllegalArgumentException("no actor named " + e.actor()));
        // added before (compared by workspace actor: after a merge its holder is another actor's name)
        boolean there = sql.first("find the role", "SELECT 1 FROM actor_role r JOIN local_actor l ON l.id = r.local_actor_id "
                + "WHERE r.document_id = ? AND l.actor_id = ? AND LOWER(r.title) = ? AND r.start_offset = ?", rs -> true,
                at[0], actor, e.value().toLowerCase(Locale.ROOT), at[1]).isPresent();
        if (!there) {
            sql.insert("add the role", "INSERT INTO actor_role (document_id, local_actor_id, title, date_iso, start_offset, "
                    + "end_offset) SELECT ?, ?, ?, COALESCE(CAST(? AS VARCHAR(32)), published), ?, ? FROM document WHERE id = ?",
                    at[0], localActor(at[0], actor),
                    e.value(), e.date(), at[1], at[2], at[0]);
        }
        fact(RecordId.actor(actor), e);
        return new String[] {"applied", null};
    }

    /** The end of a role: every record of the actor holding that title ends at the date. */
    private String[] endRole(Entry e) {
        long actor = actor(e.actor()).orElseThrow(() -> new IllegalArgumentException("no actor named " + e.actor()));
        int n = sql.update("end the role", "UPDATE actor_role SET until_iso = ? WHERE LOWER(title) = ? AND local_actor_id "
                + "IN (SELECT id FROM local_actor WHERE actor_id = ?)", e.date(), e.value().toLowerCase(Locale.ROOT), actor);
        if (n == 0) {
            throw new IllegalArgumentException(e.actor() + " holds no role '" + e.value() + "'");
        }
        fact(RecordId.actor(actor), e);
        return new String[] {"applied", null};
    }

    /** The document's own actor that is this workspace actor, made when the document has none. */
    private long localActor(long doc, long actor) {
        Optional<Long> local = sql.first("find the speaker in the document", "SELECT id FROM local_actor WHERE "
                + "document_id = ? AND actor_id = ? ORDER BY id LIMIT 1", rs -> rs.getLong(1), doc, actor);
        if (local.isPresent()) {
            return local.get();
        }
        String[] a = sql.first("read the actor", "SELECT a.name, a.kind, (SELECT MIN(merge_key) FROM local_actor l "
                + "WHERE l.actor_id = a.id) FROM actor a WHERE a.id = ?", rs -> new String[] {rs.getString(1),
                rs.getString(2), rs.getString(3)}, actor).orElseThrow();
        return sql.insert("add the speaker to the document", "INSERT INTO local_actor (document_id, name, kind, merge_key, "
                + "forms, actor_id) VALUES (?,?,?,?,?,?)", doc, a[0], a[1], a[2] == null ? "h:" + a[0].toLowerCase(Locale.ROOT)
                : a[2], "[" + quote(a[0]) + "]", actor);
    }

    private String[] merge(Entry e) {
        long into = actor(e.actor()).orElseThrow(() -> new IllegalArgumentException("no actor named " + e.actor()));
        Optional<Long> other = actor(e.value());
        if (other.isEmpty() || other.get() == into) {
            // merged already (its names are the kept actor's now), or never there
            return other.isEmpty() ? new String[] {"orphaned", "no actor named " + e.value()} : new String[] {"applied", null};
        }
        long from = other.get();
        sql.update("merge the actors", "UPDATE local_actor SET actor_id = ? WHERE actor_id = ?", into, from);
        sql.update("merge the names", "MERGE INTO actor_alias (actor_id, alias) KEY (actor_id, alias) "
                + "SELECT ?, alias FROM actor_alias WHERE actor_id = ?", into, from);
        sql.update("merge the names", "MERGE INTO actor_alias (actor_id, alias) KEY (actor_id, alias) "
                + "SELECT ?, name FROM actor WHERE id = ?", into, from);
        sql.update("merge the mentions", "UPDATE actor SET mentions = mentions + (SELECT mentions FROM actor WHERE id = ?) "
                + "WHERE id = ?", from, into);
        sql.update("merge the actors", "DELETE FROM actor WHERE id = ?", from);
        fact(RecordId.actor(into), e);
        return new String[] {"applied", null};
    }

    private String[] split(Entry e) {
        long actor = actor(e.actor()).orElseThrow(() -> new IllegalArgumentException("no actor named " + e.actor()));
        String form = e.value();
        List<Long> locals = sql.list("find the form", "SELECT id FROM local_actor WHERE actor_id = ? AND (LOWER(name) = ? "
                + "OR LOWER(forms) LIKE ?)", rs -> rs.getLong(1), actor, form.toLowerCase(Locale.ROOT),
                "%" + quote(form).toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        long all = sql.first("count the forms", "SELECT COUNT(*) FROM local_actor WHERE actor_id = ?", rs -> rs.getLong(1),
                actor).orElse(0L);
        if (locals.isEmpty()) {
            Optional<Long> apart = actor(form);
            return apart.isPresent() && apart.get() != actor ? new String[] {"applied", null}
                    : new String[] {"orphaned", "no form '" + form + "' in " + e.actor()};
        }
        if (locals.size() == all) {
            return new String[] {"orphaned", "every mention of " + e.actor() + " is '" + form + "': nothing to split from"};
        }
        long fresh = sql.first("number the new actor", "SELECT COALESCE(MAX(id), 0) + 1 FROM actor", rs -> rs.getLong(1))
                .orElse(1L);
        sql.update("split the actor", "INSERT INTO actor (id, name, kind, mentions) SELECT ?, ?, kind, 0 FROM actor "
                + "WHERE id = ?", fresh, form, actor);
        sql.update("split the form", "UPDATE local_actor SET actor_id = ? WHERE id = ANY(?)", fresh, Sql.longs(locals));
        sql.update("split the names", "DELETE FROM actor_alias WHERE actor_id = ? AND LOWER(alias) = ?", actor,
                form.toLowerCase(Locale.ROOT));
        sql.update("split the names", "MERGE INTO actor_alias (actor_id, alias) KEY (actor_id, alias) VALUES (?, ?)", fresh,
                form);
        fact(RecordId.actor(fresh), e);
        return new String[] {"applied", null};
    }

    private String[] rename(Entry e) {
        long actor = actor(e.actor()).orElseThrow(() -> new IllegalArgumentException("no actor named " + e.actor()));
        if (e.action().equals("kind")) {
            sql.update("set the actor's kind", "UPDATE actor SET kind = ? WHERE id = ?", e.value(), actor);
        } else {
            sql.update("keep the old name", "MERGE INTO actor_alias (actor_id, alias) KEY (actor_id, alias) "
                    + "SELECT id, name FROM actor WHERE id = ?", actor);
            sql.update("rename the actor", "UPDATE actor SET name = ? WHERE id = ?", e.value(), actor);
        }
        fact(RecordId.actor(actor), e);
        return new String[] {"applied", null};
    }

    private String[] stance(Entry e) {
        long doc = document(e).orElseThrow(() -> new IllegalArgumentException("the document " + e.docFile()
                + " is no longer in the workspace"))[0];
        long actor = actor(e.actor()).orElseThrow(() -> new IllegalArgumentException("no actor named " + e.actor()));
        Optional<Long> stance = sql.first("find the stance", "SELECT t.id FROM stance t JOIN local_actor l ON "
                + "l.id = t.local_actor_id WHERE t.document_id = ? AND l.actor_id = ? AND t.issue = ? ORDER BY t.id LIMIT 1",
                rs -> rs.getLong(1), doc, actor, e.issue());
        long id;
        if (e.value().equals("none")) {
            // the actor takes no side on the issue in this document: the machine's stance goes
            stance.ifPresent(t -> sql.update("remove the stance", "DELETE FROM stance WHERE id = ?", t));
            return new String[] {"applied", null};
        }
        if (stance.isPresent()) {
            id = stance.get();
            if (!e.value().equals("confirm")) {
                sql.update("set the stance", "UPDATE stance SET polarity = ?, confidence = 1.0 WHERE id = ?",
                        Polarity.parse(e.value()).id(), id);
            } else {
                sql.update("confirm the stance", "UPDATE stance SET confidence = 1.0 WHERE id = ?", id);
            }
        } else if (e.value().equals("confirm")) {
            throw new IllegalArgumentException("the stance of " + e.actor() + " on " + e.issue() + " in " + e.docFile()
                    + " is no longer found");
        } else {
            id = sql.insert("add the stance", "INSERT INTO stance (document_id, local_actor_id, issue, polarity, date_iso, "
                    + "confidence, support_weight, oppose_weight) SELECT ?, ?, ?, ?, published, 1.0, 0, 0 FROM document "
                    + "WHERE id = ?", doc, localActor(doc, actor), e.issue(), Polarity.parse(e.value()).id(), doc);
        }
        fact(RecordId.stance(id), e);
        return new String[] {"applied", null};
    }
}
