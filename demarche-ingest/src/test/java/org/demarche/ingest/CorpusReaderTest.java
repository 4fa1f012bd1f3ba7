package org.demarche.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.demarche.model.DocumentMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading half of an ingest on its own, without a workspace: what it reads, and what it passes over
 * given what a workspace would hold (a map of sources).
 */
class CorpusReaderTest {

    @TempDir
    Path tmp;

    private final DocumentIngester ingester = new DocumentIngester();

    private static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title>"
            + "<item><guid>one</guid><title>Harbour talks</title><description>The minister said the harbour talks "
            + "would resume on Monday.</description></item>"
            + "<item><guid>two</guid><title>Budget</title><description>The council said the budget was not final."
            + "</description></item></channel></rss>";

    private List<CorpusReader.Source> read(CorpusReader reader, Path... files) throws Exception {
        List<CorpusReader.Source> out = new ArrayList<>();
        for (Path f : files) {
            reader.read(f, DocumentMetadata.EMPTY, out::add);
        }
        return out;
    }

    /** What a workspace would remember after storing these sources. */
    private static NavigableMap<String, CorpusReader.Seen> remembered(List<CorpusReader.Source> sources) {
        NavigableMap<String, CorpusReader.Seen> seen = new TreeMap<>();
        for (CorpusReader.Source s : sources) {
            CorpusReader.Read r = (CorpusReader.Read) s;
            seen.put(r.source(), new CorpusReader.Seen(r.document().hash(), r.fingerprint(), r.size(), r.modified()));
        }
        return seen;
    }

    @Test
    void readsFilesAndFeedItemsThenPassesOverWhatIsStored() throws Exception {
        Path text = Files.writeString(tmp.resolve("note.txt"), "The mayor said the bridge would open in May.\n");
        Path feed = Files.writeString(tmp.resolve("desk.rss"), FEED);

        List<CorpusReader.Source> first = read(new CorpusReader(ingester, 1 << 20, "x-1", new TreeMap<>()), text, feed);
        assertEquals(List.of(text.toString(), feed + "#one", feed + "#two"),
                first.stream().map(CorpusReader.Source::source).toList());
        first.forEach(s -> assertInstanceOf(CorpusReader.Read.class, s));
        assertEquals(CorpusReader.sha256(Files.readAllBytes(text)), ((CorpusReader.Read) first.get(0)).document().hash());

        CorpusReader again = new CorpusReader(ingester, 1 << 20, "x-1", remembered(first));
        List<CorpusReader.Source> second = new ArrayList<>();
        CorpusReader.FileRead file = again.read(feed, DocumentMetadata.EMPTY, second::add);
        assertEquals(new CorpusReader.FileRead(CorpusReader.Status.UNCHANGED, 0), file, "an unchanged feed is not opened");
        assertEquals(2, second.size());
        second.forEach(s -> assertInstanceOf(CorpusReader.Unchanged.class, s));

        // touched, same bytes: read, recognised by its hash, with its new time
        Files.setLastModifiedTime(text, FileTime.fromMillis(Files.getLastModifiedTime(text).toMillis() + 60_000));
        CorpusReader.Source touched = read(again, text).get(0);
        assertInstanceOf(CorpusReader.Unchanged.class, touched);
        assertEquals(Files.getLastModifiedTime(text).toMillis(), ((CorpusReader.Unchanged) touched).modified());

        // a new extraction version changes every fingerprint: read again
        CorpusReader newer = new CorpusReader(ingester, 1 << 20, "x-2", remembered(first));
        read(newer, text, feed).forEach(s -> assertInstanceOf(CorpusReader.Read.class, s));
    }

    @Test
    void aFileItCannotReadIsOneFailureWithItsReason() throws Exception {
        Path big = Files.write(tmp.resolve("big.txt"), new byte[2048]);
        Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
        List<CorpusReader.Source> out = read(new CorpusReader(ingester, 1024, "none", new TreeMap<>()), big, empty,
                tmp.resolve("gone.txt"));
        assertEquals(3, out.size());
        out.forEach(s -> assertInstanceOf(CorpusReader.Failed.class, s));
        assertTrue(((CorpusReader.Failed) out.get(0)).reason().startsWith("too large: 2,048 bytes"));
        assertEquals("empty file (0 bytes)", ((CorpusReader.Failed) out.get(1)).reason());
    }

    @Test
    void theRegistryOffersAFileToContainersBeforeItIsRead() throws Exception {
        Path feed = Files.writeString(tmp.resolve("desk.xml"), FEED);
        Path notAFeed = Files.writeString(tmp.resolve("data.xml"), "<?xml version=\"1.0\"?><table><row/></table>");
        FormatReaders formats = ingester.formats();
        assertEquals(FeedReader.class, formats.container(FormatReader.Input.file(feed, 1024)).orElseThrow().getClass());
        assertTrue(formats.container(FormatReader.Input.file(notAFeed, 1024)).isEmpty(), "an .xml that is no feed");
        assertTrue(formats.container(FormatReader.Input.file(tmp.resolve("a.warc.gz"), 1024)).isPresent());
        assertEquals("text/markdown", formats.text(FormatReader.Input.document("a.txt",
                "# Title\n\nSome **strong** words.\n".getBytes(), "text/plain")).mediaType());
    }
}
