package org.demarche.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.demarche.model.Json;
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
                kb.forEachActor(true, a -> write(g, records, a));
                kb.forEachStatement(s -> write(g, records, s));
                workspace.stances().forEachStance(null, t -> write(g, records, t));
                kb.forEachEvent(e -> write(g, records, e));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        out.flush();
        return records[0];
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
