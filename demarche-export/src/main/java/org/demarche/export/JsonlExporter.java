package org.demarche.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.demarche.model.Actor;
import org.demarche.model.ActorKind;
import org.demarche.model.Json;
import org.demarche.model.RecordId;
import org.demarche.model.Statement;
import org.demarche.store.Corrections;
import org.demarche.model.TextAnchor;
import org.demarche.model.StoredDocument;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.Workspace;

/**
 * Writes the knowledge base as JSON Lines (spec/CONTRACT.md section 4): one record a line,
 * streamed, so a large workspace is never held in memory. Each line is a domain record (document,
 * actor, statement, stance, event) written through the one mapping ({@link Json}) the API and the
 * command line use too; record ids are the database ids with a type prefix ("d12"), stable for as
 * long as the records are.
 */
public final class JsonlExporter {

    private final boolean includeText;

    /** @param includeText also write each document's cleaned text (field "text") */
    public JsonlExporter(boolean includeText) {
        this.includeText = includeText;
    }

    /** Writes every record; returns how many. */
    public long export(Workspace workspace, OutputStream out) throws IOException {
        long[] records = {0};
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            try {
                workspace.forEachDocument(d -> write(g, records, document(d)));
                KnowledgeBase kb = workspace.kb();
                Map<Long, String> codes = kb.stateCodes();
                Map<String, Corrections.Entry> human = workspace.corrections().humanFacts();
                kb.forEachActor(true, a -> write(g, records, provenance(actor(a, codes), a.id(), human)));
                String[] text = {null, null}; // the document the statements are in now (they come document by document)
                kb.forEachStatement(s -> write(g, records, provenance(statement(workspace, s, text), s.id(), human)));
                workspace.stances().forEachStance(null, t -> write(g, records, provenance(t, t.id(), human)));
                kb.forEachEvent(e -> write(g, records, e));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        out.flush();
        return records[0];
    }

    /**
     * Who made the record: {@code source} machine, or human with the {@code coder} and the time
     * ({@code corrected_at}) of the correction that set or confirmed it.
     */
    private static ObjectNode provenance(Object record, RecordId id, Map<String, Corrections.Entry> human) {
        ObjectNode n = record instanceof ObjectNode o ? o : Json.MAPPER.valueToTree(record);
        Corrections.markSource(n, human.get(id.toString()));
        return n;
    }

    /** An actor's record; a state's also says its ISO 3166-1 alpha-3 code ({@code iso3166}). */
    private static Object actor(Actor a, Map<Long, String> codes) {
        String code = a.kind() == ActorKind.STATE ? codes.get(a.id().number()) : null;
        if (code == null) {
            return a;
        }
        ObjectNode n = Json.MAPPER.valueToTree(a);
        n.put("iso3166", code);
        return n;
    }

    /**
     * A statement's record with W3C Web Annotation selectors after its other fields, so that annotation tools can
     * anchor it: a {@code TextQuoteSelector} (exact words, prefix, suffix) and a {@code TextPositionSelector}
     * (offsets into the document's cleaned text, the export's {@code start} and {@code end}).
     */
    private static ObjectNode statement(Workspace ws, Statement s, String[] text) {
        String doc = s.doc().toString();
        if (!doc.equals(text[0])) {
            text[0] = doc;
            text[1] = ws.cleanText(s.doc().number()).orElse(null); // the text alone, not the whole document
        }
        ObjectNode n = Json.MAPPER.valueToTree(s);
        if (text[1] == null || s.end() > text[1].length()) {
            return n;
        }
        TextAnchor a = TextAnchor.of(text[1], s.start(), s.end());
        ArrayNode selectors = n.putArray("selector");
        ObjectNode quote = selectors.addObject();
        quote.put("type", "TextQuoteSelector");
        quote.put("exact", a.exact());
        quote.put("prefix", a.prefix());
        quote.put("suffix", a.suffix());
        ObjectNode position = selectors.addObject();
        position.put("type", "TextPositionSelector");
        position.put("start", a.start());
        position.put("end", a.end());
        return n;
    }

    /** A document's record, with its cleaned text after the other fields when asked for. */
    private Object document(StoredDocument d) {
        if (!includeText) {
            return d;
        }
        ObjectNode n = Json.MAPPER.valueToTree(d);
        n.put("text", d.document().cleanText());
        return n;
    }

    /** Writes one record and its line end, counting it. */
    private static void write(JsonGenerator g, long[] records, Object record) {
        try {
            Json.MAPPER.writeValue(g, record);
            g.writeRaw('\n');
            records[0]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
