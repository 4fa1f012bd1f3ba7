package org.demarche.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Turns the bytes of a plain-text file into text: a byte-order mark decides first, then
 * strict UTF-8, then ICU's statistical detector (as shipped in Tika) for legacy code pages
 * such as Windows-1251 and Windows-1252. Text that decodes to control characters is binary
 * junk and is refused rather than stored.
 */
public final class TextDecoder {

    /** The decoded text and the character set that produced it. */
    public record Decoded(String text, String charset, List<String> warnings) {}

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {}

    public static Decoded decode(byte[] bytes) throws IngestException {
        List<String> warnings = new ArrayList<>();
        Decoded bom = byBom(bytes);
        if (bom != null) {
            return checked(bom);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return checked(new Decoded(new String(bytes, utf16), utf16.name(), warnings));
        }
        if (hasNul(bytes)) {
            throw new IngestException("binary data, not text (NUL bytes)");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return checked(new Decoded(text, "UTF-8", warnings));
        } catch (CharacterCodingException notUtf8) {
            // Mostly valid UTF-8 with a few broken bytes is still UTF-8: keep it, say so.
            String lenient = new String(bytes, StandardCharsets.UTF_8);
            long broken = lenient.chars().filter(c -> c == '\uFFFD').count();
            long multibyte = lenient.chars().filter(c -> c > 0x7F && c != '\uFFFD').count();
            if (multibyte >= 2 * broken) {
                warnings.add(broken + " undecodable byte sequence(s) replaced by U+FFFD");
                return checked(new Decoded(lenient, "UTF-8", warnings));
            }
        }
        Charset detected = detectLegacy(bytes);
        return checked(new Decoded(new String(bytes, detected), detected.name(), warnings));
    }

    private static Decoded byBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8", List.of());
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", List.of());
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", List.of());
        }
        return null;
    }

    /** UTF-16 without a mark shows as a zero byte in (nearly) every other position. */
    private static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 16) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) {
                evenZeros++;
            }
            if (b[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = n / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean hasNul(byte[] b) {
        int n = Math.min(b.length, 1 << 16);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static Charset detectLegacy(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes.length > 1 << 16 ? java.util.Arrays.copyOf(bytes, 1 << 16) : bytes);
        for (CharsetMatch m : detector.detectAll()) {
            String name = m.getName();
            if (name.equals("UTF-8") || name.startsWith("UTF-16") || name.startsWith("UTF-32")) {
                continue; // ruled out above
            }
            // Latin-1's C1 range holds no text; Windows-1252 prints those bytes (curly quotes, dashes).
            if (name.equals("ISO-8859-1")) {
                return WINDOWS_1252;
            }
            if (Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return WINDOWS_1252;
    }

    /** Refuses text that is mostly control characters or replacement marks: it was never text. */
    private static Decoded checked(Decoded d) throws IngestException {
        String t = d.text();
        int bad = 0;
        int counted = Math.min(t.length(), 1 << 16);
        for (int i = 0; i < counted; i++) {
            char c = t.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || (c >= 0x7F && c < 0xA0) || c == '\uFFFD') {
                bad++;
            }
        }
        if (counted > 0 && bad > Math.max(2, counted / 100)) {
            throw new IngestException("undecodable bytes: " + bad + " of " + counted
                    + " characters are control or replacement characters in " + d.charset() + "; binary junk?");
        }
        return d;
    }
}
