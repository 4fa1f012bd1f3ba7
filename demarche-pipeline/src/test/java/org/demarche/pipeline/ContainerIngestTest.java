package org.demarche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.demarche.ingest.Corpora;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Web archives and saved feeds: one document per record or item, with its URL and date; broken ones reported. */
class ContainerIngestTest {

    @TempDir
    Path tmp;

    /** Every failure line, as the person running ingest would read it. */
    static final class Lines implements IngestListener {
        final List<String> failures = new ArrayList<>();

        @Override
        public void fileFailed(Path file, String reason) {
            failures.add((file == null ? "" : file.getFileName() + ": ") + reason);
        }
    }

    private static List<org.demarche.model.Document> documents(Workspace ws) {
        List<org.demarche.model.Document> docs = new ArrayList<>();
        ws.forEachDocument(d -> docs.add(d.document()));
        return docs;
    }

    private static IngestSummary ingest(Workspace ws, Lines lines, Path... inputs) {
        return new IngestRunner(ws, new DocumentIngester(), IngestRunner.Options.defaults())
                .run(List.of(inputs), Manifest.none(), lines);
    }

    /** Real UN General Debate statements, as the HTML page a site would serve. */
    private static List<String> statements(int n) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path p : Corpora.ungdcSample(n)) {
            texts.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static String page(String title, String text) {
        StringBuilder sb = new StringBuilder("<html><head><title>").append(title).append("</title></head><body><nav>Home | News</nav>");
        for (String para : text.split("\\n\\s*\\n")) {
            sb.append("<p>").append(para.replace("&", "&amp;").replace("<", "&lt;")).append("</p>");
        }
        return sb.append("</body></html>").toString();
    }

    private static void response(WarcWriter w, String url, String date, int status, MediaType type, byte[] body)
            throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found").body(type, body).build();
        w.write(new WarcResponse.Builder(URI.create(url)).date(Instant.parse(date + "T12:00:00Z")).body(http).build());
    }

    private Path archive(String name, WarcCompression compression, List<String> texts) throws IOException {
        Path file = tmp.resolve(name);
        try (WarcWriter w = new WarcWriter(Files.newByteChannel(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE), compression)) {
            for (int i = 0; i < texts.size(); i++) {
                response(w, "https://news.example.org/story/" + (i + 1), "2019-0" + (i + 1) + "-15", 200,
                        MediaType.HTML_UTF8, page("Story " + (i + 1), texts.get(i)).getBytes(StandardCharsets.UTF_8));
                if (i == 0) {
                    response(w, "https://news.example.org/logo.png", "2019-01-15", 200, MediaType.parse("image/png"),
                            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3});
                    response(w, "https://news.example.org/gone", "2019-01-15", 404, MediaType.HTML_UTF8,
                            "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return file;
    }

    @Test
    void eachCapturedPageOfAWebArchiveIsADocumentWithItsUrlAndDate() throws Exception {
        Path warc = archive("crawl.warc.gz", WarcCompression.GZIP, statements(3));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Lines lines = new Lines();
            IngestSummary first = ingest(ws, lines, warc);
            assertEquals(List.of(), lines.failures, "an image and a 404 are passed over, not failures");
            assertEquals(3, first.added());
            List<org.demarche.model.Document> docs = documents(ws);
            assertEquals(3, docs.size());
            org.demarche.model.Document second = docs.stream().filter(d -> "https://news.example.org/story/2".equals(d.metadata().url()))
                    .findFirst().orElseThrow();
            assertEquals("2019-02-15", second.metadata().published());
            assertTrue(second.cleanText().length() > 1000, "the statement's text is stored");
            assertFalse(second.cleanText().contains("Home | News"), "the page's chrome is not");

            IngestSummary again = ingest(ws, new Lines(), warc);
            assertEquals(0, again.added());
            assertEquals(3, again.unchanged());
            assertEquals(0, again.bytesRead(), "an unchanged archive is not read again");
        }
    }

    @Test
    void aTruncatedArchiveKeepsTheRecordsBeforeTheBreakAndTheBatchGoesOn() throws Exception {
        Path whole = archive("whole.warc", WarcCompression.NONE, statements(3));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = tmp.resolve("cut.warc");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 3000)); // the last record loses its end
        Files.delete(whole);
        Path other = Corpora.ungdcSample(5).get(4);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Lines lines = new Lines();
            IngestSummary s = ingest(ws, lines, cut, other);
            assertEquals(1, lines.failures.size(), lines.failures.toString());
            String line = lines.failures.get(0);
            assertTrue(line.startsWith("cut.warc: record "), line);
            assertFalse(line.contains("\n"), "one line");
            assertEquals(3, s.added(), "the two whole records and the other file");
            assertEquals(1, s.failed());
        }
    }

    private Path feed(String name, String xml) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, xml, StandardCharsets.UTF_8);
        return f;
    }

    private static String rssItem(String title, String link, String date, String text) {
        String html = page(title, text).replaceAll("(?s).*<body>|</body>.*", "");
        return "<item><title>" + title + "</title><link>" + link + "</link><guid>" + link + "</guid><pubDate>" + date
                + "</pubDate><description><![CDATA[" + html + "]]></description></item>";
    }

    @Test
    void eachFeedItemIsADocumentAndASavedAgainFeedAddsOnlyItsNewItems() throws Exception {
        List<String> texts = statements(3);
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>World desk</title>"
                + "<link>https://news.example.org/</link><description>d</description>";
        String a = rssItem("Debate, first day", "https://news.example.org/a", "Tue, 24 Sep 2019 10:00:00 GMT", texts.get(0));
        String b = rssItem("Debate, second day", "https://news.example.org/b", "Wed, 25 Sep 2019 10:00:00 GMT", texts.get(1));
        Path rss = feed("world.rss", head + b + a + "</channel></rss>");
        Path atom = feed("desk.atom", "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Desk</title><id>urn:desk</id><updated>2019-09-26T00:00:00Z</updated><entry><title>Third day</title>"
                + "<id>urn:desk:3</id><link href=\"https://desk.example.org/3\"/><updated>2019-09-26T08:00:00Z</updated>"
                + "<content type=\"text\">" + texts.get(2).replace("&", "&amp;").replace("<", "&lt;") + "</content></entry></feed>");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Lines lines = new Lines();
            assertEquals(3, ingest(ws, lines, rss, atom).added());
            assertEquals(List.of(), lines.failures);
            org.demarche.model.Document first = documents(ws).stream()
                    .filter(d -> "https://news.example.org/a".equals(d.metadata().url())).findFirst().orElseThrow();
            assertEquals("2019-09-24", first.metadata().published());
            assertEquals("Debate, first day", first.metadata().title());
            assertEquals("World desk", first.metadata().publisher());
            assertTrue(documents(ws).stream().anyMatch(d -> "2019-09-26".equals(d.metadata().published())
                    && "https://desk.example.org/3".equals(d.metadata().url())));

            String c = rssItem("Debate, third day", "https://news.example.org/c", "Thu, 26 Sep 2019 10:00:00 GMT",
                    texts.get(2));
            Files.writeString(rss, head + c + b + a + "</channel></rss>", StandardCharsets.UTF_8);
            IngestSummary again = ingest(ws, new Lines(), rss, atom);
            assertEquals(1, again.added(), "only the new item");
            assertEquals(3, again.unchanged());
        }
    }

    @Test
    void aFeedThatIsNotXmlIsOneLineAndTheOthersAreStored() throws Exception {
        Path broken = feed("broken.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item>"
                + "<title>cut & unescaped</title><description>text</descr");
        Path hostile = feed("entity.xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>&x;</title><description>&x;</description>"
                + "</item></channel></rss>");
        Path other = Corpora.ungdcSample(5).get(1);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Lines lines = new Lines();
            IngestSummary s = ingest(ws, lines, broken, hostile, other);
            assertEquals(2, lines.failures.size(), lines.failures.toString());
            assertTrue(lines.failures.stream().anyMatch(l -> l.startsWith("broken.rss: not a readable feed")), lines.failures.toString());
            assertTrue(lines.failures.stream().anyMatch(l -> l.startsWith("entity.xml: not a readable feed")), lines.failures.toString());
            assertTrue(lines.failures.stream().noneMatch(l -> l.contains("root:")), "no external entity was read");
            assertEquals(1, s.added());
            assertEquals(2, s.failed());
        }
    }

    @Test
    void brokenFilesAmongThousandsAreCountedAndTheRunFinishes() throws Exception {
        List<Path> statements = Corpora.ungdcSample(2000);
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Path whole = archive("whole.warc", WarcCompression.NONE, statements(3));
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(bad.resolve("cut.warc"), java.util.Arrays.copyOf(bytes, bytes.length - 3000));
        Files.delete(whole);
        Files.writeString(bad.resolve("broken.rss"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>a");
        byte[] junk = new byte[50_000];
        new java.util.Random(3).nextBytes(junk);
        Files.write(bad.resolve("junk.txt"), junk);
        List<Path> inputs = new ArrayList<>(statements.subList(0, 1000));
        inputs.add(bad);
        inputs.addAll(statements.subList(1000, 2000));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Lines lines = new Lines();
            IngestSummary s = new IngestRunner(ws, new DocumentIngester(), IngestRunner.Options.defaults())
                    .run(inputs, Manifest.none(), lines);
            assertEquals(3, lines.failures.size(), lines.failures.toString());
            assertTrue(lines.failures.stream().anyMatch(l -> l.startsWith("cut.warc: record 5: unreadable")), lines.failures.toString());
            assertTrue(lines.failures.stream().anyMatch(l -> l.startsWith("broken.rss: ")), lines.failures.toString());
            assertTrue(lines.failures.stream().anyMatch(l -> l.startsWith("junk.txt: ")), lines.failures.toString());
            assertEquals(3, s.failed());
            assertEquals(2002, s.added(), "every statement, and the archive's two whole records");
            assertEquals(2002, ws.documentCount());
        }
    }
}
