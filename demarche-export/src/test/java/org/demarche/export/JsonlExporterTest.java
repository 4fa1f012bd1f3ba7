package org.demarche.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.demarche.model.ActorKind;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;
import org.demarche.model.OffsetMap;
import org.demarche.model.StatementKind;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export of a real text (the example corpus's AP story) stored with an extraction made by hand: one line per
 * record, each with the contract's fields (spec/CONTRACT.md section 4), ids that point at each other, offsets
 * that point at the words.
 */
class JsonlExporterTest {

    @TempDir
    Path tmp;

    @Test
    void everyRecordIsOneLineWithTheContractsFields() throws Exception {
        String text = Files.readString(Path.of("../examples/kosovo/002_45ed76d0f631c29a.txt"), StandardCharsets.UTF_8);
        int name = text.indexOf("Sergey Lavrov");
        int said = text.indexOf("it would undermine security", name);
        int end = text.indexOf('.', said);
        Document d = new Document("002.txt", "corpus/002.txt", "ab12", text.length(), "text/plain", "UTF-8",
                new DocumentMetadata(null, "Russia warns", "2008-03-03", "Associated Press", null, null, null, null, null,
                        "en"), text, text, 0, List.of(), OffsetMap.identity(text.length()));
        Extraction x = new Extraction(
                List.of(new Extraction.LocalActor(0, "Sergey Lavrov", ActorKind.PERSON, "p:sergey lavrov",
                        new LinkedHashSet<>(List.of("Sergey Lavrov", "Lavrov")))),
                List.of(new Extraction.Mention(0, "person", name, name + 13, "Sergey Lavrov")),
                List.of(new Extraction.SaidText(0, StatementKind.INDIRECT, said, end, text.substring(said, end), "2008-03-03",
                        "said", "reported-clause", 0.57)),
                List.of(), List.of(new Extraction.Happening("statement", List.of(0), -1, null, "2008-03-03", name, end,
                        text.substring(name, end))), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            long id = ws.insertDocument(d, "f1");
            ws.kb().insert(id, x);
            List<Long> locals = new ArrayList<>();
            ws.kb().forEachLocalActor(a -> locals.add(a.id()));
            ws.kb().replaceActors(List.of(new KnowledgeBase.MergedActor(1, "Sergey Lavrov", "person",
                    Set.of("Sergey Lavrov", "Lavrov"), locals)));
            ws.commit();
            assertEquals(4, new JsonlExporter(false).export(ws, out));
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(json.readTree(line));
        }
        assertEquals(List.of("document", "actor", "statement", "event"), lines.stream().map(r -> r.get("type").asText()).toList());
        JsonNode doc = lines.get(0);
        assertEquals("d1", doc.get("id").asText());
        assertEquals(text.length(), doc.get("chars").asInt());
        assertEquals("Associated Press", doc.get("publisher").asText());
        assertTrue(doc.has("speaker") && doc.get("speaker").isNull() && !doc.has("text"), doc.toString());
        JsonNode actor = lines.get(1);
        assertEquals("a1", actor.get("id").asText());
        assertEquals("person", actor.get("kind").asText());
        assertEquals(1, actor.get("mentions").asInt());
        JsonNode st = lines.get(2);
        assertEquals("a1", st.get("speaker").asText());
        assertEquals("d1", st.get("doc").asText());
        assertEquals("indirect", st.get("kind").asText());
        assertEquals(st.get("text").asText(), text.substring(st.get("start").asInt(), st.get("end").asInt()));
        assertEquals("reported-clause", st.get("found_by").asText());
        assertTrue(st.get("issues").isArray() && st.get("issues").isEmpty());
        JsonNode event = lines.get(3);
        assertEquals("statement", event.get("kind").asText());
        assertEquals("a1", event.get("actors").get(0).asText());
        assertTrue(event.get("target").isNull());
    }
}
