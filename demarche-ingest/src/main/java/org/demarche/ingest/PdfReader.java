package org.demarche.ingest;

import java.io.IOException;

/**
 * PDF: Tika reads it, then PdfColumnReader reads it again from its glyphs' positions. When a page is set in
 * columns, the columns come out one after the other instead of line by line across the page (Tika's order).
 * Tika's reading stays the one used when the PDF has no columns or its layout cannot be read.
 */
final class PdfReader implements FormatReader {

    private final TikaReader tika;

    PdfReader(TikaReader tika) {
        this.tika = tika;
    }

    @Override
    public boolean reads(Input input) {
        return "application/pdf".equals(input.mediaType());
    }

    @Override
    public void read(Input input, Sink sink) throws IngestException {
        ExtractedText x = tika.read(input.bytes(), input.name(), input.mediaType());
        sink.text(inColumns(x, input.bytes()));
    }

    private static ExtractedText inColumns(ExtractedText x, byte[] bytes) {
        PdfColumnReader.Result columns;
        try {
            columns = PdfColumnReader.read(bytes);
        } catch (IOException | RuntimeException e) {
            return x; // Tika could read it: its text stands
        }
        if (columns.columnPages() == 0 || columns.text().isBlank()) {
            return x;
        }
        return new ExtractedText(columns.text(), PlainTextReader.blocks(columns.text()), x.fileMetadata(), x.mediaType(),
                x.charset(), x.warnings());
    }
}
