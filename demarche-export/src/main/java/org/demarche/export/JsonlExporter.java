package org.demarche.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import java.util.List;
import java.util.Map;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.StanceTables;
import org.demarche.store.StoredDocument;
import org.demarche.store.Workspace;

/**
 * Writes the knowledge base as JSON Lines (spec/CONTRACT.md section 4): one record a line,
 * streamed, so a large workspace is never held in memory. Record ids are the database ids
 * with a type prefix ("d12"), stable for as long as the records are.
 */
public final class JsonlExporter {

    private final boolean includeText;

    /** @param includeText also write each document's cleaned text (field "text") */
    public JsonlExporter(boolean includeText) {
        this.includeText = includeText;
    }

    /** Writes every record; returns how many. */
    public long export(Workspace workspace, OutputStream out) throws IOException {
        JsonFactory factory = new JsonFactory();
        long[] records = {0};
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            try {
                workspace.forEachDocument(d -> write(g, records, () -> writeDocument(g, d)));
                KnowledgeBase kb = workspace.kb();
                Map<Long, List<KnowledgeBase.RoleRow>> roles = kb.roles();
                Map<String, List<Long>> spoken = kb.statementIdsBySpeaker();
                kb.forEachActor(a -> write(g, records, () -> writeActor(g, a, roles.getOrDefault(a.id(), List.of()), spoken)));
                Map<Long, List<StanceTables.IssueRow>> issues = workspace.stances().issuesByStatement();
                kb.forEachStatement(s -> write(g, records, () -> writeStatement(g, s, issues.getOrDefault(s.id(), List.of()))));
                workspace.stances().forEachStance(null, t -> write(g, records, () -> writeStance(g, t)));
                kb.forEachEvent(e -> write(g, records, () -> writeEvent(g, e)));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        out.flush();
        return records[0];
    }

    public static String documentId(long id) {
        return "d" + id;
    }

    public static String actorId(Long id) {
        return id == null ? null : "a" + id;
    }

    public static String statementId(long id) {
        return "s" + id;
    }

    /** Writes one record and its line end, counting it. */
    private interface RecordWriter {
        void write() throws IOException;
    }

    private static void write(JsonGenerator g, long[] records, RecordWriter w) {
        try {
            w.write();
            g.writeRaw('\n');
            records[0]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeActor(JsonGenerator g, KnowledgeBase.ActorRow a, List<KnowledgeBase.RoleRow> roles,
                                   Map<String, List<Long>> spoken) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "actor");
        g.writeStringField("id", actorId(a.id()));
        g.writeStringField("name", a.name());
        g.writeStringField("kind", a.kind());
        g.writeArrayFieldStart("aliases");
        for (String alias : a.aliases()) {
            g.writeString(alias);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("roles");
        for (KnowledgeBase.RoleRow r : roles) {
            g.writeStartObject();
            g.writeStringField("title", r.title());
            g.writeStringField("of", actorId(r.ofActorId()));
            g.writeStringField("from", r.date());
            g.writeNullField("to");
            g.writeArrayFieldStart("evidence"); // what the actor said in that role, in that document
            for (long s : spoken.getOrDefault(r.documentId() + ":" + a.id(), List.of())) {
                g.writeString(statementId(s));
            }
            g.writeEndArray();
            g.writeStringField("doc", documentId(r.documentId()));
            g.writeStringField("text", r.text());
            g.writeNumberField("start", r.start());
            g.writeNumberField("end", r.end());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("mentions", a.mentions());
        g.writeEndObject();
    }

    private static void writeStatement(JsonGenerator g, KnowledgeBase.StatementRow s, List<StanceTables.IssueRow> issues)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "statement");
        g.writeStringField("id", statementId(s.id()));
        g.writeStringField("doc", documentId(s.documentId()));
        g.writeStringField("speaker", actorId(s.speakerId()));
        g.writeStringField("kind", s.kind());
        g.writeStringField("text", s.text());
        g.writeNumberField("start", s.start());
        g.writeNumberField("end", s.end());
        g.writeStringField("date", s.date());
        g.writeStringField("cue", s.cue());
        g.writeStringField("found_by", s.foundBy()); // the extraction step, and its measured precision
        if (s.confidence() == null) {
            g.writeNullField("confidence");
        } else {
            g.writeNumberField("confidence", s.confidence());
        }
        g.writeArrayFieldStart("issues");
        for (StanceTables.IssueRow i : issues) {
            g.writeStartObject();
            g.writeStringField("issue", i.issue());
            g.writeStringField("polarity", i.polarity());
            g.writeNumberField("confidence", i.confidence());
            g.writeStringField("cue", i.cue()); // the words that decided it
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeStance(JsonGenerator g, StanceTables.StanceView t) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "stance");
        g.writeStringField("id", "t" + t.id());
        g.writeStringField("actor", actorId(t.actorId()));
        g.writeStringField("issue", t.issue());
        g.writeStringField("polarity", t.polarity());
        g.writeStringField("doc", documentId(t.documentId()));
        g.writeStringField("date", t.date());
        g.writeArrayFieldStart("evidence"); // strongest first
        for (long s : t.evidence()) {
            g.writeString(statementId(s));
        }
        g.writeEndArray();
        g.writeNumberField("confidence", t.confidence());
        // below the stance model's threshold (StanceModel.CONFIDENT) the polarity is a guess, not a reading
        g.writeBooleanField("unclear", t.confidence() < UNCLEAR_BELOW);
        g.writeNumberField("support_weight", t.support());
        g.writeNumberField("oppose_weight", t.oppose());
        g.writeEndObject();
    }

    /** The confidence below which a stance is unclear (the stance module's StanceModel.CONFIDENT). */
    static final double UNCLEAR_BELOW = 0.5;

    private static void writeEvent(JsonGenerator g, KnowledgeBase.EventRow e) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "event");
        g.writeStringField("id", "e" + e.id());
        g.writeStringField("kind", e.kind());
        g.writeArrayFieldStart("actors");
        for (long a : e.actorIds()) {
            g.writeString(actorId(a));
        }
        g.writeEndArray();
        g.writeStringField("target", actorId(e.targetId()));
        g.writeStringField("place", e.place());
        g.writeStringField("date", e.date());
        g.writeStringField("doc", documentId(e.documentId()));
        g.writeStringField("text", e.text());
        g.writeNumberField("start", e.start());
        g.writeNumberField("end", e.end());
        g.writeEndObject();
    }

    private void writeDocument(JsonGenerator g, StoredDocument stored) throws IOException {
        Document d = stored.document();
        DocumentMetadata m = d.metadata();
        g.writeStartObject();
        g.writeStringField("type", "document");
        g.writeStringField("id", documentId(stored.id()));
        g.writeStringField("file", d.file());
        g.writeStringField("source", d.source());
        g.writeStringField("url", m.url());
        g.writeStringField("title", m.title());
        g.writeStringField("published", m.published());
        g.writeStringField("publisher", m.publisher());
        g.writeStringField("author", m.author());
        g.writeStringField("speaker", m.speaker());
        g.writeStringField("speaker_kind", m.speakerKind());
        g.writeStringField("speaker_role", m.speakerRole());
        g.writeStringField("speaker_for", m.speakerFor());
        g.writeStringField("language", m.language());
        g.writeNumberField("chars", d.cleanText().length());
        g.writeNumberField("boilerplate_chars", d.boilerplateChars());
        g.writeArrayFieldStart("warnings");
        for (String w : d.warnings()) {
            g.writeString(w);
        }
        g.writeEndArray();
        g.writeStringField("sha256", d.hash());
        g.writeStringField("media_type", d.mediaType());
        g.writeStringField("charset", d.charset());
        g.writeNumberField("bytes", d.sizeBytes());
        if (includeText) {
            g.writeStringField("text", d.cleanText());
        }
        g.writeEndObject();
    }
}
