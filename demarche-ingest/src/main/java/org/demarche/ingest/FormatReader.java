package org.demarche.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.demarche.model.DocumentMetadata;

/**
 * One input format, as a Tika parser is one: it says which inputs it takes and reads them. {@link FormatReaders}
 * lists every format in one place, in the order they are asked; adding a format is a class and a line there.
 *
 * <p>Most readers read one document's text and layout ({@link Sink#text}). A container (a web archive, a
 * feed) holds many documents: it hands each on ({@link Sink#item}), to be read in its turn as a file of its
 * own, as Tika's package parsers hand embedded documents on.
 */
public interface FormatReader {

    /** Whether this reader takes the input. */
    boolean reads(Input input);

    /** Reads the input into the sink: one text, or a container's items and problems in file order. */
    void read(Input input, Sink sink) throws IOException, IngestException;

    /** Receives what a reader found. */
    interface Sink {
        /** The document's text and layout. */
        void text(ExtractedText text);

        /** A document inside a container. */
        void item(Item item);

        /** A part of a container that could not be read; the rest of it may still be. */
        default void problem(String where, String reason) {}

        /** A record that is not a document (an image, a script, a redirect): passed over. */
        default void skipped() {}
    }

    /**
     * One document inside a container.
     *
     * @param key stable within its container: the record's number in a WARC (archives do not change),
     *            the item's id or link in a feed (a feed saved again has new items on top)
     */
    record Item(String key, byte[] bytes, DocumentMetadata metadata) {}

    /**
     * What a reader is asked about. A file on disk is offered first as it is, unread and without a type
     * ({@link #file}): a container takes it then and streams it, so that a large archive is never held
     * whole. Otherwise its bytes are read and offered with the type detected from them and the name
     * ({@link #document}); the readers of one document's text take only those.
     */
    final class Input {
        private static final int HEAD = 2048;

        private final String name;
        private final Path file;
        private final byte[] bytes;
        private final String mediaType;
        private final long maxItemBytes;
        private TextDecoder.Decoded text;
        private IngestException undecodable;

        private Input(String name, Path file, byte[] bytes, String mediaType, long maxItemBytes) {
            this.name = name;
            this.file = file;
            this.bytes = bytes;
            this.mediaType = mediaType;
            this.maxItemBytes = maxItemBytes;
        }

        /** A file on disk, before it is read; maxItemBytes bounds one document a container holds. */
        public static Input file(Path file, long maxItemBytes) {
            return new Input(file.getFileName().toString(), file, null, null, maxItemBytes);
        }

        /** One document's bytes, of the type detected from them and from its name. */
        public static Input document(String name, byte[] bytes, String mediaType) {
            return new Input(name, null, bytes, mediaType, bytes.length);
        }

        /** The file's base name (format hints come from its extension). */
        public String name() {
            return name;
        }

        public String lowerName() {
            return name.toLowerCase(Locale.ROOT);
        }

        /** The file, for an input offered before it is read; null for a document's bytes. */
        public Path file() {
            return file;
        }

        /** The detected type of a document's bytes; null for a file offered before it is read. */
        public String mediaType() {
            return mediaType;
        }

        public byte[] bytes() {
            return bytes;
        }

        public long maxItemBytes() {
            return maxItemBytes;
        }

        /** The first 2 KB (of the file, or of the bytes); empty when the file cannot be read. */
        public byte[] head() {
            if (bytes != null) {
                return Arrays.copyOf(bytes, Math.min(bytes.length, HEAD));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(HEAD);
            } catch (IOException e) {
                return new byte[0]; // whoever reads the file reports it
            }
        }

        /**
         * The bytes decoded as text, line ends made "\n"; decoded once, however many readers ask.
         *
         * @throws IngestException when the bytes are not text (control characters, binary junk)
         */
        public synchronized TextDecoder.Decoded text() throws IngestException {
            if (text == null && undecodable == null) {
                try {
                    TextDecoder.Decoded d = TextDecoder.decode(bytes);
                    text = new TextDecoder.Decoded(d.text().replace("\r\n", "\n").replace('\r', '\n'), d.charset(),
                            d.warnings());
                } catch (IngestException e) {
                    undecodable = e;
                }
            }
            if (undecodable != null) {
                throw undecodable;
            }
            return text;
        }
    }
}
