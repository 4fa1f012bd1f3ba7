package org.demarche.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.junit.jupiter.api.Test;

/**
 * Each supported format, made here with the real libraries (PDFBox, POI) from seed text,
 * and the broken inputs people's folders hold: each is refused with a clear reason.
 */
class FormatsTest {

    private final DocumentIngester ingester = new DocumentIngester();

    private static List<String> seedParagraphs() throws Exception {
        String text = Files.readString(Corpora.seed("001"), StandardCharsets.UTF_8);
        return Arrays.stream(text.split("\n\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Document ingest(String name, byte[] bytes) throws IngestException {
        return ingester.ingest(name, "/tmp/" + name, bytes, "h", DocumentMetadata.EMPTY);
    }

    @Test
    void hostileHtmlKeepsTheArticleAndDropsChromeAndCode() throws Exception {
        List<String> paras = seedParagraphs();
        String html = "<!DOCTYPE html><html><head><title>Lavrov in Kosovo</title>"
                + "<meta name=\"author\" content=\"Jamestown Staff\">"
                + "<meta property=\"article:published_time\" content=\"1999-11-10T08:00:00Z\">"
                + "<script>alert('pwned')</script><style>body{color:red}</style></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/about\">About us</a></nav>"
                + "<div class=\"share-buttons\">Share this post on Facebook Twitter</div>"
                + "<article><h1>Lavrov in Kosovo</h1>"
                + "<p>" + paras.get(1) + "</p>"
                + "<p><img src=x onerror=\"alert(1)\">" + paras.get(2) + "</p>"
                + "</article>"
                + "<div id=\"comments\"><h3>Leave a Reply</h3><form>Your email address will not be published.</form></div>"
                + "<footer>Copyright 2024 Example Media. All rights reserved.</footer>"
                + "<script>document.write('<p>injected</p>')</script></body></html>";
        Document d = ingest("story.html", html.getBytes(StandardCharsets.UTF_8));
        assertEquals("text/html", d.mediaType());
        assertTrue(d.cleanText().contains("Russia’s ambassador to the UN, Sergei Lavrov, held talks in Belgrade"));
        assertTrue(d.cleanText().contains("Moscow has been the international community’s most vocal backer"));
        for (String gone : new String[] {"alert(", "pwned", "onerror", "document.write", "injected", "color:red", "Home", "Share this post", "Leave a Reply",
                "email address", "All rights reserved"}) {
            assertFalse(d.cleanText().contains(gone), "kept: " + gone);
        }
        assertEquals("Lavrov in Kosovo", d.metadata().title());
        assertEquals("Jamestown Staff", d.metadata().author());
        assertEquals("1999-11-10", d.metadata().published());
        assertTrue(d.boilerplateChars() > 0);
    }

    @Test
    void pdf() throws Exception {
        Document d = ingest("monitor.pdf", pdf(seedParagraphs(), null));
        assertEquals("application/pdf", d.mediaType());
        assertTrue(d.cleanText().contains("Lavrov arrived on November 7 at the Slatina airport"), d.cleanText());
    }

    @Test
    void encryptedPdfIsRefused() throws Exception {
        byte[] locked = pdf(seedParagraphs(), "secret");
        IngestException e = assertThrows(IngestException.class, () -> ingest("locked.pdf", locked));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void truncatedPdfIsRefused() throws Exception {
        byte[] whole = pdf(seedParagraphs(), null);
        byte[] cut = Arrays.copyOf(whole, whole.length / 3);
        IngestException e = assertThrows(IngestException.class, () -> ingest("cut.pdf", cut));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void docx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String p : seedParagraphs()) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
        }
        Document d = ingest("monitor.docx", out.toByteArray());
        assertTrue(d.cleanText().contains("He also backed Belgrade’s parallel demand that Yugoslav authorities"));
    }

    @Test
    void odt() throws Exception {
        StringBuilder body = new StringBuilder();
        for (String p : seedParagraphs()) {
            body.append("<text:p>").append(p.replace("&", "&amp;").replace("<", "&lt;")).append("</text:p>");
        }
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry mime = new ZipEntry("mimetype");
            zip.putNextEntry(mime);
            zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Document d = ingest("monitor.odt", out.toByteArray());
        assertTrue(d.cleanText().contains("Lavrov’s visit to Kosovo, moreover, was clearly coordinated"), d.cleanText());
    }

    @Test
    void rtf() throws Exception {
        String p = seedParagraphs().get(1).replace("’", "\\'92");
        String rtf = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\f0 " + p + "\\par}";
        Document d = ingest("monitor.rtf", rtf.getBytes(StandardCharsets.US_ASCII));
        assertTrue(d.cleanText().contains("Russia’s ambassador to the UN, Sergei Lavrov"), d.cleanText());
    }

    @Test
    void decompressionBombInsideDocxIsRefused() throws Exception {
        // 200 MB of XML that compresses to a few hundred KB
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
            byte[] filler = new byte[1 << 20];
            Arrays.fill(filler, (byte) 'A');
            for (int i = 0; i < 200; i++) {
                zip.write(filler);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertTrue(out.size() < 2_000_000, "the bomb is small on disk: " + out.size());
        IngestException e = assertThrows(IngestException.class, () -> ingest("bomb.docx", out.toByteArray()));
        assertTrue(e.getMessage().contains("bomb") || e.getMessage().contains("exceeds"), e.getMessage());
    }

    @Test
    void emptyAndJunkFilesAreRefused() {
        assertThrows(IngestException.class, () -> ingest("empty.txt", new byte[0]));
        assertThrows(IngestException.class, () -> ingest("blank.txt", "  \n\n \t\n".getBytes(StandardCharsets.UTF_8)));
        byte[] junk = new byte[50_000];
        new Random(3).nextBytes(junk);
        for (String name : new String[] {"junk.txt", "junk.bin", "junk.pdf", "junk.docx", "junk"}) {
            IngestException e = assertThrows(IngestException.class, () -> ingest(name, junk), name);
            assertFalse(e.getMessage().isBlank());
            assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        }
    }

    private static byte[] pdf(List<String> paragraphs, String password) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            PDPage page = new PDPage();
            doc.addPage(page);
            PDPageContentStream cs = new PDPageContentStream(doc, page);
            cs.beginText();
            cs.setFont(font, 10);
            cs.setLeading(12);
            cs.newLineAtOffset(40, 750);
            int lines = 0;
            for (String p : paragraphs) {
                for (String line : wrap(p.replace('’', '\'').replace('“', '"').replace('”', '"').replace('–', '-'), 100)) {
                    if (lines++ == 58) {
                        cs.endText();
                        cs.close();
                        page = new PDPage();
                        doc.addPage(page);
                        cs = new PDPageContentStream(doc, page);
                        cs.beginText();
                        cs.setFont(font, 10);
                        cs.setLeading(12);
                        cs.newLineAtOffset(40, 750);
                        lines = 1;
                    }
                    cs.showText(line);
                    cs.newLine();
                }
                cs.newLine();
            }
            cs.endText();
            cs.close();
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.split(" ")) {
            if (line.length() + w.length() + 1 > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        lines.add(line.toString());
        return lines;
    }
}
