package org.demarche.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one mapping writes the records as the export's lines (spec/CONTRACT.md section 4), field order included. */
class JsonTest {

    @Test
    void idsAreWrittenAndReadInOnePlace() throws Exception {
        assertEquals("a3", RecordId.actor(3).toString());
        assertEquals(RecordId.stance(12), RecordId.parse("t12"));
        assertEquals("\"e2\"", Json.MAPPER.writeValueAsString(RecordId.event(2)));
        assertEquals(RecordId.document(7), Json.MAPPER.readValue("\"d7\"", RecordId.class));
        assertTrue(RecordId.is(RecordId.Type.ACTOR, "a12"));
        assertFalse(RecordId.is(RecordId.Type.ACTOR, "d12"));
        assertThrows(IllegalArgumentException.class, () -> RecordId.parse("x1"));
        assertThrows(IllegalArgumentException.class, () -> RecordId.parse("a"));
    }

    @Test
    void recordsComeOutAsTheExportHasThem() throws Exception {
        Document d = new Document("note.txt", "corpus/note.txt", "00ff", 120, "text/plain", "UTF-8",
                new DocumentMetadata(null, "A note", "2001-02", "A Desk", null, null, null, null, null, "en"),
                "  The note.", "The note.", 2, List.of(), OffsetMap.identity(9));
        assertEquals("{\"type\":\"document\",\"id\":\"d4\",\"file\":\"note.txt\",\"source\":\"corpus/note.txt\",\"url\":null,"
                + "\"title\":\"A note\",\"published\":\"2001-02\",\"publisher\":\"A Desk\",\"author\":null,\"speaker\":null,"
                + "\"speaker_kind\":null,\"speaker_role\":null,\"speaker_for\":null,\"language\":\"en\",\"chars\":9,"
                + "\"boilerplate_chars\":2,\"warnings\":[],\"sha256\":\"00ff\",\"media_type\":\"text/plain\",\"charset\":\"UTF-8\","
                + "\"bytes\":120}", Json.MAPPER.writeValueAsString(new StoredDocument(4, d)));
        Statement s = new Statement(RecordId.statement(5), RecordId.document(4), RecordId.actor(2), StatementKind.DIRECT,
                "The note.", 0, 9, "2001-02", "wrote", "quote-after", 0.9,
                List.of(new Statement.Issue("notes", Polarity.SUPPORT, 0.75, "The note", 1.0, 0.0)), null, null);
        assertEquals("{\"type\":\"statement\",\"id\":\"s5\",\"doc\":\"d4\",\"speaker\":\"a2\",\"kind\":\"direct\","
                + "\"text\":\"The note.\",\"start\":0,\"end\":9,\"date\":\"2001-02\",\"cue\":\"wrote\",\"found_by\":\"quote-after\","
                + "\"confidence\":0.9,\"issues\":[{\"issue\":\"notes\",\"polarity\":\"support\",\"confidence\":0.75,"
                + "\"cue\":\"The note\"}]}", Json.MAPPER.writeValueAsString(s));
        Stance t = new Stance(RecordId.stance(3), RecordId.actor(2), "notes", Polarity.SUPPORT, RecordId.document(4),
                "2001-02", List.of(RecordId.statement(5)), 0.42, 1.0, 0.0, null, null);
        assertEquals("{\"type\":\"stance\",\"id\":\"t3\",\"actor\":\"a2\",\"issue\":\"notes\",\"polarity\":\"support\","
                + "\"doc\":\"d4\",\"date\":\"2001-02\",\"evidence\":[\"s5\"],\"confidence\":0.42,\"unclear\":true,"
                + "\"support_weight\":1.0,\"oppose_weight\":0.0}", Json.MAPPER.writeValueAsString(t));
        assertTrue(Json.MAPPER.writeValueAsString(t.named("note.txt", "A Writer")).endsWith(
                "\"file\":\"note.txt\",\"actor_name\":\"A Writer\"}"), "answers add the names of what ids point to");
        Event e = new Event(RecordId.event(2), EventKind.parse("use-of-force"), List.of(RecordId.actor(2)), null, null,
                null, RecordId.document(4), "The note.", 0, 9);
        assertEquals("{\"type\":\"event\",\"id\":\"e2\",\"kind\":\"use-of-force\",\"actors\":[\"a2\"],\"target\":null,"
                + "\"place\":null,\"date\":null,\"doc\":\"d4\",\"text\":\"The note.\",\"start\":0,\"end\":9}",
                Json.MAPPER.writeValueAsString(e));
    }
}
