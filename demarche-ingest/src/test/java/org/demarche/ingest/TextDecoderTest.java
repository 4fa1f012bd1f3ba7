package org.demarche.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Plain text in the encodings people's files come in. */
class TextDecoderTest {

    private static final String RUSSIAN = "Министр иностранных дел России Сергей Лавров заявил, что одностороннее "
            + "провозглашение независимости Косово нарушает резолюцию 1244 Совета Безопасности ООН и подрывает "
            + "основы международного права. Москва не признает независимость края и поддерживает территориальную "
            + "целостность Сербии.";

    private static String seed001() throws Exception {
        return Files.readString(Corpora.seed("001"), StandardCharsets.UTF_8);
    }

    @Test
    void utf8() throws Exception {
        String text = seed001();
        TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8));
        assertEquals("UTF-8", d.charset());
        assertEquals(text, d.text());
    }

    @Test
    void windows1252WithCurlyQuotes() throws Exception {
        String text = seed001(); // "Russia’s", “mass crimes and ethnic cleansing;”, Resolution 1244–the
        TextDecoder.Decoded d = TextDecoder.decode(text.getBytes("windows-1252"));
        assertEquals("windows-1252", d.charset());
        assertEquals(text, d.text());
    }

    @Test
    void windows1251Cyrillic() throws Exception {
        TextDecoder.Decoded d = TextDecoder.decode(RUSSIAN.getBytes("windows-1251"));
        assertEquals("windows-1251", d.charset());
        assertEquals(RUSSIAN, d.text());
    }

    @Test
    void utf16WithByteOrderMark() throws Exception {
        String text = seed001();
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            byte[] body = text.getBytes(cs);
            byte[] bom = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            byte[] all = ByteBuffer.allocate(body.length + 2).put(bom).put(body).array();
            assertEquals(text, TextDecoder.decode(all).text(), cs.name());
        }
    }

    @Test
    void utf8ByteOrderMarkIsNotText() throws Exception {
        String text = seed001();
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = ByteBuffer.allocate(body.length + 3).put(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
                .put(body).array();
        assertEquals(text, TextDecoder.decode(all).text());
    }

    @Test
    void aFewBrokenBytesInUtf8AreReplacedAndReported() throws Exception {
        byte[] good = seed001().getBytes(StandardCharsets.UTF_8);
        good[100] = (byte) 0xC3; // a lead byte with no continuation
        TextDecoder.Decoded d = TextDecoder.decode(good);
        assertEquals("UTF-8", d.charset());
        assertTrue(d.text().contains("Sergei Lavrov"));
        assertEquals(1, d.warnings().size(), d.warnings().toString());
    }

    @Test
    void randomBytesAreRefused() {
        byte[] junk = new byte[20_000];
        new Random(7).nextBytes(junk);
        IngestException e = assertThrows(IngestException.class, () -> TextDecoder.decode(junk));
        assertTrue(e.getMessage().contains("binary") || e.getMessage().contains("undecodable"), e.getMessage());
    }
}
