package org.demarche.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
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
                workspace.forEachDocument(d -> {
                    try {
                        writeDocument(g, d);
                        g.writeRaw('\n');
                        records[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
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
