package org.demarche.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.junit.jupiter.api.Test;

/**
 * A PDF set in two columns under a title across both, whose content stream draws each row
 * across the page (left line, then right line), as some typesetters do: read by Tika, its lines
 * come out interleaved; read by ingest, every sentence of the speech comes out whole and in order.
 */
class PdfColumnsTest {

    private static final float LEFT = 40;
    private static final float RIGHT = 322;
    private static final float WIDTH = 250;
    private static final int ROWS = 52;

    @Test
    void aTwoColumnPageIsReadColumnByColumn() throws Exception {
        readsInOrder(Corpora.ungdcSample(3).get(2), 12);
    }

    /** Columns set with different leading: their baselines drift, and which one comes first on a row changes. */
    @Test
    void columnsWithDifferentLeadingAreReadColumnByColumn() throws Exception {
        readsInOrder(Corpora.ungdcSample(5).get(4), 13.5f);
    }

    private static void readsInOrder(Path speech, float rightLeading) throws Exception {
        String text = winAnsi(Files.readString(speech, StandardCharsets.UTF_8));
        List<String> paragraphs = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                paragraphs.add(p.strip().replaceAll("\\s+", " "));
            }
        }
        List<String> lines = lines(paragraphs);
        lines = lines.subList(0, Math.min(2 * ROWS, lines.size())); // what fits on the page
        byte[] pdf = twoColumnPdf("Statement in the General Debate of the General Assembly of the United Nations", lines,
                rightLeading);
        List<String> sentences = sentences(String.join(" ", lines).replaceAll("\\s+", " "));
        assertTrue(sentences.size() >= 15, "a speech of some length: " + sentences.size());

        // Tika follows the content stream: each line of one column glued to a line of the other
        String tika = new TikaReader(10_000_000).read(pdf, "speech.pdf", "application/pdf").original();
        assertTrue(whole(sentences, tika) < sentences.size() / 2, "the test page must interleave when read across");

        Document d = new DocumentIngester().ingest("speech.pdf", "speech.pdf", pdf, "x".repeat(64), DocumentMetadata.EMPTY);
        assertEquals(List.of(), missing(sentences, d.cleanText()), d.cleanText());
        assertTrue(d.cleanText().startsWith("Statement in the General Debate"), d.cleanText());
        assertTrue(d.warnings().stream().noneMatch(w -> w.contains("two columns")), d.warnings().toString());
    }

    /** How many sentences appear whole (white space aside) and in order in the text. */
    private static int whole(List<String> sentences, String text) {
        String flat = text.replaceAll("\\s+", " ");
        int from = 0;
        int found = 0;
        for (String s : sentences) {
            int at = flat.indexOf(s, from);
            if (at >= 0) {
                found++;
                from = at + s.length();
            }
        }
        return found;
    }

    private static List<String> missing(List<String> sentences, String text) {
        String flat = text.replaceAll("\\s+", " ");
        return sentences.stream().filter(s -> !flat.contains(s)).toList();
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("(?<=[.!?])\\s+(?=[A-Z])")) {
            if (s.length() > 20) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** The paragraphs as lines of the column's width, an empty line between paragraphs. */
    private static List<String> lines(List<String> paragraphs) throws Exception {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        List<String> lines = new ArrayList<>();
        for (String p : paragraphs) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            StringBuilder line = new StringBuilder();
            for (String word : p.split(" ")) {
                String next = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(next) / 1000 * 10 > WIDTH && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(next);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The title across the page, then the lines down the left column and on down the right one. */
    private static byte[] twoColumnPdf(String title, List<String> lines, float rightLeading) throws Exception {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
        List<String> left = lines.subList(0, Math.min(ROWS, lines.size()));
        List<String> right = lines.subList(left.size(), Math.min(2 * ROWS, lines.size()));
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                show(cs, bold, 14, LEFT, 750, title);
                for (int r = 0; r < ROWS; r++) {
                    if (r < left.size() && !left.get(r).isEmpty()) {
                        show(cs, font, 10, LEFT, 720 - 12 * r, left.get(r));
                    }
                    if (r < right.size() && !right.get(r).isEmpty()) {
                        show(cs, font, 10, RIGHT, 720 - rightLeading * r, right.get(r));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void show(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String text)
            throws Exception {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /** The speech in the characters the standard PDF fonts can draw. */
    private static String winAnsi(String s) {
        return s.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"').replace('–', '-')
                .replace('—', '-').replaceAll("[^\\x20-\\x7E\\n]", " ");
    }
}
