package org.demarche.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.demarche.model.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every seed ingests with its chrome gone and its body kept. */
class SeedCleaningTest {

    private static final DocumentIngester INGESTER = new DocumentIngester();
    private static Manifest manifest;

    @BeforeAll
    static void readManifest() throws ManifestException {
        manifest = Manifest.read(Corpora.examples().resolve("manifest.csv"));
    }

    static Document ingest(String prefix) throws IOException, IngestException {
        Path p = Corpora.seed(prefix);
        byte[] bytes = Files.readAllBytes(p);
        return INGESTER.ingest(p.getFileName().toString(), p.toString(), bytes, "h", manifest.metadataFor(p));
    }

    private static void assertKept(Document d, String... sentences) {
        for (String s : sentences) {
            assertTrue(d.cleanText().contains(s), () -> d.file() + " lost: " + s);
        }
    }

    private static void assertDropped(Document d, String... chrome) {
        for (String s : chrome) {
            assertFalse(d.cleanText().contains(s), () -> d.file() + " kept chrome: " + s);
            assertTrue(d.originalText().contains(s), () -> d.file() + " original should still hold: " + s);
        }
    }

    @Test
    void apStoryLosesBrowserBannerCreditAndRepeatedLede() throws Exception {
        Document d = ingest("002");
        assertDropped(d, "IE 11 is not supported", "/ Source: The Associated Press");
        String lede = "Russia's foreign minister claimed that NATO and the EU have been considering using force";
        assertEquals(2, count(d.originalText(), lede));
        assertEquals(1, count(d.cleanText(), lede), "the lede printed twice is kept once");
        assertKept(d, "Russia warns against force on Serbs in Kosovo",
                "\"We have information that the EU mission, attempting to deploy in Serb enclaves _ and the Serbs",
                "'Neutral and impartial'",
                "\"I don't know what the outcome of the talks may be but I have no doubt that it can be only mutually acceptable,\" he said.");
        assertTrue(d.boilerplateChars() > 250, "counted: " + d.boilerplateChars());
    }

    @Test
    void blogOpEdLosesShareAndCommentChrome() throws Exception {
        Document d = ingest("004");
        assertDropped(d, "This post is also available in", "Share this post", "Leave a Reply",
                "Required fields are marked", "scroll to top");
        assertKept(d, "Russia is not hiding behind “The Kosovo precedent”",
                "“Serbia is still showing interest in the subject of the so-called Kosovo precedent.",
                "They will not succeed in one or the other!”");
    }

    @Test
    void markdownArticleLosesMarkupAndContactFooter() throws Exception {
        Document d = ingest("003");
        assertDropped(d, "To contact the WSWS", "wsws.org/contact");
        assertFalse(d.cleanText().contains("*Koha Ditore*"), "emphasis marks are markup, not text");
        assertFalse(d.cleanText().startsWith("#"));
        assertKept(d, "Burns told the daily newspaper Koha Ditore, \"The US will not allow anyone",
                "“We will not accept an amputation of 15 percent of our territory.",
                "The plan for independence has raised these fears once again, and with them the very real possibility of war.");
    }

    @Test
    void monitorBriefLosesIssueLine() throws Exception {
        Document d = ingest("001");
        assertDropped(d, "Publication: Monitor Volume: 5 Issue: 209");
        assertKept(d, "Lavrov arrived on November 7 at the Slatina airport in Kosovo",
                "(AP, November 8-9; Reuters, November 8; Russian agencies, November 7-9).");
    }

    @Test
    void interleavedInterviewLosesNothing() throws Exception {
        Document d = ingest("000");
        assertEquals(0, d.boilerplateChars());
        // its columns are rejoined in a new order (ColumnRepairTest), every character kept but line-end hyphens
        assertEquals(letters(d.originalText()), letters(d.cleanText()), "the same letters, in another order");
    }

    private static String letters(String s) {
        char[] c = s.replaceAll("[\\s-]", "").toCharArray();
        java.util.Arrays.sort(c);
        return new String(c);
    }

    @Test
    void cleanedOffsetsPointBackIntoTheOriginal() throws Exception {
        for (String seed : new String[] {"000", "001", "002", "003", "004"}) {
            Document d = ingest(seed);
            String clean = d.cleanText();
            for (int at = 0; at + 40 < clean.length(); at += 97) {
                String piece = clean.substring(at, at + 12);
                if (piece.contains("\n")) {
                    continue; // separators were inserted by cleaning
                }
                int orig = d.offsets().toOriginal(at);
                if (seed.equals("000") && d.offsets().toOriginal(at + piece.length() - 1) != orig + piece.length() - 1) {
                    continue; // the piece runs over a seam where the interview's columns were rejoined
                }
                // a space where the original breaks the line: the interview's columns rejoined line to line
                assertEquals(piece, d.originalText().substring(orig, orig + piece.length()).replace('\n', ' '),
                        d.file() + " offset " + at);
            }
        }
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
