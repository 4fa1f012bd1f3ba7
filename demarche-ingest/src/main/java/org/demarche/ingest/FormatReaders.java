package org.demarche.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Every format demarche reads, in one place and in the order they are asked: the first reader that takes an
 * input reads it (Tika's CompositeParser picks a parser by type the same way). Adding a format is a class
 * that implements {@link FormatReader} and a line in {@link #standard}.
 */
public final class FormatReaders {

    private final List<FormatReader> readers;

    public FormatReaders(List<FormatReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** The formats demarche reads; maxChars caps a document's extracted text. */
    public static FormatReaders standard(int maxChars) {
        TikaReader tika = new TikaReader(maxChars);
        return new FormatReaders(List.of(
                new WebArchiveReader(), // web archives (.warc, .warc.gz): a document per captured page
                new FeedReader(),       // RSS and Atom saved to disk: a document per item
                new RefusedFormats(),   // archives, images, sound, video, unknown binary: refused with the reason
                new MarkdownReader(),   // before plain text: a .txt with Markdown's markup is Markdown
                new PlainTextReader(),
                new PdfReader(tika),    // Tika's text, or its columns in reading order
                tika));                 // HTML, RTF, DOCX, ODT and everything else Tika parses
    }

    /** The reader that takes a file as it is, before it is read: a container's, if it is one. */
    public Optional<FormatReader> container(FormatReader.Input file) {
        return readers.stream().filter(r -> r.reads(file)).findFirst();
    }

    /** One document's text and layout, read by the first reader that takes it. */
    public ExtractedText text(FormatReader.Input document) throws IngestException {
        FormatReader reader = readers.stream().filter(r -> r.reads(document)).findFirst()
                .orElseThrow(() -> new IngestException("no reader for " + document.mediaType()));
        ExtractedText[] read = new ExtractedText[1];
        try {
            reader.read(document, new FormatReader.Sink() {
                @Override
                public void text(ExtractedText text) {
                    read[0] = text;
                }

                @Override
                public void item(FormatReader.Item item) {
                    throw new IllegalStateException(reader.getClass().getSimpleName() + " read a document as a container");
                }
            });
        } catch (IOException e) {
            throw new IngestException("cannot read: " + e.getMessage(), e);
        }
        if (read[0] == null) {
            throw new IllegalStateException(reader.getClass().getSimpleName() + " gave no text");
        }
        return read[0];
    }
}
