package org.demarche.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata: manifest first, then the file's own, then the byline and dateline the text shows. */
class MetadataTest {

    private final DocumentIngester ingester = new DocumentIngester();

    private Document ingest(String seed, DocumentMetadata manifest) throws Exception {
        Path p = Corpora.seed(seed);
        return ingester.ingest(p.getFileName().toString(), p.toString(), Files.readAllBytes(p), "h", manifest);
    }

    @Test
    void bylineAndDatelineUnderTheTitleAreRead() throws Exception {
        DocumentMetadata m = ingest("003", DocumentMetadata.EMPTY).metadata();
        assertEquals("US and Russia at loggerheads over Kosovo independence", m.title());
        assertEquals("Paul Mitchell", m.author());
        assertEquals("2007-07-23", m.published());
        assertEquals("en", m.language());
    }

    @Test
    void aByLineNamesThePersonWithoutTitles() throws Exception {
        DocumentMetadata m = ingest("004", DocumentMetadata.EMPTY).metadata();
        assertEquals("Russia is not hiding behind “The Kosovo precedent”", m.title());
        assertEquals("Alexander Botsan-Kharchenko", m.author());
        assertNull(m.published());
    }

    @Test
    void theManifestWinsOverWhatTheTextSays(@TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("m.jsonl");
        Path seed = Corpora.seed("003");
        Files.writeString(manifest, "{\"file\": \"" + seed + "\", \"author\": \"WSWS Editorial Board\", "
                + "\"published\": \"2007-07-24\", \"title\": \"Loggerheads\"}\n");
        DocumentMetadata m = ingest("003", Manifest.read(manifest).metadataFor(seed)).metadata();
        assertEquals("WSWS Editorial Board", m.author());
        assertEquals("2007-07-24", m.published());
        assertEquals("Loggerheads", m.title());
    }

    @Test
    void aBadManifestLineIsNamed(@TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("m.csv");
        Files.writeString(manifest, "file,published,speaker_kind\na.txt,3 March 2008,person\nb.txt,2008-03,robot\n");
        Manifest m = Manifest.read(manifest);
        assertEquals(2, m.warnings().size());
        assertEquals(true, m.warnings().get(0).contains(":2: 'published'"), m.warnings().get(0));
        assertEquals(true, m.warnings().get(1).contains(":3: 'speaker_kind'"), m.warnings().get(1));
        assertEquals("2008-03", m.metadataFor(dir.resolve("b.txt")).published());
    }

    @Test
    void datelinesInTheUsualForms() {
        assertEquals("2007-07-23", MetadataInferrer.dateline("23 July 2007"));
        assertEquals("2008-03-03", MetadataInferrer.dateline("March 3, 2008"));
        assertEquals("2008-03-03", MetadataInferrer.dateline("Monday, March 3rd, 2008"));
        assertEquals("2008-03-03", MetadataInferrer.dateline("Published: 2008-03-03"));
        assertEquals("2000-03", MetadataInferrer.dateline("March 2000"));
        assertNull(MetadataInferrer.dateline("Lavrov arrived on November 7 at the Slatina airport"));
    }
}
